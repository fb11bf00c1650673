import { defineConfig } from 'drizzle-kit';

// Every module owns its tables in `<module>.tables.ts`; drizzle-kit reads them all and writes one
// ordered stream of SQL migrations that is committed and applied at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/*.tables.ts', './src/modules/**/*.tables.ts'],
  out: './migrations',
});
