import { describe, expect, it } from 'vitest';
import { convertWithLibrary, toPlainText } from '../../../../src/domain/text/html.js';
import { simpleHtmlToText } from '../../../../src/domain/text/simple-html.js';

/** Pages the fast converter must handle, each with a trap of the parsing or layout rules. */
const HANDLED = [
  '<p>Gunmen abducted three workers near Kayes.</p><p>The army said it was searching.</p>',
  '<html><head><title>Kayes &amp; Nioro</title><script>var a = "</p>";</script><style>p { color: red }</style></head><body><h1>Three kidnapped</h1>\n<p>First.</p></body></html>',
  '<!DOCTYPE html><html><body><article><h2>Headline</h2><div><div>Nested <b>bold</b>text and <em> spaced </em> words</div></div></article></body></html>',
  '<p>Unclosed paragraph<p>Another one<div>A division closes it</div>Loose text after',
  '<div>Line one<br>Line two<br/>Line three<br />\n</div><div></div><p></p><p>  </p>After empties',
  '<p>Entities: &laquo;&nbsp;Bamako&nbsp;&raquo; &#8217; &#x2014; &eacute;t&eacute; &lt;tag&gt; AT&amp;T 5 &amp; 6 &copy; &hellip;</p>',
  '<p>A bare & ampersand, a < sign and a > sign stay as they are.</p>',
  '<p>Before<!-- a comment with <p>markup</p> -->after<!---->and<!-->on</p>',
  '<nav><p>Home</p><nav>Inner</nav><div>Menu</div></nav><aside>Related <a href="/x">link</a></aside><p>Kept text</p><figure><img src="a.jpg" alt="x"><figcaption>Caption</figcaption></figure><p>More</p>',
  '<div class="a" data-x=\'1 > 0\' title="b > c" hidden>Attributes with quotes <span style="x">inside</span></div>',
  '<p>Stray end tags</span></div> are ignored</p></em>text',
  '<section><header>Top</header><main><p>Body <a href="https://example.org">with a link</a>.</p></main><footer>Bottom</footer></section>',
  'Text before any tag <p>then a paragraph</p> and text after',
  '<p>Tabs\tand\r\nnewlines\n\nand\u200bzero width spaces collapse, non\u00a0breaking ones do not</p>',
  '<head><title>Only a head</title></head><body>Body text <br> after a break</body><p>after the body</p>',
  '<h3>Heading</h3>Loose <strong>strong</strong><h4>Another</h4><p>Para</p><noscript><p>Enable scripts</p></noscript><iframe src="x"></iframe>end',
  '<div><p>Paragraph in a division</div><p>Next</p>',
  '<DIV><P>Upper-case tags</P><BR><SPAN>work too</SPAN></DIV>',
  '<p/>Self-closed paragraph <div/>and division',
  '<picture><source srcset="a.webp"><img src="a.jpg"></picture><p>Picture skipped</p>',
];

/** Markup left to html-to-text. */
const DECLINED = [
  '<ul><li>One</li><li>Two</li></ul>',
  '<table><tr><td>Cell</td></tr></table>',
  '<p>x</p><pre>  keep   spaces </pre>',
  '<p>Unclosed<div>closed by a division</div>so this end tag makes an empty paragraph</p>',
  '<blockquote>Quoted</blockquote>',
  '<p>Unknown entity &foo; here</p>',
  '<p>Legacy entity &amp without a semicolon</p>',
  '<p>Numeric control &#1; character</p>',
  '<svg><path d="M0"/></svg><p>x</p>',
  '<title>Title without a body</title><p>text</p>',
  '<p>Unfinished <span',
  '<p>Stray</p></p>',
  '<script>never closed',
  '<![CDATA[x]]><p>y</p>',
  '<?xml version="1.0"?><p>y</p>',
  '<body>one</body><body>two</body>',
  '<p>custom <widget>element</widget></p>',
  '<hr><p>x</p>',
];

describe('simpleHtmlToText', () => {
  it.each(HANDLED)('gives what html-to-text gives for %s', (html) => {
    const fast = simpleHtmlToText(html);
    expect(fast).toBeDefined();
    expect(fast).toBe(convertWithLibrary(html));
  });

  it.each(DECLINED)('leaves %s to html-to-text', (html) => {
    expect(simpleHtmlToText(html)).toBeUndefined();
    expect(toPlainText(html)).toBe(convertWithLibrary(html));
  });

  it('gives what html-to-text gives on generated pages, and handles most of them', () => {
    const pieces = [
      '<p>', '</p>', '<div>', '</div>', '<h2>', '</h2>', '<span>', '</span>', '<a href="/x?a=1&amp;b=2">', '</a>', '<strong>', '</strong>',
      '<em>', '</em>', '<br>', '<nav>', '</nav>', '<article>', '</article>', '<section>', '</section>', '<!-- note -->',
      'Gunmen attacked', ' the mine ', '\n', '  ', 'near Kayes.', '&amp;', '&nbsp;', '&#233;', '&quot;', ' < ', '\t', 'Bamako',
      '<img src="a.jpg">', '<script>x()</script>', '<aside>', '</aside>', '</body>', '<b>', '</b>', '<h1>', '</h1>',
    ];
    let state = 0x2545f491;
    const rand = (n: number): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    let handled = 0;
    const total = 3000;
    for (let k = 0; k < total; k++) {
      const parts: string[] = [];
      const length = 1 + rand(30);
      for (let j = 0; j < length; j++) parts.push(pieces[rand(pieces.length)] ?? '');
      const html = (k % 3 === 0 ? '<html><head><title>t</title></head><body>' : '') + parts.join('');
      const fast = simpleHtmlToText(html);
      if (fast === undefined) continue;
      handled++;
      expect(fast, html).toBe(convertWithLibrary(html));
    }
    expect(handled).toBeGreaterThan(total * 0.6);
  });
});
