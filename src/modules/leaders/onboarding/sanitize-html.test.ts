import { describe, expect, it } from 'vitest';
import { htmlText, safeUrl, sanitizeHtml } from './sanitize-html.js';

describe('sanitizeHtml', () => {
  it('keeps the formatting an article needs', () => {
    const html =
      '<h2>自提点规范</h2><p>每天 <strong>8 点</strong>前<em>签收</em>。</p><ul><li>一</li><li>二</li></ul><blockquote>注意</blockquote><br><hr>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('drops scripts, styles and iframes with their content', () => {
    expect(sanitizeHtml('<p>a<script>alert(1)</script>b</p>')).toBe('<p>ab</p>');
    expect(sanitizeHtml('<style>p{}</style><p>x</p>')).toBe('<p>x</p>');
    expect(sanitizeHtml('<iframe src="https://evil"></iframe>ok')).toBe('ok');
    expect(sanitizeHtml('<SCRIPT >alert(1)</SCRIPT >ok')).toBe('ok');
    expect(sanitizeHtml('<svg><script>alert(1)</script></svg>ok')).toBe('ok');
  });

  it('drops everything after an unclosed script', () => {
    expect(sanitizeHtml('<p>a</p><script>alert(1)')).toBe('<p>a</p>');
  });

  it('drops event handlers, styles and unknown attributes', () => {
    expect(sanitizeHtml('<p onclick="x()" style="color:red" class="c">t</p>')).toBe('<p>t</p>');
    expect(sanitizeHtml('<img src="https://x/a.png" onerror="alert(1)">')).toBe(
      '<img src="https://x/a.png">',
    );
  });

  it('keeps http(s) and mailto links, opens them in a new tab, and drops javascript: in any spelling', () => {
    expect(sanitizeHtml('<a href="https://example.com/a?b=1&amp;c=2">x</a>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">x</a>',
    );
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
    ]) {
      expect(sanitizeHtml(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
    }
  });

  it('drops images without a safe source', () => {
    expect(sanitizeHtml('<img src="javascript:alert(1)">')).toBe('');
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA">')).toBe('');
  });

  it('escapes text, so markup in text stays text', () => {
    expect(sanitizeHtml('1 < 2 & 3 > 2')).toBe('1 &lt; 2 &amp; 3 &gt; 2');
    expect(sanitizeHtml('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(sanitizeHtml('<p>"quoted"</p>')).toBe('<p>&quot;quoted&quot;</p>');
  });

  it('escapes attribute values, so a quote cannot break out', () => {
    expect(sanitizeHtml('<img src="https://x/a.png" alt="a&quot; onerror=&quot;alert(1)">')).toBe(
      '<img src="https://x/a.png" alt="a&quot; onerror=&quot;alert(1)">',
    );
  });

  it('drops comments, doctypes and processing instructions', () => {
    expect(sanitizeHtml('<!DOCTYPE html><!-- <script>x</script> --><?xml x?><p>t</p>')).toBe('<p>t</p>');
  });

  it('balances tags: closes what is open, ignores stray end tags, closes crossed tags properly', () => {
    expect(sanitizeHtml('<p><strong>bold')).toBe('<p><strong>bold</strong></p>');
    expect(sanitizeHtml('</div>text')).toBe('text');
    // A stray </p> is an empty paragraph to a browser, and the parser reads it as one.
    expect(sanitizeHtml('</div>text</p>')).toBe('text<p></p>');
    expect(sanitizeHtml('<b><i>x</b>y</i>')).toBe('<b><i>x</i></b>y');
  });

  it('keeps the text of unknown tags and drops the tags', () => {
    expect(sanitizeHtml('<font color="red">red</font><custom-el>c</custom-el>')).toBe('redc');
  });

  it('does not let a broken tag smuggle markup', () => {
    const out = sanitizeHtml('<scr<script>ipt>alert(1)</script>');
    expect(out).not.toMatch(/<script/i);
    expect(sanitizeHtml('<a href="https://x" <script>alert(1)</script>')).not.toMatch(/<script/i);
    expect(sanitizeHtml('< p>not a tag')).toBe('&lt; p&gt;not a tag');
  });

  it('is idempotent', () => {
    const once = sanitizeHtml('<p>a <a href="https://e.com">l</a> &amp; <b>b</p><script>x</script>');
    expect(sanitizeHtml(once)).toBe(once);
  });
});

describe('sanitizeHtml: entities', () => {
  it('decodes every HTML entity, not only a short list, and escapes only what must be', () => {
    expect(sanitizeHtml('<p>&hearts; &eacute;t&eacute; &euro;5 &frac12; &#x1F600; &#20013;</p>')).toBe(
      '<p>♥ été €5 ½ 😀 中</p>',
    );
    expect(sanitizeHtml('<p>&yen;9.9 &times;2 &hellip; &mdash; &ldquo;好&rdquo;</p>')).toBe(
      '<p>¥9.9 ×2 … — “好”</p>',
    );
  });

  it('keeps an unknown entity as text, escaped', () => {
    expect(sanitizeHtml('<p>&zzunknown; &amp;amp;</p>')).toBe('<p>&amp;zzunknown; &amp;amp;</p>');
    // A browser reads the legacy entities without their semicolon, as here: &not → ¬.
    expect(sanitizeHtml('<p>&notit;</p>')).toBe('<p>¬it;</p>');
  });

  it('decodes entities in a URL before checking its scheme', () => {
    for (const href of [
      'javascript&colon;alert(1)',
      '&#x6A;&#x61;vascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      '&#0000106avascript:alert(1)',
      'java&NewLine;script:alert(1)',
    ])
      expect(sanitizeHtml(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="https&colon;//example.com/">x</a>')).toBe(
      '<a href="https://example.com/" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });
});

describe('sanitizeHtml: XSS vectors', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', ''],
    ['<svg/onload=alert(1)></svg>ok', 'ok'],
    ['<svg/onload=alert(1)>ok', ''],
    ['<body onload=alert(1)>ok', 'ok'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>ok', 'ok'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>ok', 'ok'],
    ['<object data="javascript:alert(1)"></object>ok', 'ok'],
    ['<p style="background:url(javascript:alert(1))">t</p>', '<p>t</p>'],
    ['<img src="https://x/a.png" srcset="javascript:alert(1)">', '<img src="https://x/a.png">'],
    ['<a href="//evil.example/">x</a>', '<a>x</a>'],
    ['<a href="/relative/path">x</a>', '<a>x</a>'],
    [
      '<a href="https://x" target="_self" rel="opener">x</a>',
      '<a href="https://x" target="_blank" rel="noopener noreferrer">x</a>',
    ],
    ['<textarea><script>alert(1)</script></textarea>ok', 'ok'],
    ['<form action="https://evil"><input name="p"><button>go</button></form>', 'go'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">ok', 'ok'],
    ['<base href="https://evil/">ok', 'ok'],
  ])('%s', (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });

  it('does not let mutation-XSS through a closing tag inside an attribute', () => {
    const out = sanitizeHtml('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>');
    expect(out).not.toMatch(/onerror|<img/i);
    const out2 = sanitizeHtml('<p title="</p><script>alert(1)</script>">t</p>');
    expect(out2).not.toMatch(/<script|title/i);
  });
});

describe('safeUrl', () => {
  it('allows mailto only for links', () => {
    expect(safeUrl('mailto:a@b.c', 'link')).toBe('mailto:a@b.c');
    expect(safeUrl('mailto:a@b.c', 'image')).toBeNull();
  });
});

describe('htmlText', () => {
  it('gives the visible text', () => {
    expect(htmlText('<p>a&amp;b</p><p> c </p>')).toBe('a&b c');
    expect(htmlText('<p> </p><br>')).toBe('');
  });
});
