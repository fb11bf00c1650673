import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, renderApiTypes } from '../../scripts/api-types.js';

describe("the console's generated API types", () => {
  // The console's types are generated from the server's OpenAPI document; a route schema changed
  // without `npm run api:types` would leave the console compiling against an API that is gone.
  it('match the OpenAPI document the server builds now (run `npm run api:types` when this fails)', async () => {
    expect(await renderApiTypes()).toBe(readFileSync(API_SCHEMA_FILE, 'utf8'));
  }, 120_000);
});
