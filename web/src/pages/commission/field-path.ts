/**
 * Where in the plan form a server field path belongs: `body.tiered.tiers[2].fromFen` (the domain's
 * form) and `body.tiered.tiers.2.fromFen` (the schema validator's) both become
 * `['tiered', 'tiers', 2, 'fromFen']`, the antd name path of that input. The preview route nests the
 * document under `body.document`.
 */
export type NamePath = Array<string | number>;

export function namePathOf(field: string | undefined): NamePath | null {
  if (!field) return null;
  const rest = field.replace(/^body\.(document\.)?/, '');
  if (rest === field && field.startsWith('body')) return null;
  const parts: NamePath = [];
  for (const segment of rest.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!m) return null;
    const [, name, indexes] = m;
    if (name === undefined) return null;
    parts.push(/^\d+$/.test(name) ? Number(name) : name);
    for (const idx of (indexes ?? '').matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  return parts.length > 0 ? parts : null;
}

export function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => String(x) === String(b[i]));
}
