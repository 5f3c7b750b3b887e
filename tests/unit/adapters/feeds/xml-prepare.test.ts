import { describe, expect, it } from 'vitest';
import {
  closeTruncated,
  ensureChannel,
  escapeLooseAmpersands,
  extractEmbeddedAtom,
  flattenXhtml,
  removeDoctype,
  scanProlog,
  stripLeadingJunk,
} from '../../../../src/adapters/feeds/xml-prepare.js';

describe('xml-prepare', () => {
  it('drops junk before the declaration, or before the first markup', () => {
    expect(stripLeadingJunk('\n  <!-- generated -->\n<?xml version="1.0"?><rss/>')).toBe('<?xml version="1.0"?><rss/>');
    expect(stripLeadingJunk('\uFEFF\t <rss version="2.0"/>')).toBe('<rss version="2.0"/>');
    expect(stripLeadingJunk('<rss><![CDATA[<?xml version="1.0"?>]]></rss>')).toBe('<rss><![CDATA[<?xml version="1.0"?>]]></rss>');
  });

  it('finds the root past comments, processing instructions and a DOCTYPE with an internal subset', () => {
    const text = '<?xml version="1.0"?><!-- c --><?xml-stylesheet href="s.xsl"?><!DOCTYPE rdf:RDF [<!ENTITY a "b">]><rdf:RDF xmlns:rdf="x"/>';
    expect(scanProlog(text)).toEqual({ rootStart: text.indexOf('<rdf:RDF'), rootName: 'rdf:RDF' });
    expect(scanProlog('<!-- only a comment -->')).toBeUndefined();
  });

  it('removes the DOCTYPE and its entity declarations', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "&y;&y;"><!ENTITY y "z">]><rss>&x;</rss>';
    const prolog = scanProlog(text);
    expect(prolog && removeDoctype(text, prolog)).toBe('<?xml version="1.0"?><rss>&x;</rss>');
  });

  it('escapes HTML entities and bare ampersands, but not CDATA, comments or XML references', () => {
    expect(escapeLooseAmpersands('<a href="?a=1&b=2">x&nbsp;&amp;&#160;&#xA0;&lt;</a><![CDATA[&nbsp;]]><!-- & -->')).toBe(
      '<a href="?a=1&amp;b=2">x&amp;nbsp;&amp;&#160;&#xA0;&lt;</a><![CDATA[&nbsp;]]><!-- & -->',
    );
  });

  it('closes what a truncated document left open, cutting a partial tag or CDATA', () => {
    expect(closeTruncated('<rss><channel><item><title>a</title></item><item><title>b</tit')).toBe('<rss><channel><item><title>a</title></item><item><title>b</title></item></channel></rss>');
    expect(closeTruncated('<rss><channel><item><description><![CDATA[half')).toBe('<rss><channel><item><description></description></item></channel></rss>');
    expect(closeTruncated('<rss><channel/></rss>')).toBeUndefined();
  });

  it('adds the channel rss-parser needs', () => {
    const rss = '<rss><item><title>a</title></item></rss>';
    const rdf = '<rdf:RDF xmlns:rdf="x"><item/></rdf:RDF>';
    expect(ensureChannel(rss, { rootStart: 0, rootName: 'rss' })).toBe('<rss><channel><item><title>a</title></item></channel></rss>');
    expect(ensureChannel(rdf, { rootStart: 0, rootName: 'rdf:RDF' })).toBe('<rdf:RDF xmlns:rdf="x"><channel></channel><item/></rdf:RDF>');
  });

  it('turns xhtml text constructs into escaped HTML and cuts an Atom feed out of a page', () => {
    expect(flattenXhtml('<title type="xhtml"><div>a <b>b</b> c</div></title>')).toBe('<title type="html">&lt;div&gt;a &lt;b&gt;b&lt;/b&gt; c&lt;/div&gt;</title>');
    const page = '<html><body><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed></body></html>';
    expect(extractEmbeddedAtom(page)).toBe('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>');
  });
});
