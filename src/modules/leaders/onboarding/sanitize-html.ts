/**
 * Training articles are rich text (富文本) written in the console and shown in the leader's H5 page,
 * so they are stored as sanitized HTML. The sanitizer parses the input into tags and text and then
 * writes new HTML from an allow-list: only the tags and attributes below survive, every text and
 * attribute value is escaped again, links must be http(s) or mailto, and every element is closed.
 * Because the output is generated rather than filtered, a browser can never read more into it than
 * the allow-list says, however odd the input was.
 */

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'hr',
  'div',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'h1',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'a',
  'img',
]);
const VOID_TAGS = new Set(['br', 'hr', 'img']);
/** Elements whose content is code or hidden markup: dropped together with everything inside. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'select',
  'svg',
  'math',
  'head',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  yen: '¥',
  times: '×',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      // Control characters and out-of-range code points become nothing rather than something odd.
      if (!Number.isFinite(code) || code <= 0x08 || (code >= 0x0e && code < 0x20) || code > 0x10ffff)
        return '';
      if (code >= 0xd800 && code <= 0xdfff) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** http, https and mailto links only; `javascript:` (however it is spelled) and `data:` never pass. */
export function safeUrl(raw: string, kind: 'link' | 'image'): string | null {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const url = [...decodeEntities(raw)]
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return c > 0x20 && (c < 0x7f || c > 0x9f);
    })
    .join('');
  const lower = url.toLowerCase();
  if (lower.startsWith('https://') || lower.startsWith('http://')) return url;
  if (kind === 'link' && lower.startsWith('mailto:')) return url;
  return null;
}

interface Tag {
  kind: 'start' | 'end';
  name: string;
  attrs: Map<string, string>;
}

/** Reads one tag starting at `i` (just after '<'), returning it and the index after '>'. */
function readTag(html: string, i: number): { tag: Tag; next: number } {
  const closing = html[i] === '/';
  let j = closing ? i + 1 : i;
  const nameMatch = /^[A-Za-z][A-Za-z0-9-]*/.exec(html.slice(j, j + 64));
  const name = (nameMatch?.[0] ?? '').toLowerCase();
  j += nameMatch?.[0].length ?? 0;
  const attrs = new Map<string, string>();
  while (j < html.length) {
    while (j < html.length && /[\s/]/.test(html[j] ?? '')) j += 1;
    if (j >= html.length || html[j] === '>') break;
    const attrName = /^[^\s/>=]+/.exec(html.slice(j, j + 256))?.[0] ?? html[j] ?? '';
    j += attrName.length;
    while (j < html.length && /\s/.test(html[j] ?? '')) j += 1;
    let value = '';
    if (html[j] === '=') {
      j += 1;
      while (j < html.length && /\s/.test(html[j] ?? '')) j += 1;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const end = html.indexOf(quote, j + 1);
        value = html.slice(j + 1, end === -1 ? html.length : end);
        j = end === -1 ? html.length : end + 1;
      } else {
        const unquoted = /^[^\s>]*/.exec(html.slice(j))?.[0] ?? '';
        value = unquoted;
        j += unquoted.length;
      }
    }
    const key = attrName.toLowerCase();
    if (!attrs.has(key)) attrs.set(key, value);
  }
  return { tag: { kind: closing ? 'end' : 'start', name, attrs }, next: Math.min(j + 1, html.length) };
}

function openTag(tag: Tag): string {
  const parts = [tag.name];
  if (tag.name === 'a') {
    const href = safeUrl(tag.attrs.get('href') ?? '', 'link');
    if (href) parts.push(`href="${escapeHtml(href)}"`, 'target="_blank"', 'rel="noopener noreferrer"');
  } else if (tag.name === 'img') {
    const src = safeUrl(tag.attrs.get('src') ?? '', 'image');
    if (!src) return '';
    parts.push(`src="${escapeHtml(src)}"`);
    const alt = tag.attrs.get('alt');
    if (alt) parts.push(`alt="${escapeHtml(decodeEntities(alt))}"`);
  }
  return `<${parts.join(' ')}>`;
}

/** The allow-listed, re-serialized HTML of `html`. */
export function sanitizeHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  let i = 0;
  const text = (s: string) => {
    out += escapeHtml(decodeEntities(s));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    const after = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (after === '!' || after === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const isTag = /[A-Za-z]/.test(after) || (after === '/' && /[A-Za-z]/.test(html[lt + 2] ?? ''));
    if (!isTag) {
      text('<');
      i = lt + 1;
      continue;
    }
    const { tag, next } = readTag(html, lt + 1);
    i = next;
    if (tag.kind === 'start' && DROP_WITH_CONTENT.has(tag.name)) {
      // Skip to the matching end tag; without one, everything after is dropped.
      const close = new RegExp(`</${tag.name}(?=[\\s/>])`, 'i').exec(html.slice(i));
      if (!close) break;
      const end = html.indexOf('>', i + close.index);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    if (!ALLOWED_TAGS.has(tag.name)) continue;
    if (tag.kind === 'start') {
      out += openTag(tag);
      if (!VOID_TAGS.has(tag.name)) open.push(tag.name);
    } else if (!VOID_TAGS.has(tag.name)) {
      const at = open.lastIndexOf(tag.name);
      if (at === -1) continue;
      while (open.length > at) out += `</${open.pop()}>`;
    }
  }
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}

/** The visible text of sanitized HTML, for "is this article empty" and for search. */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
