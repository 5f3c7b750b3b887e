import { describe, expect, it } from 'vitest';
import { officialSourceOf, readOfficialAdvice } from '../../../../src/domain/official/parse.js';
import type { Gazetteer } from '../../../../src/domain/extract/gazetteer.js';

const gazetteer: Gazetteer = {
  entries: [
    { id: 'ml', name: 'Mali', names: ['Mali'], kind: 'country', country: 'ml', lat: 17.5, lon: -4 },
    { id: 'ne', name: 'Niger', names: ['Niger'], kind: 'country', country: 'ne', lat: 17.6, lon: 8.1 },
    { id: 'ng', name: 'Nigeria', names: ['Nigeria'], kind: 'country', country: 'ng', lat: 9.1, lon: 8.7 },
    { id: 'bf', name: 'Burkina Faso', names: ['Burkina Faso', 'Burkina'], kind: 'country', country: 'bf', lat: 12.2, lon: -1.6 },
  ],
};

const US_FEED = 'https://travel.state.gov/_res/rss/TAsTWs.xml';
const UK_FEED = 'https://www.gov.uk/foreign-travel-advice/mali.atom';

describe('readOfficialAdvice', () => {
  it('reads a US level from the item title', () => {
    const advice = readOfficialAdvice(
      { title: 'Mali - Level 4: Do Not Travel', text: 'Do not travel to Mali due to crime, terrorism, and kidnapping.', url: 'https://travel.state.gov/content/travel/en/traveladvisories/traveladvisories/mali-travel-advisory.html', published: '2025-07-31T00:00:00Z', seenAt: '2025-08-01T00:00:00Z' },
      US_FEED,
      gazetteer,
    );
    expect(advice).toMatchObject({ source: 'us', country: 'ml', level: 4, updated: '2025-07-31T00:00:00Z' });
    expect(advice?.summary).toContain('Do not travel to Mali');
  });

  it('tells Niger from Nigeria', () => {
    const advice = readOfficialAdvice({ title: 'Nigeria - Level 3: Reconsider Travel', text: '', seenAt: '2025-01-01T00:00:00Z' }, US_FEED, gazetteer);
    expect(advice).toMatchObject({ country: 'ng', level: 3 });
  });

  it('maps UK prose onto the four levels', () => {
    const advice = readOfficialAdvice(
      { title: 'Mali travel advice', text: 'The FCDO advises against all travel to Mali.', url: 'https://www.gov.uk/foreign-travel-advice/mali', seenAt: '2025-11-01T00:00:00Z' },
      UK_FEED,
      gazetteer,
    );
    expect(advice).toMatchObject({ source: 'uk', country: 'ml', level: 4, updated: '2025-11-01T00:00:00Z' });
  });

  it('gives no level rather than a guess', () => {
    const advice = readOfficialAdvice({ title: 'Burkina Faso travel advice', text: 'Updated the entry requirements section.', seenAt: '2025-11-01T00:00:00Z' }, UK_FEED, gazetteer);
    expect(advice?.country).toBe('bf');
    expect(advice?.level).toBeUndefined();
  });

  it('yields nothing for an unknown publisher or country', () => {
    expect(readOfficialAdvice({ title: 'Mali - Level 4: Do Not Travel', text: '', seenAt: 'x' }, 'https://example.org/feed', gazetteer)).toBeUndefined();
    expect(readOfficialAdvice({ title: 'Atlantis - Level 2', text: '', seenAt: 'x' }, US_FEED, gazetteer)).toBeUndefined();
  });
});

describe('officialSourceOf', () => {
  it('recognises publishers by host and survives junk', () => {
    expect(officialSourceOf('https://www.gov.uk/x')).toBe('uk');
    expect(officialSourceOf('https://evilgov.uk.example.com/x')).toBeUndefined();
    expect(officialSourceOf('https://evilgov.uk/x')).toBeUndefined();
    expect(officialSourceOf('https://travel.state.gov/x')).toBe('us');
    expect(officialSourceOf('not a url')).toBeUndefined();
  });
});
