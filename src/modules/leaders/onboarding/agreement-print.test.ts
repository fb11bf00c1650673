import { describe, expect, it } from 'vitest';
import { chinaTimestamp, renderSignedAgreementHtml, type SignedRecord } from './agreement-print.js';
import { scribblePng } from './png-encode.js';

const record: SignedRecord = {
  id: 'ags_01',
  title: '团长合作协议 <b>',
  version: 2,
  body: '第一条 <script>alert(1)</script>\n第二条 "quoted" & more',
  leaderName: '陈静',
  leaderCode: 'ABC234',
  typedName: '陈静"><img src=x onerror=alert(1)>',
  textSha256: 'a'.repeat(64),
  signatureSha256: 'b'.repeat(64),
  signaturePng: scribblePng(1),
  signedAt: new Date('2026-03-01T08:00:05Z'),
  ip: '10.0.0.7',
  userAgent: 'Mozilla/5.0 <x>',
};

describe('renderSignedAgreementHtml', () => {
  it('contains the text, the hash, the time in China, the IP and the signature image', () => {
    const html = renderSignedAgreementHtml(record);
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('2026-03-01 16:00:05 (UTC+8)');
    expect(html).toContain('10.0.0.7');
    expect(html).toContain(`data:image/png;base64,${record.signaturePng.toString('base64')}`);
    expect(html).toContain('第二条 &quot;quoted&quot; &amp; more');
  });

  it('escapes every value, so no markup from the text or the typed name gets through', () => {
    const html = renderSignedAgreementHtml(record);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('团长合作协议 &lt;b&gt;');
    expect(html).toContain('Mozilla/5.0 &lt;x&gt;');
  });
});

describe('chinaTimestamp', () => {
  it('shows the moment in UTC+8', () => {
    expect(chinaTimestamp(new Date('2026-02-28T20:30:00Z'))).toBe('2026-03-01 04:30:00 (UTC+8)');
  });
});
