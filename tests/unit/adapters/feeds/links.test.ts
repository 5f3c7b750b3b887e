import { describe, expect, it } from 'vitest';
import { canonicalLink, looksLikeLink } from '../../../../src/adapters/feeds/links.js';

describe('canonicalLink', () => {
  it('resolves relative links and drops fragments and campaign parameters', () => {
    expect(canonicalLink('../mali/kayes?id=3&utm_source=rss&xtor=RSS-1#comments', 'https://a.example/afrique/feed/')).toBe('https://a.example/afrique/mali/kayes?id=3');
    expect(canonicalLink('\n\thttps://a.example/x\n', undefined)).toBe('https://a.example/x');
  });

  it('keeps Google News article links without their "oc" parameter and unwraps redirect links', () => {
    expect(canonicalLink('https://news.google.com/rss/articles/CBMiAbc?oc=5', undefined)).toBe('https://news.google.com/rss/articles/CBMiAbc');
    expect(canonicalLink('http://news.google.com/news/url?sa=t&fd=R&url=https://b.example/story%3Fa%3D1&ct2=us', undefined)).toBe('https://b.example/story?a=1');
    expect(canonicalLink('https://www.google.com/url?rct=j&sa=t&url=https://c.example/alert&ct=ga', undefined)).toBe('https://c.example/alert');
  });

  it('refuses what is not an http(s) link', () => {
    expect(canonicalLink('javascript:alert(1)', 'https://a.example/')).toBeUndefined();
    expect(canonicalLink('mailto:desk@a.example', undefined)).toBeUndefined();
    expect(canonicalLink('/relative', undefined)).toBeUndefined();
    expect(canonicalLink('', 'https://a.example/')).toBeUndefined();
  });

  it('tells links from other ids', () => {
    expect(looksLikeLink('https://a.example/1')).toBe(true);
    expect(looksLikeLink('/blog/post')).toBe(true);
    expect(looksLikeLink('tag:a.example,2005:1')).toBe(false);
    expect(looksLikeLink('//cdn.example/x')).toBe(false);
  });
});
