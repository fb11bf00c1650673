import { createHash } from 'node:crypto';

/**
 * What a leader signs is the agreement's body text exactly as stored and shown: its SHA-256 over the
 * UTF-8 bytes is kept with the signature, so anyone can later prove which words were agreed to by
 * hashing the text again. Nothing is normalised (not even line endings): the hash is of the exact text.
 */
export function agreementTextSha256(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The typed name must be the leader's name; spaces people type around or inside it do not count. */
export function namesMatch(typed: string, leaderName: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const t = norm(typed);
  return t.length > 0 && t === norm(leaderName);
}
