import { describe, expect, it } from 'vitest';
import { documentId, seenIdOf, storyKeys } from '../../../../src/app/feeds/identity.js';
import { feed, item } from './fakes.js';

describe('item identity', () => {
  it('keys a news story by link (scheme, www and trailing slash aside) and by a long enough folded title', () => {
    const keys = storyKeys(item('1', 'Mali : trois ouvriers enlevés près de Kayes', undefined, 'https://www.news.example.org/afrique/kayes/?id=2'), feed());
    expect(keys).toEqual(['url:news.example.org/afrique/kayes?id=2', "title:mali trois ouvriers enleves pres de kayes"]);
    expect(storyKeys(item('2', 'Mali', undefined, 'http://news.example.org/afrique/kayes?id=2'), feed())).toEqual(['url:news.example.org/afrique/kayes?id=2']);
  });

  it('gives official items no cross-feed keys and a per-version id', () => {
    const official = feed({ kind: 'official' });
    const advice = item('tag:gov,2005:/mali', 'Mali - Level 4: Do Not Travel', '2025-07-01T00:00:00.000Z', 'https://gov.example/mali');
    expect(storyKeys(advice, official)).toEqual([]);
    expect(seenIdOf(advice, official)).toBe('tag:gov,2005:/mali@2025-07-01T00:00:00.000Z');
    expect(seenIdOf(advice, feed())).toBe('tag:gov,2005:/mali');
  });

  it('scopes ids that are not URLs by the feed', () => {
    expect(documentId('https://a.example/1', feed())).toBe('https://a.example/1');
    expect(documentId('urn:uuid:1', feed())).toBe('urn:uuid:1');
    expect(documentId('42', feed())).toBe('https://feeds.example.org/mali.xml#42');
  });
});
