import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CATALOGUES } from '../src/modules.js';
import { renderErrorDocs } from '../src/platform/error-catalogue.js';

writeFileSync(path.resolve(import.meta.dirname, '../docs/errors.md'), renderErrorDocs(ERROR_CATALOGUES));
