import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeRgbaPng, pngDataUrl, scribblePng } from './png-encode.js';
import { checkSignaturePng, decodePngDataUrl, inspectPng, MAX_SIGNATURE_BYTES } from './signature-png.js';

const blank = (w = 200, h = 80) => encodeRgbaPng(w, h, Buffer.alloc(w * h * 4));

/** Rewrites the CRC of the chunk at `offset` after a test altered its data. */
function fixCrc(png: Buffer, offset: number): void {
  const length = png.readUInt32BE(offset);
  png.writeUInt32BE(crc32(png.subarray(offset + 4, offset + 8 + length)), offset + 8 + length);
}

describe('checkSignaturePng', () => {
  it('accepts a drawn signature and returns its bytes and size', () => {
    const png = scribblePng(3);
    const result = checkSignaturePng(pngDataUrl(png));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.png.equals(png)).toBe(true);
    expect(result).toMatchObject({ width: 320, height: 120 });
    expect(result.inkPixels).toBeGreaterThan(500);
  });

  it('refuses a blank canvas', () => {
    expect(checkSignaturePng(pngDataUrl(blank()))).toMatchObject({ ok: false, problem: 'blank' });
  });

  it('refuses white ink on white: only dark, visible pixels count', () => {
    const w = 200;
    const h = 80;
    const rgba = Buffer.alloc(w * h * 4, 255);
    expect(checkSignaturePng(pngDataUrl(encodeRgbaPng(w, h, rgba)))).toMatchObject({ problem: 'blank' });
  });

  it('refuses other data URLs and broken base64', () => {
    expect(checkSignaturePng('data:image/jpeg;base64,/9j/4AAQ')).toMatchObject({
      problem: 'not_png_data_url',
    });
    expect(checkSignaturePng('data:image/png;base64,@@@@')).toMatchObject({ problem: 'not_png_data_url' });
    expect(checkSignaturePng('data:image/png;base64,')).toMatchObject({ problem: 'not_png_data_url' });
    expect(checkSignaturePng('hello')).toMatchObject({ problem: 'not_png_data_url' });
  });

  it('refuses bytes that are not a PNG, labelled as one', () => {
    const fake = `data:image/png;base64,${Buffer.from('GIF89a not really a png at all....').toString('base64')}`;
    expect(checkSignaturePng(fake)).toMatchObject({ problem: 'not_png' });
  });

  it('refuses a PNG whose chunk was altered (CRC mismatch)', () => {
    const png = scribblePng(1);
    png[40] = (png[40] ?? 0) ^ 0xff;
    expect(checkSignaturePng(pngDataUrl(png))).toMatchObject({ problem: 'not_png' });
  });

  it('refuses a truncated PNG', () => {
    const png = scribblePng(1);
    expect(checkSignaturePng(pngDataUrl(png.subarray(0, png.length - 20)))).toMatchObject({
      problem: 'not_png',
    });
  });

  it('refuses trailing bytes after IEND', () => {
    const png = Buffer.concat([scribblePng(1), Buffer.from('tail')]);
    expect(checkSignaturePng(pngDataUrl(png))).toMatchObject({ problem: 'not_png' });
  });

  it('refuses image data that inflates to more than the header promises (a decompression bomb)', () => {
    const png = blank(100, 40);
    // Claim a smaller height than the data holds.
    png.writeUInt32BE(30, 8 + 8 + 4);
    fixCrc(png, 8);
    expect(inspectPng(png)).toMatchObject({ problem: 'not_png' });
  });

  it('refuses image data that is too short for the header', () => {
    const png = blank(100, 40);
    png.writeUInt32BE(50, 8 + 8 + 4);
    fixCrc(png, 8);
    expect(inspectPng(png)).toMatchObject({ problem: 'not_png' });
  });

  it('refuses 16-bit, palette and interlaced images, and absurd sizes', () => {
    for (const [byte, value] of [
      [8 + 8 + 8, 16],
      [8 + 8 + 9, 3],
      [8 + 8 + 12, 1],
    ] as const) {
      const png = blank();
      png[byte] = value;
      fixCrc(png, 8);
      expect(inspectPng(png)).toMatchObject({ problem: 'unsupported_png' });
    }
    const tiny = encodeRgbaPng(10, 10, Buffer.alloc(400, 0));
    expect(inspectPng(tiny)).toMatchObject({ problem: 'unsupported_png' });
  });

  it('refuses an image over the size limit before decoding it', () => {
    const big = Buffer.alloc(MAX_SIGNATURE_BYTES + 10, 1);
    expect(decodePngDataUrl(pngDataUrl(big))).toBe('too_large');
    expect(checkSignaturePng(pngDataUrl(big))).toMatchObject({ problem: 'too_large' });
  });

  it('undoes every row filter (Sub, Up, Average, Paeth) when counting ink', () => {
    const w = 64;
    const h = 32;
    const bpp = 4;
    // A dark band in rows 10-20, encoded with a different filter per row; each filter's encoding
    // uses the decoded neighbours, so a decoder that got one wrong would see different pixels.
    const pixels = Buffer.alloc(w * h * bpp);
    for (let y = 10; y < 20; y += 1)
      for (let x = 0; x < w; x += 1) pixels.set([10, 10, 10, 255], (y * w + x) * bpp);
    const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (pixels[y * w * bpp + x] ?? 0));
    const rows = Buffer.alloc(h * (1 + w * bpp));
    for (let y = 0; y < h; y += 1) {
      const filter = y % 5;
      rows[y * (1 + w * bpp)] = filter;
      for (let x = 0; x < w * bpp; x += 1) {
        const raw = at(x, y);
        const left = x >= bpp ? at(x - bpp, y) : 0;
        const up = y > 0 ? at(x, y - 1) : 0;
        const upLeft = x >= bpp && y > 0 ? at(x - bpp, y - 1) : 0;
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        const predicted = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
        rows[y * (1 + w * bpp) + 1 + x] = (raw - predicted) & 0xff;
      }
    }
    const ref = encodeRgbaPng(w, h, Buffer.alloc(w * h * bpp));
    // Swap the reference's unfiltered IDAT for the filtered one.
    const idatOffset = 8 + 25;
    const idat = deflateSync(rows);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(idat.length, 0);
    head.write('IDAT', 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), idat])), 0);
    const iend = ref.subarray(ref.length - 12);
    const png = Buffer.concat([ref.subarray(0, idatOffset), head, idat, crc, iend]);
    expect(inspectPng(png)).toEqual({ width: w, height: h, inkPixels: w * 10 });
  });
});
