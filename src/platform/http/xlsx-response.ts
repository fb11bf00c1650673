import type { Readable } from 'node:stream';
import { Type } from 'typebox';

/** Shared by every xlsx download (templates, exports). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The response body of an xlsx download (built whole, or streamed), for the OpenAPI document. */
export const XlsxFile = Type.Unsafe<Buffer | Readable>({ type: 'string', format: 'binary' });

/** A download's file name: an ASCII fallback and the real (Chinese) name for browsers that read it. */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
