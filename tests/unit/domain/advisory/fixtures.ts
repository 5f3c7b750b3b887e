import type { Attested, Decision, Evidence, Incident, SourceRef } from '../../../../src/domain/model.js';
import type { AssistanceCatalog, OfficialAdvice } from '../../../../src/domain/advisory/types.js';

/**
 * Hand-made incidents shaped like the seed incidents: the July 2025 abduction of three Indians at
 * the Diamond Cement Factory in Kayes, and the 6 November 2025 kidnapping of five Indians.
 * Evidence sentences are quoted from the seed articles; URLs are test addresses.
 */

export const WIRE = 'seed-000';
export const EXPLAINER = 'seed-002';
export const CLAIM_REPORT = 'seed-004';
export const EMBASSY_REPORT = 'seed-001';

const ev = (sentence: number, text: string): Evidence => ({ sentence, text });

function attested<T>(value: T, sources: string[], evidence: Evidence[]): Attested<T> {
  return { value, sources, evidence };
}

const SENT = {
  wireLead: ev(1, 'Three Indian nationals were abducted from a cement factory in Mali on Tuesday, July 1.'),
  wireSite: ev(3, 'the kidnapping took place on July 1 when armed assailants attacked the Diamond Cement Factory in Kayes, in western Mali.'),
  wireNotClaimed: ev(14, 'While JNIM has claimed responsibility for the broader attacks, the group has not yet claimed responsibility for the abduction of the Indian nationals.'),
  wireAdvice: ev(8, 'All Indian citizens currently residing in Mali have been advised to “exercise utmost caution, remain vigilant, and stay in close contact with the Embassy of India in Bamako for regular updates and necessary assistance.”'),
  explainerLead: ev(0, 'Three Indian citizens have been taken hostage in western Mali following a terrorist assault that hit multiple locations in the region on July 1.'),
  explainerSite: ev(1, 'The attack occurred at the Diamond Cement Factory in Kayes, where a group of armed men entered the site and abducted the workers.'),
  explainerNotClaimed: ev(9, 'While no entity has formally claimed responsibility for the kidnapping of the Indian workers, the timing and context strongly suggest involvement of Jama’at Nusrat al-Islam wal-Muslimin (JNIM), a group affiliated with al-Qaeda.'),
  claimLead: ev(0, 'Three Indian nationals who were employed at the Diamond Cement Factory in Kayes, Republic of Mali, were kidnapped on July 1 by Jama’a Nusrat ul-Islam wa al-Muslimin (JNIM).'),
  claimTook: ev(1, 'The terror group took responsibility for the kidnapping after attacking the premises of the cement factory with a concerted strategy.'),
  claimRansom: ev(20, 'Families of the abducted Indians have informed media houses that JNIM is demanding ransom, although the amount remains unknown.'),
};

export function source(documentId: string, name: string, firstSeen: string, url?: string): SourceRef {
  return { documentId, name, kind: 'news', firstSeen, published: firstSeen.slice(0, 10), ...(url === undefined ? {} : { url }) };
}

const SOURCES = {
  wire: source(WIRE, 'The Wire', '2025-07-03T09:00:00.000Z', 'https://news.test/wire/three-indians-kidnapped'),
  explainer: source(EXPLAINER, 'Explainer desk', '2025-07-03T12:00:00.000Z', 'https://news.test/explainer/jnim'),
  claim: source(CLAIM_REPORT, 'Claim report', '2025-07-05T08:00:00.000Z', 'https://news.test/claim/jnim-kayes'),
};

/** The Kayes abduction as known from the two reports that say nobody has claimed it. */
export function kayesBeforeClaim(): Incident {
  return {
    id: 'inc-20250701-kayes-kidnapping',
    title: 'Three Indians kidnapped at the Diamond Cement Factory in Kayes',
    eventType: 'kidnapping',
    eventDate: '2025-07-01',
    country: 'ml',
    places: [
      attested({ id: 'ml-kayes-town', name: 'Kayes', kind: 'town', region: 'ml-kayes-region' }, [WIRE, EXPLAINER], [SENT.wireSite, SENT.explainerSite]),
      attested({ id: 'ml', name: 'Mali', kind: 'country' }, [WIRE, EXPLAINER], [SENT.wireLead]),
    ],
    victims: [attested({ count: 3, nationality: 'Indian', role: 'hostage' }, [WIRE, EXPLAINER], [SENT.wireLead, SENT.explainerLead])],
    sites: [attested({ name: 'Diamond Cement Factory', key: 'diamond cement' }, [WIRE, EXPLAINER], [SENT.wireSite, SENT.explainerSite])],
    actors: [
      attested({ id: 'jnim', name: 'JNIM', role: 'not_claimed' }, [WIRE], [SENT.wireNotClaimed]),
      attested({ id: 'jnim', name: 'JNIM', role: 'not_claimed' }, [EXPLAINER], [SENT.explainerNotClaimed]),
      attested({ id: 'jnim', name: 'JNIM', role: 'suspected' }, [EXPLAINER], [SENT.explainerNotClaimed]),
      attested({ id: 'in-mea', name: 'Ministry of External Affairs', role: 'condemned' }, [WIRE], [SENT.wireLead]),
    ],
    advice: [
      attested({ text: 'exercise utmost caution, remain vigilant, and stay in close contact with the Embassy of India in Bamako', by: 'in-mea' }, [WIRE], [SENT.wireAdvice]),
    ],
    figures: [],
    changes: [],
    severity: 4,
    status: 'open',
    context: false,
    baseline: false,
    sources: [SOURCES.wire, SOURCES.explainer],
    updates: [],
    terms: { kayes: 1, diamond: 1, cement: 1 },
    createdAt: '2025-07-03T09:00:00.000Z',
    updatedAt: '2025-07-03T12:00:00.000Z',
  };
}

/** The same incident after the report that JNIM took responsibility and asks for a ransom. */
export function kayesAfterClaim(): Incident {
  const before = kayesBeforeClaim();
  return {
    ...before,
    victims: [attested({ count: 3, nationality: 'Indian', role: 'hostage' }, [WIRE, EXPLAINER, CLAIM_REPORT], [SENT.wireLead, SENT.explainerLead, SENT.claimLead])],
    actors: [...before.actors, attested({ id: 'jnim', name: 'JNIM', role: 'claimed' }, [CLAIM_REPORT], [SENT.claimTook])],
    changes: [
      attested('claim', [CLAIM_REPORT], [SENT.claimTook]),
      attested('ransom', [CLAIM_REPORT], [SENT.claimRansom]),
    ],
    sources: [...before.sources, SOURCES.claim],
    updates: [{ at: '2025-07-05T08:00:00.000Z', documentId: CLAIM_REPORT, changes: ['claim', 'ransom'] }],
    updatedAt: '2025-07-05T08:00:00.000Z',
  };
}

const EMBASSY_SENTENCE = ev(1, 'The Embassy of India in Bamako has confirmed that it is "aware of the unfortunate incident" of the kidnapping of five Indian nationals in Mali on November 6.');

/** The 6 November 2025 kidnapping of five Indians, known from one report of the Embassy's post. */
export function novemberFive(): Incident {
  return {
    id: 'inc-20251106-ml-kidnapping',
    title: 'Five Indians kidnapped in Mali',
    eventType: 'kidnapping',
    eventDate: '2025-11-06',
    country: 'ml',
    places: [attested({ id: 'ml', name: 'Mali', kind: 'country' }, [EMBASSY_REPORT], [EMBASSY_SENTENCE])],
    victims: [attested({ count: 5, nationality: 'Indian', role: 'hostage' }, [EMBASSY_REPORT], [EMBASSY_SENTENCE])],
    sites: [],
    actors: [attested({ id: 'in-embassy-bamako', name: 'Embassy of India in Bamako', role: 'spoke' }, [EMBASSY_REPORT], [EMBASSY_SENTENCE])],
    advice: [],
    figures: [],
    changes: [],
    severity: 4,
    status: 'open',
    context: false,
    baseline: false,
    sources: [source(EMBASSY_REPORT, 'Embassy report', '2025-11-10T07:00:00.000Z', 'https://news.test/embassy/five-indians')],
    updates: [],
    terms: { indian: 1, kidnapping: 1 },
    createdAt: '2025-11-10T07:00:00.000Z',
    updatedAt: '2025-11-10T07:00:00.000Z',
  };
}

export function decision(action: Decision['action'], documentId: string, incidentId: string | null): Decision {
  return {
    documentId,
    action,
    incidentId,
    relevance: { relevant: true, score: 5, threshold: 2, hits: [] },
    score: 0.9,
    changes: [],
    reasons: [],
  };
}

export const CATALOG: AssistanceCatalog = {
  contacts: [
    {
      id: 'in-embassy-bamako',
      name: { en: 'Embassy of India, Bamako', fr: 'Ambassade de l’Inde à Bamako' },
      url: 'https://www.embassyofindiabamako.gov.in',
      countries: ['ml'],
      nationalities: ['Indian'],
    },
    {
      id: 'us-embassy-bamako',
      name: { en: 'U.S. Embassy Bamako', fr: 'Ambassade des États-Unis à Bamako' },
      phones: [{ number: '+223 20 70 23 00' }],
      countries: ['ml'],
      nationalities: ['American'],
    },
    { id: 'ne-contact', name: { en: 'Niger desk', fr: 'Bureau Niger' }, countries: ['ne'] },
  ],
  actions: [
    { id: 'low-profile', text: { en: 'Keep a low profile.', fr: 'Restez discret.' }, countries: ['ml'] },
    { id: 'severe-only', text: { en: 'Review your personal security plans.', fr: 'Revoyez vos plans de sécurité personnels.' }, minSeverity: 3 },
    { id: 'niger-only', text: { en: 'Niger only.', fr: 'Niger seulement.' }, countries: ['ne'] },
  ],
};

export const OFFICIAL: OfficialAdvice[] = [
  { source: 'us', country: 'ml', level: 4, summary: 'Do not travel to Mali.', url: 'https://travel.test/us/mali', updated: '2025-06-01T00:00:00Z' },
  { source: 'us', country: 'ml', level: 4, summary: 'Do not travel to Mali; depart now.', url: 'https://travel.test/us/mali-2', updated: '2025-06-20T00:00:00Z' },
  { source: 'uk', country: 'ml', summary: 'FCDO advises against all travel to Mali.', url: 'https://travel.test/uk/mali', updated: '2025-05-01T00:00:00Z' },
  { source: 'us', country: 'ne', level: 4, summary: 'Do not travel to Niger.', url: 'https://travel.test/us/niger', updated: '2025-06-01T00:00:00Z' },
];
