import { writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, renderApiTypes } from './api-types.js';

writeFileSync(API_SCHEMA_FILE, await renderApiTypes());
