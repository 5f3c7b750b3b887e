import type {
  ActorFact,
  AdviceFact,
  DateFact,
  Document,
  EventFact,
  EventType,
  Facts,
  MainEvent,
  PlaceKind,
  Sentence,
  SiteFact,
  VictimFact,
  VictimRole,
} from '../model.js';
import { extractActors, mainEventClasses, mentionsEventClass, NO_GROUP, type ActorCatalog, type EventClass } from './actors.js';
import { extractAdvice } from './advice.js';
import { comesAfterAnother, followsUp, isBackgroundSentence, opensOnRecentMonth, recallsPast } from './background.js';
import { extractDates } from './dates.js';
import { mainDate, recallingSentences, textUpTo } from './main-date.js';
import { extractEvents, reportsCaptivityEnd } from './events.js';
import { extractFigures } from './figures.js';
import type { Gazetteer } from './gazetteer.js';
import { findPlaceMentions, placeFacts, type BackgroundTest, type PlaceMention } from './places.js';
import { extractSites, isGenericSiteKey } from './sites.js';
import { documentTokens, type Tokens } from './tokens.js';
import { fold } from '../text/normalize.js';
import { advises, saysAdvice, travelAdvice, type TravelAdvice } from './travel-advice.js';
import { extractVictims } from './victims.js';

export interface Catalogs {
  readonly gazetteer: Gazetteer;
  readonly actors: ActorCatalog;
}

/** Event types that say what happened; the others are state changes of something that happened. */
const PRIMARY: readonly EventType[] = ['kidnapping', 'attack', 'killing', 'blockade', 'evacuation', 'coup'];
/**
 * A headline that names a blockade and an attack but no deaths is about the blockade ("JNIM attack:
 * fuel blockade bites"); with deaths it is about an attack during the blockade.
 */
const BLOCKADE_FIRST: readonly EventType[] = ['kidnapping', 'blockade', 'attack', 'killing', 'evacuation', 'coup'];
/** State changes worth reporting as an update of the main event. */
const CHANGES = new Set<EventType>(['release', 'rescue', 'ransom', 'negotiation', 'statement', 'advisory']);
const SPECIFICITY: Record<PlaceKind, number> = { town: 0, cercle: 1, region: 2, country: 3 };
const HOSTAGE_WORDS: ReadonlySet<EventClass> = new Set<EventClass>(['kidnapping']);

/** Every extractor once over the document, then the main event distilled from title and lead. */
export function extractFacts(doc: Document, catalogs: Catalogs): Facts {
  const background = oncePerSentence(doc);
  const events = extractEvents(doc, background);
  const dates = extractDates(doc, background);
  const mentions = findPlaceMentions(doc, catalogs.gazetteer, background);
  const victims = extractVictims(doc, background);
  const sites = extractSites(doc, background);
  const lead = leadIndexes(doc);
  const reported = blockadeBites(doc, events) ? 'blockade' : (mainType(events, lead) ?? vanished(doc));
  const advised = travelAdvice(doc, headlineReportsViolence(doc, events));
  const type = advised?.type ?? reported;
  const actors = withIssuer(extractActors(doc, catalogs.actors, type, background), advised, catalogs.actors);
  const advice = extractAdvice(doc, catalogs.actors);
  const figures = extractFigures(doc);
  const main = distil({ doc, lead, type, events, dates, mentions, victims, sites, actors, advice, background, advised });
  return { events, dates, places: placeFacts(mentions), victims, sites, actors, advice, figures, main };
}

/**
 * The background test, asked once per sentence, of the sentence's tokens when they are at hand. The
 * title and the lead's first sentence tell the news: when that news is what became of an earlier
 * event (see followsUp), or an event of the months before (see opensOnRecentMonth), they are not
 * background for dating it.
 */
function oncePerSentence(doc: Document): BackgroundTest {
  const tokens = documentTokens(doc);
  const opening = doc.sentences.find((s) => s.index > 0 && s.lead)?.index ?? 0;
  const known = new Map<Sentence, boolean>();
  return (sentence) => {
    let value = known.get(sentence);
    if (value === undefined) {
      const own = tokens[sentence.index];
      value = own?.sentence === sentence ? recallsPast(own) : isBackgroundSentence(sentence);
      if (value && sentence.index <= opening && (followsUp(sentence) || opensOnRecentMonth(sentence, doc.published ?? doc.seenAt))) value = false;
      if (!value && sentence.index > opening) value = comesAfterAnother(sentence);
      known.set(sentence, value);
    }
    return value;
  };
}

interface Parts {
  readonly doc: Document;
  /** Indexes of the title and lead sentences. */
  readonly lead: ReadonlySet<number>;
  readonly type: EventType | undefined;
  readonly events: readonly EventFact[];
  readonly dates: readonly DateFact[];
  readonly mentions: readonly PlaceMention[];
  readonly victims: readonly VictimFact[];
  readonly sites: readonly SiteFact[];
  readonly actors: readonly ActorFact[];
  readonly advice: readonly AdviceFact[];
  readonly background: BackgroundTest;
  readonly advised: TravelAdvice | undefined;
}

function distil(parts: Parts): MainEvent {
  const { lead } = parts;
  const reporting = sentencesReporting(parts.events, parts.type);
  const recalled = recallingSentences(parts.doc, parts.dates, lead);
  const places = mainPlaces(parts.mentions.filter((m) => !recalled.has(m.fact.evidence.sentence)), lead, reporting);
  const country = places.country ?? mainCountry(parts.mentions, lead);
  const elsewhere = sentencesElsewhere(parts, country);
  const otherTowns = sentencesOfOtherTowns(parts, places.ids);
  const dates = ownKindDates(parts, adviceDates(parts)).filter((d) => !elsewhere.has(d.evidence.sentence) && !otherTowns.has(d.evidence.sentence));
  const date = mainDate(parts.doc, dates, lead, parts.advised !== undefined);
  const changes = mainChanges(parts);
  const told = parts.victims.filter((v) => !recalled.has(v.evidence.sentence) && !elsewhere.has(v.evidence.sentence));
  const victims = mainVictims(told, namesTheFreed(parts, changes, lead) ? 'release' : parts.type, lead, parts.doc.title);
  // A release names in its lead the hostages taken long before: a recalled lead sentence still names them.
  // "An Austrian was kidnapped ... the Romanian Iulian Ghergut had been freed": another nationality's named hostage is another event's.
  const naming = parts.victims.filter(
    (v) => !v.background && (lead.has(v.evidence.sentence) || told.includes(v)) && !otherNationality(v, victims),
  );
  const named = [...new Set(naming.flatMap((v) => v.names ?? []))];
  const site = mainSite(parts.sites, lead);
  return {
    ...(parts.type === undefined ? {} : { type: parts.type }),
    ...(date === undefined ? {} : { date: date.date, datePrecision: date.precision }),
    ...(date?.estimated === true ? { dateEstimated: true } : {}),
    ...(date?.untold === true ? { dateUntold: true } : {}),
    ...(date?.weekdayOnly === true ? { dateWeekdayOnly: true } : {}),
    ...(date?.yearUnknown === true ? { dateYearUnknown: true } : {}),
    ...(country === undefined ? {} : { country }),
    places: places.ids,
    ...(victims === undefined ? {} : { victims }),
    ...(named.length === 0 ? {} : { named }),
    ...(site === undefined ? {} : { site }),
    actors: mainActors(parts.actors, parts.advised),
    changes,
  };
}

/**
 * A kidnapping story that tells of hostages freed and says whose they were ("Un Australien libéré 7
 * ans après son enlèvement") is counted by the freed: they are whom the kidnapping it follows held.
 * Not when the headline names other people: "Deal reached to free UAE hostages" is the Emiratis' story,
 * whatever Iranian its lead says was freed with them.
 */
function namesTheFreed(parts: Parts, changes: readonly EventType[], lead: ReadonlySet<number>): boolean {
  if (parts.type !== 'kidnapping' || !reportsCaptivityEnd(parts.type, changes)) return false;
  const current = parts.victims.filter((v) => !v.background);
  const headlined = headlineNationality(current, null, parts.doc.title);
  return current.some((v) => v.role === 'released' && v.nationality !== undefined && lead.has(v.evidence.sentence) && (headlined === undefined || v.nationality === headlined));
}

function otherNationality(victim: VictimFact, main: MainEvent['victims']): boolean {
  return victim.nationality !== undefined && main?.nationality !== undefined && victim.nationality !== main.nationality;
}

function leadIndexes(doc: Document): ReadonlySet<number> {
  return new Set(doc.sentences.filter((s) => s.lead).map((s) => s.index));
}

/**
 * Violence the headline reports: the story is about it, not about the advice that followed it. A
 * blockade is not among it: advice to leave "as a blockade chokes the capital" is the news.
 */
const VIOLENCE: readonly EventType[] = ['kidnapping', 'attack', 'killing'];

function headlineReportsViolence(doc: Document, events: readonly EventFact[]): boolean {
  const title = doc.sentences[0]?.folded ?? '';
  return events.some((e) => e.evidence.sentence === 0 && !e.background && VIOLENCE.includes(e.type) && !givenAsCause(title, e));
}

/**
 * "Italy urges citizens to exit Mali amid fuel shortages and militant attacks", "Attaques terroristes :
 * la France déconseille ...": violence the headline gives as the reason or the topic of its news.
 */
const CAUSE_BEFORE = /\b(?:amid|amidst|over|due to|because of|citing|sur fond de|face a|en raison de?|a cause de?)\b[^,;:]*$/;

function givenAsCause(title: string, event: EventFact): boolean {
  const at = title.indexOf(fold(event.trigger));
  if (at < 0) return false;
  const colon = title.indexOf(':', at);
  return (at > 0 && CAUSE_BEFORE.test(title.slice(0, at))) || (colon > 0 && advises(title.slice(colon + 1)));
}

/** Fuel running short: in the Sahel's towns, because armed groups cut the roads it comes by. */
const FUEL_SHORTAGE = /\b(?:fuel (?:shortages?|crisis)|shortages? of (?:fuel|petrol|diesel)|penuries? de (?:carburant|gasoil|essence))\b/;

/**
 * A headline of fuel running short because of attacks, with no deaths in it, is about the blockade the
 * attacks enforce ("pénurie de carburant en raison des attaques du JNIM"). A shortage alone is not
 * an event: a government's quarrel with oil companies also empties the pumps.
 */
function blockadeBites(doc: Document, events: readonly EventFact[]): boolean {
  const inTitle = events.filter((e) => e.evidence.sentence === 0 && !e.background);
  const title = doc.sentences[0];
  return title !== undefined && inTitle.some((e) => e.type === 'attack') && !inTitle.some((e) => e.type === 'killing') && FUEL_SHORTAGE.test(title.folded);
}

/**
 * What the headline reports, else kidnapping before attack before killing in the lead; a state change
 * only when the lead tells nothing else. The headline comes first because the body of a follow-up
 * retells the incidents that make up a long event ("as the blockade bites ... convoys were attacked").
 */
function mainType(events: readonly EventFact[], lead: ReadonlySet<number>): EventType | undefined {
  const current = events.filter((e) => !e.background);
  const inLead = current.filter((e) => lead.has(e.evidence.sentence));
  const type = reportedType(current, inLead);
  // "Rebels say they killed dozens of soldiers" over "two days of fighting": the deaths are the toll of the attack.
  return type === 'killing' && inLead.some((e) => e.type === 'attack') ? 'attack' : type;
}

/**
 * People gone missing in the Sahel, in a story that tells of no other event ("Quebec woman and travel
 * companion feared missing in Burkina Faso", "disparition d'un prêtre"), are feared taken.
 */
function vanished(doc: Document): EventType | undefined {
  return doc.sentences.some((s) => s.lead && VANISHED.test(s.folded)) ? 'kidnapping' : undefined;
}

const VANISHED = /\b(?:missing|disappeared|no trace of|disparue?s?|disparition (?:d'un|d'une|de deux|de trois|des|du|de l')|sans nouvelles? d)\b/;

function reportedType(current: readonly EventFact[], inLead: readonly EventFact[]): EventType | undefined {
  const title = inLead.filter((e) => e.evidence.sentence === 0);
  // "Libération et rapatriement d'un prêtre allemand": who is flown home beside a release is the freed hostage.
  const inTitle = title.some((e) => e.type === 'release') ? title.filter((e) => e.type !== 'evacuation') : title;
  const headlineOrder = inTitle.some((e) => e.type === 'killing') ? PRIMARY : BLOCKADE_FIRST;
  // A coup that only the body names is the one the country went through before ("a military coup and a dive deeper into poverty").
  const inBody = current.filter((e) => e.type !== 'coup');
  return (
    headlineOrder.find((type) => inTitle.some((e) => e.type === type)) ??
    PRIMARY.find((type) => inLead.some((e) => e.type === type)) ??
    inLead[0]?.type ??
    PRIMARY.find((type) => inBody.some((e) => e.type === type)) ??
    inBody[0]?.type
  );
}

/**
 * Where the main event happened: places named with a preposition in the lead ("in Kayes", "in western
 * Mali"), not inside an institution's name ("Embassy of India in Bamako") nor as a border, most specific first.
 */
function mainPlaces(mentions: readonly PlaceMention[], lead: ReadonlySet<number>, reporting: ReadonlySet<number>): { ids: string[]; country?: string } {
  // A border is where things did not happen ("à la frontière burkinabè").
  const usable = unlessPlacesNamed(mentions.filter((m) => !m.fact.background && !m.institutional && m.border !== true));
  const inLead = usable.filter((m) => lead.has(m.fact.evidence.sentence));
  // A headline names the place it is about without a preposition ("Boulkessi : ...", "camp de Boulkessi").
  const headline = inLead.filter((m) => m.fact.evidence.sentence === 0 && m.fact.kind !== 'country');
  const told = headline.length === 0 ? headlineCountry(inLead) : undefined;
  const located = inLead.filter(
    (m) => m.locative && (told === undefined || m.fact.country === told) && (headline.length === 0 || m.fact.evidence.sentence === 0 || m.fact.kind === 'country' || sameArea(m, headline)),
  );
  const named = [...headline, ...located];
  const elsewhere = headline.length === 0 ? toldElsewhere(located, usable, reporting) : [];
  const chosen = elsewhere.length > 0 ? elsewhere : named.length > 0 ? named : inLead.length > 0 ? inLead : usable.filter((m) => m.locative);
  const ordered = [...chosen, ...bodyDetail(chosen, usable, reporting)].sort((a, b) => SPECIFICITY[a.fact.kind] - SPECIFICITY[b.fact.kind]);
  const ids = [...new Set(ordered.map((m) => m.fact.id))];
  const country = mostNamedCountry(ordered);
  return country === undefined ? { ids } : { ids, country };
}

/**
 * "Ils étaient arrivés mardi dernier à Bamako" in a lead whose event the body places in Kidal: when no
 * lead sentence that tells the event names a place within the country, the lead's towns are where people
 * came from or went, and the body's sentences that tell the event say where it happened.
 */
function toldElsewhere(located: readonly PlaceMention[], usable: readonly PlaceMention[], reporting: ReadonlySet<number>): PlaceMention[] {
  const local = located.filter((m) => m.fact.kind !== 'country');
  if (local.length === 0 || local.some((m) => m.fact.evidence.sentence === 0 || reporting.has(m.fact.evidence.sentence))) return [];
  const body = placesReporting(usable, reporting);
  return body.length === 0 ? [] : [...located.filter((m) => m.fact.kind === 'country'), ...body];
}

/**
 * The one country a headline names, when it names no place within one ("Jihadists kill Spanish priest
 * in Burkina Faso"): the lead's places in other countries are where people came from or went, not where
 * it happened ("returning from a meeting in Lomé, Togo").
 */
function headlineCountry(inLead: readonly PlaceMention[]): string | undefined {
  const countries = new Set(inLead.filter((m) => m.fact.evidence.sentence === 0).map((m) => m.fact.country));
  return countries.size === 1 ? [...countries][0] : undefined;
}

/**
 * The country most of the places are in, the most specific place's on a tie: "between Boni and
 * Torodi ... in the Tillabéri region" is in Niger, whichever country also has a Boni.
 */
function mostNamedCountry(ordered: readonly PlaceMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of ordered) counts.set(m.fact.country, (counts.get(m.fact.country) ?? 0) + 1);
  let best: string | undefined;
  for (const m of ordered) if (best === undefined || (counts.get(m.fact.country) ?? 0) > (counts.get(best) ?? 0)) best = m.fact.country;
  return best;
}

/**
 * "More than 100 killed in northern Burkina Faso" names the town only further down ("the attack in
 * Djibo"): when title and lead name nothing below a country, the places that body sentences reporting
 * the main event locate it in, within that country, say where.
 */
function bodyDetail(chosen: readonly PlaceMention[], usable: readonly PlaceMention[], reporting: ReadonlySet<number>): PlaceMention[] {
  if (chosen.some((m) => m.fact.kind !== 'country')) return [];
  const countries = new Set(chosen.map((m) => m.fact.country));
  return placesReporting(usable, reporting).filter((m) => countries.size === 0 || countries.has(m.fact.country));
}

/** Places below the country that sentences reporting the main event locate it in. */
function placesReporting(usable: readonly PlaceMention[], reporting: ReadonlySet<number>): PlaceMention[] {
  return usable.filter((m) => m.locative && m.fact.kind !== 'country' && reporting.has(m.fact.evidence.sentence));
}

/**
 * A nationality ("un Togolais") places a story only when it names no place: "trois Italiens et un
 * Togolais enlevés ... à Sincina" is not about Togo.
 */
function unlessPlacesNamed(mentions: readonly PlaceMention[]): readonly PlaceMention[] {
  return mentions.some((m) => m.demonym !== true) ? mentions.filter((m) => m.demonym !== true) : mentions;
}

/**
 * A government's advice is dated by the sentences that give it ("on August 2, 2023, the Department
 * ordered the departure"), not by the events it cites ("On July 26, President Bazoum was placed under
 * house arrest").
 */
function adviceDates({ advised, dates, doc }: Parts): readonly DateFact[] {
  if (advised === undefined) return dates;
  const cited = dates.filter((d) => !citedEvent(d));
  const own = cited.filter((d) => d.role === 'event' && saysAdvice(doc.sentences[d.evidence.sentence]));
  return own.length > 0 ? own : cited;
}

/** "The new advice follows an attempted coup in the west African country on 21 March": the day of the event the advice cites. */
const CITED_EVENT = /\b(?:follows?|followed|following|after|fait suite a|suite a|apres)\s+(?:an?|the|une?|la|le|l'|les|des)\s*(?:[a-z'-]+\s+)?(?:coups?|putsch|attacks?|attaques?|attentats?|kidnappings?|enlevements?|massacres?|ambush(?:es)?|embuscades?|raids?)\b[^,.;]*$/;

function citedEvent(date: DateFact): boolean {
  return CITED_EVENT.test(fold(textUpTo(date)));
}

/** Kinds of event that one incident may be told as: violence, a siege, a seizure of power, advice. */
const KIND: Partial<Record<EventType, string>> = {
  attack: 'violence', killing: 'violence', kidnapping: 'violence', blockade: 'siege', coup: 'coup', evacuation: 'advice', advisory: 'advice',
};

/**
 * A body sentence that tells only of another kind of event ("On 3 September, JNIM announced a blockade"
 * in a story of an attack on a convoy) dates that event, not the main one.
 */
function ownKindDates({ type, events, lead }: Parts, dates: readonly DateFact[]): readonly DateFact[] {
  const kind = type === undefined ? undefined : KIND[type];
  if (kind === undefined || dates.every((d) => lead.has(d.evidence.sentence))) return dates;
  const own = new Set<number>();
  const other = new Set<number>();
  for (const e of events) {
    const k = KIND[e.type];
    if (k !== undefined) (k === kind ? own : other).add(e.evidence.sentence);
  }
  return dates.filter((d) => lead.has(d.evidence.sentence) || own.has(d.evidence.sentence) || !other.has(d.evidence.sentence));
}

/**
 * Body sentences that place what they tell only in another country ("French hostages who disappeared
 * in the Pendjari park in Benin on 1 May", in a story of an attack in Burkina Faso): their days and
 * victims are that event's.
 */
function sentencesElsewhere({ mentions, lead }: Parts, country: string | undefined): ReadonlySet<number> {
  // Most stories name no other country below their lead: nothing to work out.
  if (country === undefined || !mentions.some((m) => m.fact.country !== country && !lead.has(m.fact.evidence.sentence))) return NO_SENTENCES;
  return sentencesOnlyAway(mentions, lead, (m) => (m.demonym === true ? undefined : m.fact.country !== country));
}

/**
 * Body sentences that name only towns of other regions than the main event's ("On September 18, five
 * peacekeepers were killed in Kidal", in a story of an ambush near Gao): their days are other events'.
 */
function sentencesOfOtherTowns({ mentions, lead }: Parts, main: readonly string[]): ReadonlySet<number> {
  const local = mentions.filter((m) => main.includes(m.fact.id) && m.fact.kind !== 'country');
  // A locality the gazetteer does not list has no region to tell a nearby town from a far one.
  if (local.length === 0 || local.some((m) => m.fact.unlisted === true)) return NO_SENTENCES;
  const regions = new Set(local.map((m) => m.fact.region ?? m.fact.id));
  return sentencesOnlyAway(mentions, lead, (m) => !(main.includes(m.fact.id) || regions.has(m.fact.region ?? m.fact.id) || m.fact.kind === 'country'));
}

/** Body sentences all of whose places (borders aside, and those `away` passes over) are away. */
function sentencesOnlyAway(mentions: readonly PlaceMention[], lead: ReadonlySet<number>, away: (m: PlaceMention) => boolean | undefined): ReadonlySet<number> {
  const other = new Set<number>();
  const own = new Set<number>();
  for (const m of mentions) {
    const far = m.border === true || lead.has(m.fact.evidence.sentence) ? undefined : away(m);
    if (far !== undefined) (far ? other : own).add(m.fact.evidence.sentence);
  }
  for (const sentence of own) other.delete(sentence);
  return other;
}

const NO_SENTENCES: ReadonlySet<number> = new Set();

/** Sentences that report an event of the main type rather than recall one. */
function sentencesReporting(events: readonly EventFact[], type: EventType | undefined): ReadonlySet<number> {
  return new Set(events.filter((e) => e.type === type && !e.background).map((e) => e.evidence.sentence));
}

/** A lead place that the headline's places contain or are: the same town, or a town of the same region. */
function sameArea(mention: PlaceMention, headline: readonly PlaceMention[]): boolean {
  const { id, region } = mention.fact;
  return headline.some((h) => h.fact.id === id || h.fact.region === id || (region !== undefined && (h.fact.region === region || h.fact.id === region)));
}

/** The country the story names most, the lead counting most; its people's nationality only as unlessPlacesNamed says. */
function mainCountry(mentions: readonly PlaceMention[], lead: ReadonlySet<number>): string | undefined {
  const counts = new Map<string, number>();
  // A border is where things did not happen ("near the border with Algeria").
  for (const m of unlessPlacesNamed(mentions.filter((n) => !n.fact.background && n.border !== true))) {
    counts.set(m.fact.country, (counts.get(m.fact.country) ?? 0) + (lead.has(m.fact.evidence.sentence) ? 3 : 1));
  }
  let best: string | undefined;
  for (const [country, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = country;
  return best;
}

function rolesFor(type: EventType | undefined): readonly VictimRole[] {
  if (type === 'attack' || type === 'killing') return ['killed', 'injured', 'hostage'];
  // Hostages named in a blockade story were taken in another incident.
  if (type === 'blockade') return ['killed'];
  // The freed are the hostages of the kidnapping a release follows.
  if (type === 'release' || type === 'rescue' || type === 'ransom') return ['released', 'hostage', 'killed'];
  // Someone "reported missing" in a kidnapping story is the one taken, before anyone can say so for sure.
  return ['hostage', 'missing', 'killed'];
}

/** The hostages (or the dead of an attack) counted in the lead, with their nationality if any sentence of the lead gives it. */
function mainVictims(victims: readonly VictimFact[], type: EventType | undefined, lead: ReadonlySet<number>, title: string): MainEvent['victims'] {
  const current = victims.filter((v) => !v.background);
  for (const role of rolesFor(type)) {
    const ofRole = current.filter((v) => v.role === role);
    const inLead = ofRole.filter((v) => lead.has(v.evidence.sentence));
    const pool = inLead.length > 0 ? inLead : ofRole;
    const chosen = pool.find((v) => v.count !== null && v.nationality !== undefined) ?? pool.find((v) => v.count !== null) ?? pool[0];
    if (!chosen) continue;
    const mixed = mixedGroup(pool, chosen);
    if (mixed !== undefined) return { count: mixed, role };
    const nationality =
      chosen.nationality ??
      pool.find((v) => v.nationality !== undefined && (v.count === null || v.count === chosen.count))?.nationality ??
      headlineNationality(current, chosen.count, title) ??
      sameGroupLater(ofRole, chosen);
    return nationality === undefined ? { count: chosen.count, role } : { count: chosen.count, nationality, role };
  }
  return undefined;
}

/**
 * "un Pakistanais et un Iranien enlevés": hostages of several nationalities listed together are one
 * group with no single nationality; its size is theirs together, when each is counted.
 */
function mixedGroup(pool: readonly VictimFact[], chosen: VictimFact): number | null | undefined {
  const together = pool.filter((v) => v.evidence.sentence === chosen.evidence.sentence && v.nationality !== undefined);
  if (new Set(together.map((v) => v.nationality)).size < 2) return undefined;
  return together.every((v) => v.count !== null) ? together.reduce((sum, v) => sum + (v.count ?? 0), 0) : null;
}

/**
 * "trois de ses ressortissants enlevés" in the lead, "détenir trois ressortissants égyptiens" further
 * on: as many of the same role, told later with their nationality, are the same group.
 */
function sameGroupLater(ofRole: readonly VictimFact[], chosen: VictimFact): string | undefined {
  if (chosen.count === null) return undefined;
  return ofRole.find((v) => v.nationality !== undefined && v.count === chosen.count && v.evidence.sentence > chosen.evidence.sentence)?.nationality;
}

/**
 * The one nationality the headline gives its victims, whatever befell them, when the group chosen has
 * none: the hostage "held hostage" in the lead of "Body of Swiss hostage killed ..." is the Swiss one.
 * A victim the headline names by name is the headline's wherever the text gives the nationality
 * ("Sophie Pétronin, dernière otage française, libérée": "La Française Sophie Pétronin ...").
 */
function headlineNationality(victims: readonly VictimFact[], count: number | null, title: string): string | undefined {
  const headlined = (v: VictimFact) => v.evidence.sentence === 0 || (v.names ?? []).some((name) => title.includes(name));
  const named = victims.filter((v) => v.nationality !== undefined && headlined(v) && (v.count === null || count === null || v.count === count));
  const nationalities = new Set(named.map((v) => v.nationality));
  return nationalities.size === 1 ? named[0]?.nationality : undefined;
}

/** A named site in the lead, else a named site anywhere, else a generic one in the lead. */
function mainSite(sites: readonly SiteFact[], lead: ReadonlySet<number>): string | undefined {
  const current = sites.filter((s) => !s.background);
  const named = current.filter((s) => !isGenericSiteKey(s.key));
  const chosen = named.find((s) => lead.has(s.evidence.sentence)) ?? named[0] ?? current.find((s) => lead.has(s.evidence.sentence));
  return chosen?.key;
}

function mainActors(actors: readonly ActorFact[], advised: TravelAdvice | undefined): string[] {
  const ids = actors
    .filter((a) => a.about === 'main' && (a.role === 'claimed' || a.role === 'suspected') && a.id !== NO_GROUP.id)
    .map((a) => a.id);
  if (advised?.issuer !== undefined) ids.unshift(advised.issuer.id);
  return [...new Set(ids)];
}

/** The government whose advice the story is about speaks in it, about its main event. */
function withIssuer(actors: ActorFact[], advised: TravelAdvice | undefined, catalog: ActorCatalog): ActorFact[] {
  const issuer = advised?.issuer;
  if (issuer === undefined || actors.some((a) => a.id === issuer.id && a.about === 'main')) return actors;
  const entry = catalog.actors.find((a) => a.id === issuer.id);
  const fact: ActorFact = {
    id: issuer.id,
    name: entry?.name ?? issuer.name,
    kind: entry?.kind ?? 'government',
    role: 'spoke',
    about: 'main',
    evidence: { sentence: issuer.sentence.index, text: issuer.sentence.text },
  };
  return [fact, ...actors];
}

/** Claims, releases, ransom demands, statements and advice that concern the main event, in order of appearance. */
function mainChanges(parts: Parts): EventType[] {
  const changes: EventType[] = [];
  const main: MainSentences = {
    lead: parts.lead,
    bySentence: new Map(documentTokens(parts.doc).map((tokens) => [tokens.sentence.index, tokens])),
    classes: mainEventClasses(parts.type),
    known: new Map<number, boolean>(),
  };
  const claimed = parts.actors.some((a) => a.role === 'claimed' && a.about === 'main');
  const ordered = [...parts.events].sort((a, b) => a.evidence.sentence - b.evidence.sentence);
  for (const event of ordered) {
    if (event.background || !concernsMain(main, event.evidence.sentence)) continue;
    if (CHANGES.has(event.type)) addOnce(changes, event.type);
    const tokens = main.bySentence.get(event.evidence.sentence);
    if (event.type === 'killing' && parts.type === 'kidnapping' && tokens && mentionsEventClass(tokens, HOSTAGE_WORDS)) addOnce(changes, 'killing');
  }
  if (claimed) addOnce(changes, 'claim');
  if (parts.advice.some((a) => !isBackgroundAt(parts, a.evidence.sentence))) addOnce(changes, 'advisory');
  return changes;
}

interface MainSentences {
  readonly lead: ReadonlySet<number>;
  readonly bySentence: ReadonlyMap<number, Tokens>;
  readonly classes: ReadonlySet<EventClass>;
  /** Answers of `concernsMain` so far, by sentence index. */
  readonly known: Map<number, boolean>;
}

/** A sentence of the lead, or one with the main event's kind of event words. */
function concernsMain(main: MainSentences, index: number): boolean {
  let value = main.known.get(index);
  if (value === undefined) {
    const tokens = main.bySentence.get(index);
    value = tokens !== undefined && (main.lead.has(index) || mentionsEventClass(tokens, main.classes));
    main.known.set(index, value);
  }
  return value;
}

function addOnce(changes: EventType[], type: EventType): void {
  if (!changes.includes(type)) changes.push(type);
}

function isBackgroundAt(parts: Parts, index: number): boolean {
  const sentence = parts.doc.sentences.find((s) => s.index === index);
  return sentence === undefined || parts.background(sentence);
}

