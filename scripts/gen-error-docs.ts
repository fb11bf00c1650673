import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderErrorDocs } from '../src/platform/error-catalogue.js';

writeFileSync(path.resolve(import.meta.dirname, '../docs/errors.md'), renderErrorDocs());
