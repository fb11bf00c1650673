import { BUSINESS_TZ, formatLocalDateTime } from '../../../platform/business-time.js';
import { escapeHtml } from './sanitize-html.js';

/**
 * The printable page of one signed agreement (签署凭证): the text as signed, the signature image,
 * the hashes, the time, IP and browser. Server-rendered HTML so that it prints the same from any
 * browser; every value is escaped, and the route sends a Content-Security-Policy that allows no
 * script and images only from data: URLs.
 */
export interface SignedRecord {
  id: string;
  title: string;
  version: number;
  body: string;
  leaderName: string;
  leaderCode: string;
  typedName: string;
  textSha256: string;
  signatureSha256: string;
  signaturePng: Buffer;
  signedAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** A moment in China time, `2026-03-01 16:00:05 (UTC+8)`, as a printed record should read. */
export function chinaTimestamp(at: Date): string {
  return `${formatLocalDateTime(at, BUSINESS_TZ)} (UTC+8)`;
}

export const PRINT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function renderSignedAgreementHtml(r: SignedRecord): string {
  const e = escapeHtml;
  const rows: Array<[string, string]> = [
    ['签署人 Signed by', `${r.leaderName}（${r.leaderCode}）`],
    ['签署姓名 Typed name', r.typedName],
    ['协议版本 Version', `v${r.version}`],
    ['签署时间 Signed at', chinaTimestamp(r.signedAt)],
    ['IP 地址 IP address', r.ip ?? '—'],
    ['浏览器 User agent', r.userAgent ?? '—'],
    ['协议文本 SHA-256 Text hash', r.textSha256],
    ['签名图片 SHA-256 Signature hash', r.signatureSha256],
    ['记录编号 Record id', r.id],
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(r.title)} v${r.version} · ${e(r.leaderName)}</title>
<style>
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 800px; margin: 24px auto; padding: 0 24px; color: #222; }
  h1 { font-size: 22px; text-align: center; }
  .text { white-space: pre-wrap; line-height: 1.7; border: 1px solid #ddd; padding: 16px; }
  table { border-collapse: collapse; width: 100%; margin-top: 16px; }
  th, td { border: 1px solid #ddd; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 13px; }
  th { width: 30%; background: #fafafa; font-weight: normal; }
  td.hash { font-family: monospace; word-break: break-all; }
  .signature img { max-width: 320px; border-bottom: 1px solid #999; }
  .note { color: #666; font-size: 12px; margin-top: 16px; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1 data-testid="print-title">${e(r.title)}（v${r.version}）</h1>
<div class="text" data-testid="print-text">${e(r.body)}</div>
<div class="signature"><p>签名 Signature：</p><img data-testid="print-signature" alt="signature" src="data:image/png;base64,${r.signaturePng.toString('base64')}"></div>
<table>
${rows
  .map(
    ([k, v]) =>
      `<tr><th>${e(k)}</th><td${k.includes('SHA-256') || k.includes('id') ? ' class="hash"' : ''}>${e(v)}</td></tr>`,
  )
  .join('\n')}
</table>
<p class="note">协议文本的 SHA-256 由服务器对签署时的协议正文（UTF-8）计算，可据此核验文本未被改动。The text hash is the SHA-256 of the agreement's body (UTF-8) as signed; hash the text again to verify it.</p>
</body>
</html>
`;
}
