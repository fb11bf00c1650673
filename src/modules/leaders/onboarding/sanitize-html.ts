import sanitize from 'sanitize-html';

/**
 * Training articles are rich text (富文本) written in the console and shown in the leader's H5 page,
 * so they are stored as sanitized HTML. The `sanitize-html` library parses the input the way a
 * browser's tokenizer does (htmlparser2, every HTML entity) and writes new HTML from the allow-list
 * below: only these tags and attributes survive, every text and attribute value is escaped again,
 * links must be http(s) or mailto, images http(s), and every element is closed. Because the output is
 * generated rather than filtered, a browser can never read more into it than the allow-list says,
 * however odd the input was.
 */

const ALLOWED_TAGS = [
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
];
const VOID_TAGS = ['br', 'hr', 'img'];
/** Elements whose content is code or hidden markup: dropped together with everything inside. */
const DROP_WITH_CONTENT = [
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
];

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** http, https and mailto links only; `javascript:` (however it is spelled) and `data:` never pass. */
export function safeUrl(raw: string, kind: 'link' | 'image'): string | null {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const url = [...raw]
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

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'target', 'rel'], img: ['src', 'alt'] },
  // The library checks schemes too; safeUrl below is stricter (no relative or protocol-relative URLs).
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: DROP_WITH_CONTENT,
  disallowedTagsMode: 'discard',
  parseStyleAttributes: false,
  // Attribute values arrive decoded (`&#106;avascript:` is `javascript:` here).
  transformTags: {
    a: (tagName, attribs) => {
      const href = safeUrl(attribs.href ?? '', 'link');
      const out: sanitize.Attributes = href ? { href, target: '_blank', rel: 'noopener noreferrer' } : {};
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const src = safeUrl(attribs.src ?? '', 'image');
      const out: sanitize.Attributes = src ? { src } : {};
      if (src && attribs.alt) out.alt = attribs.alt;
      return { tagName, attribs: out };
    },
  },
  // An image without a safe source is dropped whole.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  // Text is escaped by the library (&, <, >); quotes too, as the stored articles always had them.
  textFilter: (text) => text.replace(/"/g, '&quot;'),
};

// The library writes void elements as `<br />`; the stored articles use `<br>`. Attribute values in
// its output have `>` escaped, so the first `>` after the tag name ends the tag.
const SELF_CLOSED = new RegExp(`<(${VOID_TAGS.join('|')})((?: [^>]*?)?) />`, 'g');

/** The allow-listed, re-serialized HTML of `html`. */
export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS).replace(SELF_CLOSED, '<$1$2>');
}

/** The visible text of sanitized HTML, for "is this article empty" and for search. */
export function htmlText(html: string): string {
  // Tags become spaces (so "<p>a</p><p>b</p>" reads "a b"); the library decodes every entity.
  const spaced = html.replace(/<[^>]*>/g, ' ');
  return sanitize(spaced, { allowedTags: [], allowedAttributes: {}, textFilter: (t) => t })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
