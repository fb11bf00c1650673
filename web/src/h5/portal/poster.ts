import dayjs from 'dayjs';
import QRCode from 'qrcode';
import { formatYuan } from '../../shared/money';
import type { PortalCampaign } from './portal-api';

/**
 * The share poster (分享海报): a 750 × 1334 PNG (a phone screen at 2x) with the campaign's cover,
 * its products at group prices, and a QR code of the leader's share link, so a customer who sees
 * it in a WeChat group can scan and order through this leader. Drawn on a canvas in the browser;
 * images that cannot be loaded (or that another site refuses to share, which would taint the
 * canvas) are replaced by drawn placeholders, so the poster can always be saved.
 */
export interface PosterWords {
  scan: string;
  leader: string;
  cutoff: string;
  more: (n: number) => string;
}

export interface PosterInput {
  campaign: PortalCampaign;
  shareUrl: string;
  words: PosterWords;
}

const W = 750;
const H = 1334;
const RED = '#e8432f';
const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
const MAX_ROWS = 5;

function loadImage(src: string, timeoutMs = 4000): Promise<HTMLImageElement | null> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const img = new Image();
    // Asked for with CORS: an image another site serves without it fails to load here instead of
    // loading and then making the canvas unreadable (toDataURL would throw).
    img.crossOrigin = 'anonymous';
    const timer = window.setTimeout(() => resolve(null), timeoutMs);
    img.onload = () => {
      window.clearTimeout(timer);
      resolve(img);
    };
    img.onerror = () => {
      window.clearTimeout(timer);
      resolve(null);
    };
    img.src = src;
  });
}

/** Cuts `text` to fit `maxWidth`, with an ellipsis when cut. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 0 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Splits `text` into at most `maxLines` lines of `maxWidth` (CJK text breaks anywhere). */
export function wrapText(
  ctx: CanvasRenderingContext2D,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > maxWidth && line) {
      lines.push(line);
      line = ch;
      if (lines.length === maxLines) break;
    } else line += ch;
  }
  if (lines.length < maxLines && line) lines.push(line);
  const chars = [...text];
  const consumed = [...lines.join('')].length;
  if (consumed < chars.length && lines.length > 0) {
    const last = lines.length - 1;
    lines[last] = fitText(ctx, `${lines[last] ?? ''}${chars.slice(consumed).join('')}`, maxWidth);
  }
  return lines;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Draws `img` to fill the box, cropping the overflow (CSS object-fit: cover). */
function drawCover(
  ctx: CanvasRenderingContext2D,
  img: HTMLImageElement,
  x: number,
  y: number,
  w: number,
  h: number,
) {
  const scale = Math.max(w / img.naturalWidth, h / img.naturalHeight);
  const sw = w / scale;
  const sh = h / scale;
  ctx.drawImage(img, (img.naturalWidth - sw) / 2, (img.naturalHeight - sh) / 2, sw, sh, x, y, w, h);
}

/** The QR code's dark modules as squares, with a quiet zone of two modules. */
export function drawQr(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 4);
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#000';
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      if (qr.modules.get(r, c))
        ctx.fillRect(x + (c + 2) * cell, y + (r + 2) * cell, Math.ceil(cell), Math.ceil(cell));
    }
  }
}

export async function makePoster(input: PosterInput): Promise<string> {
  const { campaign, words } = input;
  const rows = campaign.items.slice(0, MAX_ROWS);
  const [cover, ...thumbs] = await Promise.all([
    loadImage(campaign.coverUrl),
    ...rows.map((i) => loadImage(i.image ?? '')),
  ]);
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');

  // Background and cover.
  ctx.fillStyle = '#fff3ee';
  ctx.fillRect(0, 0, W, H);
  const coverH = 360;
  if (cover) drawCover(ctx, cover, 0, 0, W, coverH);
  else {
    const g = ctx.createLinearGradient(0, 0, W, coverH);
    g.addColorStop(0, '#ff7a45');
    g.addColorStop(1, RED);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, W, coverH);
    ctx.fillStyle = 'rgba(255,255,255,0.95)';
    ctx.font = `bold 64px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    wrapText(ctx, campaign.name, W - 120, 2).forEach((line, i, all) => {
      ctx.fillText(line, W / 2, coverH / 2 - 30 + (i - (all.length - 1) / 2) * 80);
    });
    ctx.textAlign = 'left';
  }

  // The white card with the name, the times and the products.
  const cardX = 30;
  const cardY = coverH - 60;
  const cardW = W - 60;
  ctx.fillStyle = '#fff';
  roundRect(ctx, cardX, cardY, cardW, H - cardY - 30, 24);
  ctx.fill();
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#222';
  ctx.font = `bold 42px ${FONT}`;
  let y = cardY + 70;
  for (const line of wrapText(ctx, campaign.name, cardW - 60, 2)) {
    ctx.fillText(line, cardX + 30, y);
    y += 54;
  }
  ctx.fillStyle = RED;
  ctx.font = `26px ${FONT}`;
  ctx.fillText(fitText(ctx, words.cutoff, cardW - 60), cardX + 30, y);
  y += 30;

  // The QR block sits at the bottom; as many product rows as fit above it (a two-line name takes one).
  const qrSize = 230;
  const qrY = H - 30 - 30 - qrSize;
  const rowH = 104;
  const room = qrY - 30 - y;
  let fits = Math.min(rows.length, Math.floor(room / rowH));
  if (fits < campaign.items.length && room - fits * rowH < 40) fits = Math.max(0, fits - 1);
  const shown = rows.slice(0, fits);
  shown.forEach((item, i) => {
    const top = y + i * rowH;
    ctx.fillStyle = '#f0f0f0';
    ctx.fillRect(cardX + 30, top + rowH - 2, cardW - 60, 1);
    const thumb = thumbs[i];
    const tx = cardX + 30;
    const ty = top + 12;
    if (thumb) drawCover(ctx, thumb, tx, ty, 80, 80);
    else {
      ctx.fillStyle = '#ffe7df';
      roundRect(ctx, tx, ty, 80, 80, 12);
      ctx.fill();
      ctx.fillStyle = RED;
      ctx.font = `bold 36px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.fillText([...item.productName][0] ?? '团', tx + 40, ty + 53);
      ctx.textAlign = 'left';
    }
    const textX = tx + 100;
    const priceW = 190;
    ctx.fillStyle = '#222';
    ctx.font = `30px ${FONT}`;
    ctx.fillText(fitText(ctx, item.productName, cardW - 60 - 100 - priceW), textX, ty + 34);
    ctx.fillStyle = '#999';
    ctx.font = `24px ${FONT}`;
    ctx.fillText(fitText(ctx, item.spec, cardW - 60 - 100 - priceW), textX, ty + 70);
    ctx.textAlign = 'right';
    ctx.fillStyle = RED;
    ctx.font = `bold 38px ${FONT}`;
    const right = cardX + cardW - 30;
    ctx.fillText(formatYuan(item.priceFen), right, ty + 40);
    if (item.listPriceFen > item.priceFen) {
      ctx.fillStyle = '#aaa';
      ctx.font = `24px ${FONT}`;
      const list = formatYuan(item.listPriceFen);
      ctx.fillText(list, right, ty + 72);
      const w = ctx.measureText(list).width;
      ctx.fillRect(right - w, ty + 64, w, 2);
    }
    ctx.textAlign = 'left';
  });
  y += shown.length * rowH;
  if (campaign.items.length > shown.length) {
    ctx.fillStyle = '#999';
    ctx.font = `24px ${FONT}`;
    ctx.fillText(words.more(campaign.items.length), cardX + 30, y + 36);
  }

  // The QR code of the share link and who shares it.
  const qrX = cardX + 30;
  ctx.strokeStyle = '#f3d5cc';
  ctx.lineWidth = 2;
  ctx.strokeRect(qrX - 1, qrY - 1, qrSize + 2, qrSize + 2);
  drawQr(ctx, input.shareUrl, qrX, qrY, qrSize);
  const sideX = qrX + qrSize + 30;
  const sideW = cardX + cardW - 30 - sideX;
  ctx.fillStyle = RED;
  ctx.font = `bold 34px ${FONT}`;
  wrapText(ctx, words.scan, sideW, 2).forEach((line, i) => {
    ctx.fillText(line, sideX, qrY + 70 + i * 46);
  });
  ctx.fillStyle = '#555';
  ctx.font = `24px ${FONT}`;
  wrapText(ctx, words.leader, sideW, 2).forEach((line, i) => {
    ctx.fillText(line, sideX, qrY + 180 + i * 32);
  });

  return canvas.toDataURL('image/png');
}

/** The times on the poster, in the reader's local time. */
export function posterCutoff(c: PortalCampaign): { time: string; date: string } {
  return { time: dayjs(c.cutoffAt).format('MM-DD HH:mm'), date: dayjs(c.deliveryDate).format('MM-DD') };
}
