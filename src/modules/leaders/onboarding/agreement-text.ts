import { createHash } from 'node:crypto';

/**
 * What a leader signs is the agreement's body text exactly as stored and shown: its SHA-256 over the
 * UTF-8 bytes is kept with the signature, so anyone can later prove which words were agreed to by
 * hashing the text again. Nothing is normalised (not even line endings): the hash is of the exact text.
 */
export function agreementTextSha256(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * The typed name must be the leader's name; spaces people type around or inside it do not count.
 * Leaders are often registered with their shop in brackets after the name (张三（幸福小区店）, also
 * with ASCII brackets): the person signs with their own name, so the name without that bracketed
 * suffix is accepted too.
 */
export function namesMatch(typed: string, leaderName: string): boolean {
  // NFKC turns full-width brackets into ASCII ones, so one pattern covers both.
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const t = norm(typed);
  if (t.length === 0) return false;
  const registered = norm(leaderName);
  if (t === registered) return true;
  const withoutShop = registered.replace(/\([^()]*\)$/, '');
  return withoutShop.length > 0 && withoutShop !== registered && t === withoutShop;
}
