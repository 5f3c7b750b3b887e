import type { ActorFact, Document, Facts, MainEvent, PlaceFact, Relevance, SiteFact, VictimFact } from '../../../../src/domain/model.js';
import { contributionsOf } from '../../../../src/domain/incidents/contributions.js';
import type { Story } from '../../../../src/domain/incidents/merge.js';
import { buildProbe } from '../../../../src/domain/incidents/probe.js';
import { fold } from '../../../../src/domain/text/normalize.js';

/** Hand-made stories for matching tests: a document and the facts an extractor would have found. */

export function doc(id: string, title: string, lead: readonly string[], extra: Partial<Document> = {}): Document {
  const texts = [title, ...lead];
  return {
    id,
    kind: 'news',
    source: `outlet-${id}`,
    title,
    text: lead.join('\n\n'),
    sentences: texts.map((text, index) => ({ index, text, folded: fold(text), lead: true })),
    lang: 'en',
    published: '2025-07-03',
    publishedFrom: 'metadata',
    // Seen the day it was published unless told otherwise, so that no date lies in the future.
    seenAt: `${(extra.published ?? '2025-07-03').slice(0, 10)}T12:00:00.000Z`,
    ...extra,
  };
}

const evidence = { sentence: 1, text: 'evidence sentence' };

export const KAYES: PlaceFact = {
  id: 'ml-kayes',
  name: 'Kayes',
  kind: 'town',
  region: 'ml-r-kayes',
  country: 'ml',
  background: false,
  evidence,
};
export const MALI: PlaceFact = { id: 'ml', name: 'Mali', kind: 'country', country: 'ml', background: false, evidence };
export const NIAMEY: PlaceFact = {
  id: 'ne-niamey',
  name: 'Niamey',
  kind: 'town',
  region: 'ne-r-niamey',
  country: 'ne',
  background: false,
  evidence,
};
export const MENAKA: PlaceFact = {
  id: 'ml-menaka',
  name: 'Ménaka',
  kind: 'town',
  region: 'ml-r-menaka',
  country: 'ml',
  background: false,
  evidence,
};

export function site(name: string, key: string, background = false): SiteFact {
  return { name, key, background, evidence };
}

export function victims(count: number | null, nationality: string | undefined, extra: Partial<VictimFact> = {}): VictimFact {
  return {
    count,
    ...(nationality === undefined ? {} : { nationality }),
    role: 'hostage',
    background: false,
    evidence,
    ...extra,
  };
}

export function actor(id: string, role: ActorFact['role'], about: ActorFact['about'] = 'main'): ActorFact {
  return { id, name: id.toUpperCase(), kind: 'armed_group', role, about, evidence };
}

/** Facts around a main event; the lists default to what the main event names. */
/** Facts as extraction gives them; the main event names the victims the facts name, unless `main` says otherwise. */
export function facts(main: Partial<MainEvent>, extra: Partial<Facts> = {}): Facts {
  const named = [...new Set((extra.victims ?? []).flatMap((v) => (v.background ? [] : (v.names ?? []))))];
  return {
    events: [],
    dates: [],
    places: [],
    victims: [],
    sites: [],
    actors: [],
    advice: [],
    figures: [],
    ...extra,
    main: { places: [], actors: [], changes: [], ...(named.length === 0 ? {} : { named }), ...main },
  };
}

export function story(document: Document, found: Facts): Story {
  return { doc: document, probe: buildProbe(document, found), contributions: contributionsOf(document, found) };
}

export const RELEVANT: Relevance = { relevant: true, score: 6, threshold: 3, hits: [] };
export const NOT_RELEVANT: Relevance = { relevant: false, score: 1, threshold: 3, hits: [] };

/** The July 2025 abduction at the Diamond Cement Factory, as a first story reports it. */
export function julyKidnapping(id = 'wire-1', lead = 'Three Indian nationals were abducted from the Diamond Cement Factory in Kayes on July 1.'): Story {
  return story(
    doc(id, 'Three Indians kidnapped at cement factory in western Mali', [lead, 'The Ministry of External Affairs said it was in touch with the company.']),
    facts(
      {
        type: 'kidnapping',
        date: '2025-07-01',
        datePrecision: 'day',
        country: 'ml',
        places: ['ml-kayes', 'ml'],
        victims: { count: 3, nationality: 'Indian' },
        site: 'diamond cement',
      },
      {
        places: [KAYES, MALI],
        victims: [victims(3, 'Indian')],
        sites: [site('Diamond Cement Factory', 'diamond cement')],
      },
    ),
  );
}
