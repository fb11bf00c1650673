import { crc32, inflateSync } from 'node:zlib';

/**
 * The drawn signature (手写签名) arrives as a canvas PNG data URL. Before it is stored as evidence of
 * a signature it is checked to be a real, complete PNG: the signature bytes, every chunk's CRC, an
 * IHDR the page can produce, image data that inflates to exactly the size the header promises (so a
 * decompression bomb stops at that size), and some ink on it (a blank canvas is not a signature).
 * Pure functions over bytes; nothing here touches the database.
 */

/** The largest PNG accepted, in bytes after base64 decoding. A phone canvas signature is 10-60 KB. */
export const MAX_SIGNATURE_BYTES = 200 * 1024;
/** The data URL's longest length: base64 of the largest PNG plus the prefix. */
export const MAX_SIGNATURE_DATA_URL_LENGTH = Math.ceil(MAX_SIGNATURE_BYTES / 3) * 4 + 32;
const MAX_SIDE = 2400;
const MIN_WIDTH = 60;
const MIN_HEIGHT = 30;
/** Fewer dark pixels than this is a dot or an accidental touch, not a signature. */
export const MIN_INK_PIXELS = 40;

const PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes per pixel of the 8-bit colour types: greyscale, RGB, greyscale + alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export type SignatureProblem = 'not_png_data_url' | 'too_large' | 'not_png' | 'unsupported_png' | 'blank';

export interface PngInfo {
  width: number;
  height: number;
  inkPixels: number;
}

export type SignatureCheck =
  | { ok: true; png: Buffer; width: number; height: number; inkPixels: number }
  | { ok: false; problem: SignatureProblem; detail: string };

const fail = (problem: SignatureProblem, detail: string): SignatureCheck => ({ ok: false, problem, detail });

/** Decodes `data:image/png;base64,...` strictly: the prefix, base64 characters only, the size limit. */
export function decodePngDataUrl(dataUrl: string): Buffer | SignatureProblem {
  if (!dataUrl.startsWith(PREFIX)) return 'not_png_data_url';
  const b64 = dataUrl.slice(PREFIX.length);
  if (b64.length > MAX_SIGNATURE_DATA_URL_LENGTH) return 'too_large';
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
    return 'not_png_data_url';
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) return 'too_large';
  return bytes;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Undoes the per-row filters in place (PNG spec §9) and returns the raw pixel rows. */
function unfilter(data: Buffer, width: number, height: number, bpp: number): Buffer | null {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x += 1) {
      const raw = data[src + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[prev + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bpp ? (out[prev + x - bpp] ?? 0) : 0;
      let value: number;
      switch (filter) {
        case 0:
          value = raw;
          break;
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4:
          value = raw + paeth(left, up, upLeft);
          break;
        default:
          return null;
      }
      out[row + x] = value & 0xff;
    }
  }
  return out;
}

/** Dark, visible pixels: what a pen leaves on a white or transparent canvas. */
function countInk(pixels: Buffer, colorType: number, bpp: number): number {
  let ink = 0;
  for (let i = 0; i < pixels.length; i += bpp) {
    let grey: number;
    let alpha = 255;
    if (colorType === 0 || colorType === 4) {
      grey = pixels[i] ?? 255;
      if (colorType === 4) alpha = pixels[i + 1] ?? 0;
    } else {
      const r = pixels[i] ?? 255;
      const g = pixels[i + 1] ?? 255;
      const b = pixels[i + 2] ?? 255;
      grey = (r * 299 + g * 587 + b * 114) / 1000;
      if (colorType === 6) alpha = pixels[i + 3] ?? 0;
    }
    if (alpha >= 128 && grey < 160) ink += 1;
  }
  return ink;
}

/**
 * Parses a PNG far enough to know it is one: chunk structure and CRCs, the header, the image data.
 * Only non-interlaced 8-bit greyscale / RGB(A) images are accepted: that is what a canvas makes.
 */
export function inspectPng(bytes: Buffer): PngInfo | { problem: SignatureProblem; detail: string } {
  if (bytes.length < PNG_SIGNATURE.length + 12 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    return { problem: 'not_png', detail: 'the bytes do not start with the PNG signature' };
  let offset = 8;
  let header: {
    width: number;
    height: number;
    bitDepth: number;
    colorType: number;
    interlace: number;
  } | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) return { problem: 'not_png', detail: 'a chunk is cut short' };
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (length > bytes.length - offset - 12)
      return { problem: 'not_png', detail: `chunk ${type} is cut short` };
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc)
      return { problem: 'not_png', detail: `chunk ${type} fails its CRC` };
    if (!/^[A-Za-z]{4}$/.test(type))
      return { problem: 'not_png', detail: 'a chunk type is not four letters' };
    if (header === null && type !== 'IHDR')
      return { problem: 'not_png', detail: 'IHDR is not the first chunk' };
    if (type === 'IHDR') {
      if (header !== null || length !== 13) return { problem: 'not_png', detail: 'bad IHDR chunk' };
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] ?? 0,
        colorType: data[9] ?? 0,
        interlace: data[12] ?? 0,
      };
      if ((data[10] ?? 1) !== 0 || (data[11] ?? 1) !== 0)
        return { problem: 'not_png', detail: 'unknown compression or filter method' };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      ended = true;
      offset += 12 + length;
      break;
    }
    offset += 12 + length;
  }
  if (!header) return { problem: 'not_png', detail: 'no IHDR chunk' };
  if (!ended || offset !== bytes.length) return { problem: 'not_png', detail: 'IEND is missing or not last' };
  if (idat.length === 0) return { problem: 'not_png', detail: 'no image data (IDAT)' };
  const bpp = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || bpp === undefined || header.interlace !== 0)
    return {
      problem: 'unsupported_png',
      detail: 'only non-interlaced 8-bit greyscale, RGB or RGBA images are accepted',
    };
  const { width, height } = header;
  if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_SIDE || height > MAX_SIDE)
    return {
      problem: 'unsupported_png',
      detail: `the image must be ${MIN_WIDTH}-${MAX_SIDE} × ${MIN_HEIGHT}-${MAX_SIDE} pixels`,
    };
  const expected = height * (1 + width * bpp);
  let raw: Buffer;
  try {
    // One byte more than promised, so that extra data is noticed without inflating all of it.
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return { problem: 'not_png', detail: 'the image data does not inflate to the size its header gives' };
  }
  if (raw.length !== expected)
    return { problem: 'not_png', detail: 'the image data does not inflate to the size its header gives' };
  const pixels = unfilter(raw, width, height, bpp);
  if (!pixels) return { problem: 'not_png', detail: 'a row has an unknown filter type' };
  return { width, height, inkPixels: countInk(pixels, header.colorType, bpp) };
}

/** The whole check of a submitted signature: data URL, PNG, and enough ink. */
export function checkSignaturePng(dataUrl: string): SignatureCheck {
  const decoded = decodePngDataUrl(dataUrl);
  if (typeof decoded === 'string')
    return fail(
      decoded,
      decoded === 'too_large'
        ? `the signature image is larger than ${MAX_SIGNATURE_BYTES / 1024} KB`
        : 'expected data:image/png;base64,...',
    );
  const info = inspectPng(decoded);
  if ('problem' in info) return fail(info.problem, info.detail);
  if (info.inkPixels < MIN_INK_PIXELS) return fail('blank', 'the signature image is empty');
  return { ok: true, png: decoded, ...info };
}
