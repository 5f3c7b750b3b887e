import type { DateFact, Document } from '../model.js';
import { WEEKDAY_WORDS } from '../text/date-expressions.js';
import { fold } from '../text/normalize.js';
import { opensWithContrast } from './background.js';
import { documentDate, longBefore, WRITTEN_YEAR } from './dates.js';

/** The main event's date, distilled from the dates a story gives (see extractFacts). */
export interface MainDate {
  readonly date: string;
  readonly precision: DateFact['precision'];
  readonly estimated: boolean;
  /** See MainEvent.dateUntold. */
  readonly untold?: boolean;
  /** See MainEvent.dateYearUnknown. */
  readonly yearUnknown?: boolean;
  /** See MainEvent.dateWeekdayOnly. */
  readonly weekdayOnly?: boolean;
}

/**
 * A story with no date of its own resolves "on Sunday" or "July 1" against the day it was read, which
 * may be long after it was written: the day is then a guess, unless the stream it came in bounds when it
 * came out (see Document.publishedAfter) and the text gives the day of the month (within a year, or
 * with its weekday, that day has one year) or a weekday the bounds leave one of (see weekdayPinned).
 */
function readOnlyRelative(doc: Document, date: DateFact): boolean {
  if (doc.publishedFrom !== 'seen' || WRITTEN_YEAR.test(date.matched)) return false;
  const weekday = WEEKDAY.test(fold(date.matched));
  if (!DAY_OF_MONTH.test(date.matched)) return !(weekday && weekdayPinned(doc, date));
  return !(withinAYear(doc) || weekday);
}

function weekdayOnly(date: DateFact): boolean {
  return date.precision === 'day' && WEEKDAY.test(fold(date.matched)) && !DAY_OF_MONTH.test(date.matched);
}

/** "dans la nuit du 9 au 10 novembre": a day and month, which a guessed reading (see readOnlyRelative) leaves in one of several years. */
function dayAndMonth(date: DateFact): boolean {
  return date.precision === 'day' && DAY_OF_MONTH.test(date.matched) && !WEEKDAY.test(fold(date.matched));
}

/**
 * "On Wednesday" in a story the stream bounds to days no later than the next such weekday: whichever of
 * those days it came out, it means the same Wednesday.
 */
function weekdayPinned({ publishedAfter: after, publishedBefore: before }: Document, date: DateFact): boolean {
  if (after === undefined || before === undefined || date.precision !== 'day') return false;
  return Date.parse(date.date) + WEEK_MS > Date.parse(before.slice(0, 10));
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

const DAY_OF_MONTH = /\d/;
/** A span of publication days within which a day and month have one year. */
const YEAR_DAYS = 366;
const WEEKDAYS = WEEKDAY_WORDS.join('|');
const WEEKDAY = new RegExp(String.raw`\b(?:${WEEKDAYS})\b`);

function withinAYear({ publishedAfter: after, publishedBefore: before }: Document): boolean {
  return after !== undefined && before !== undefined && !longBefore(after, before, YEAR_DAYS);
}

/**
 * "last week", "two weeks ago", "la semaine dernière": a day worked out from weeks says only roughly
 * when; so do "last Tuesday" or "mardi dernier", which writers use for this week's and last week's alike,
 * and "a few days ago" or "il y a quelques jours", which stand for any of the days before.
 */
const WEEK_LEVEL = new RegExp(
  String.raw`\b(?:weeks?|weekends?|semaines?|week-ends?)\b|\b(?:last|past) (?:${WEEKDAYS})\b|\b(?:${WEEKDAYS}) (?:dernier|passe)\b` +
    String.raw`|\b(?:few|several|couple of) days\b|\b(?:quelques|plusieurs) jours\b`,
);

/**
 * The event date told in the lead, else anywhere, else the publication date. A date that dates a
 * statement ("officials said on Saturday", "On Monday, the army announced") comes last, but in a
 * government's advice (`advice`), which is given in statements. Dates the text does not pin down are
 * estimates (see MainEvent.dateEstimated).
 */
export function mainDate(doc: Document, dates: readonly DateFact[], lead: ReadonlySet<number>, advice = false): MainDate | undefined {
  const told = toldDay(doc);
  // A year alone ("occupied in 2012") recalls; news gives the day or at least the month of what it reports.
  const events = dates.filter((d) => d.role === 'event' && !d.background && d.precision !== 'year' && !recalledInBody(d, lead, told) && !afterOther(d, told, dates) && !namesEvent(d) && !endsPeriod(d) && !besideOther(d) && !pointsElsewhere(d) && !inPlaceClause(d, told, dates));
  // The first of the best ranked, each ranked once: ranking folds text.
  let chosen: DateFact | undefined;
  let chosenSaid = false;
  let best = Infinity;
  for (const date of events) {
    const said = !advice && dayOfStatement(date);
    // A day guessed against the day an undated story was seen comes after a day the text pins down.
    const value = rank(date, lead, said) + (readOnlyRelative(doc, date) ? GUESSED : 0);
    if (value < best) {
      best = value;
      chosen = date;
      chosenSaid = said;
    }
  }
  const reported = chosen === undefined ? undefined : reportedLater(chosen, events, lead);
  if (reported !== undefined) return { date: reported.date, precision: 'day', estimated: true };
  if (chosen) {
    const guessed = readOnlyRelative(doc, chosen);
    const weekLevel = chosen.precision === 'day' && WEEK_LEVEL.test(fold(chosen.matched));
    // "La semaine dernière" in a story that may have come out any day of its stream's span says no more than no date would.
    if (weekLevel && guessed) return { date: chosen.date, precision: 'day', estimated: true, untold: true };
    const estimated = (chosen.precision === 'day' && (chosenSaid || weekLevel || endsRange(chosen))) || guessed;
    const main = { date: chosen.date, precision: chosen.precision, estimated, ...(weekdayOnly(chosen) ? { weekdayOnly: true } : {}) };
    return guessed && dayAndMonth(chosen) ? { ...main, yearUnknown: true } : main;
  }
  // News reports what just happened: a story that gives no date is about the days before it came out,
  // or, undated in a stream, about the days the stream had got to (see Document.publishedAfter).
  const published = documentDate(doc) ?? doc.publishedAfter;
  return published === undefined ? undefined : { date: published.slice(0, 10), precision: 'day', estimated: true, untold: true };
}

/** "closed until 9 November", "fermées jusqu'au 9 novembre": when a measure ends, not when anything happened. */
const UNTIL_BEFORE = /\b(?:until|till|jusqu'(?:au|a|en)|d'ici (?:le|au|a))\s*$/;
/**
 * "From September 26 to October 2", "du 26 septembre au 2 octobre": the first day of a span of days,
 * which ends later. Not a night from one day to the next ("dans la nuit du vendredi au samedi").
 */
const SPAN_OPENS = /\b(?:from|du|between|entre le|entre)\s*$/;
const SPAN_GOES_ON = /^\s*(?:to|au|and|et|-|–|—)\s/;

/**
 * "Après les attaques de Baffina ... le 2 mai 2018, c'est au tour de Yirgou", "Après Boulkessi, le 1er
 * octobre dernier, ... c'est le camp d'Indelimane qui a été visé": an opening clause on the events this
 * one came after, named or by their place.
 */
const AFTER_EVENTS =
  /^\s*(?:(?:apres|after|following|suite a)\s+(?:les?|la|l'|des|the|an?|une?)\s*(?:[a-z'-]+\s+)?(?:attaques?|attentats?|enlevements?|massacres?|embuscades?|tueries?|attacks?|kidnappings?|abductions?|raids?|ambush(?:es)?|killings?)\b|(?:apres|after)\s+[a-z'-]+\s*,)/;

/**
 * A day told in such a clause, a month or more before the story was told or before a later day the
 * sentence goes on to give, is the earlier events'. A nearer one may be the day of the event a follow-up
 * is about ("After the attack on Monday, the army ...").
 */
function afterOther(date: DateFact, told: string, dates: readonly DateFact[]): boolean {
  const text = date.evidence.text;
  const at = text.indexOf(date.matched);
  if (at < 0 || text.indexOf(',', at) < 0 || !AFTER_EVENTS.test(fold(text.slice(0, at)))) return false;
  return longBefore(date.date, told, BODY_RECALL_DAYS) || dates.some((d) => d.evidence.sentence === date.evidence.sentence && d.date > date.date && text.indexOf(d.matched) > at);
}

/** A day told in an opening clause of contrast (see opensWithContrast): the other event's day. */
function besideOther(date: DateFact): boolean {
  const text = date.evidence.text;
  const at = text.indexOf(date.matched);
  return at >= 0 && text.indexOf(',') > at && opensWithContrast(fold(text));
}

/**
 * "Depuis le coup d'État du 26 juillet", "since the attack of 3 May": the day of another event, from
 * which a state of things has lasted. Not "since Thursday", the day the event under way began.
 */
const SINCE_BEFORE = /\b(?:since|depuis)\s+(?:(?:the|le|la|les|l')\s*)?(?:[a-z'-]+\s+){1,3}(?:(?:of|du|de|d')\s*)?$/;

/** "Just ahead of Thursday's inauguration", "avant le scrutin de dimanche": a day something is awaited on. */
const AHEAD_OF = /\b(?:ahead of|in the run-up to|avant|en prevision d[eu]|a l'approche d[eu])\s*$/;

/**
 * "où 160 Peuls avaient été massacrés en mars 2019", "who had been abducted in May": a day told in a
 * relative clause in the pluperfect is of what had happened before the news. Not a main clause: "Elle
 * avait été enlevée le 11 janvier" dates the kidnapping a proof of life is about.
 */
const PLUPERFECT_CLAUSE = /\b(?:ou|qui|dont|where|who|which|that)\b[^,;:()]*\b(?:avai(?:t|ent)|had)\s+(?:(?:ete|been|deja|already)\s+)*[a-z'-]+(?:\s+[a-z'-]+){0,3}\s*$/;

/**
 * "before schools resume classes on November 10", "les cours reprendront le 10 novembre", "protests
 * planned for November 27": a day a few words after what is to come is when it is planned for, not when
 * anything happened.
 */
const PLAN_BEFORE = /\b(?:will|shall|(?:due|scheduled|expected|set) to|(?:planned|scheduled|set|slated|called) for|resumes?|reopens?|reprendr(?:e|a|ont)|rouvrir(?:a|ont)?|reprise|reouverture|devr(?:a|ont)|prevue?s?)(?:\s+[a-z'-]+){0,3}\s*$/;

/** "depuis juillet dernier", "since March": a month a state of things has lasted since. */
const SINCE_MONTH = /^(?:since|depuis)\b/;

/** "since France sent some 4,000 troops into the north on 11 January": the day of what a state of things has lasted since. Not "since Thursday". */
const SINCE_CLAUSE = /\b(?:since|depuis que)(?:\s+[^\s]+){3,}\s*$/;

const CLAUSE_MARK = /[;:(]|,(?!\d)/g;

/** The clause a date ends, from the last comma or other clause mark before it. */
function clauseBefore(date: DateFact): string {
  const text = date.evidence.text;
  const at = text.indexOf(date.matched);
  if (at <= 0) return '';
  const before = text.slice(0, at);
  let mark = -1;
  // A comma between digits is a thousands separator ("some 4,000 troops"), not the end of a clause.
  for (const m of before.matchAll(CLAUSE_MARK)) mark = m.index;
  return fold(before.slice(mark + 1));
}

/**
 * A day that ends a measure, opens a span, names what a state of things has lasted since or is yet to
 * come, or what had happened before: none is the day of the event the story tells.
 */
function endsPeriod(date: DateFact): boolean {
  if (date.precision === 'month' && SINCE_MONTH.test(fold(date.matched))) return true;
  const before = textBefore(date);
  if (before === undefined) return false;
  const clause = clauseBefore(date);
  return UNTIL_BEFORE.test(before) || SINCE_BEFORE.test(before) || AHEAD_OF.test(before) || PLUPERFECT_CLAUSE.test(clause) || PLAN_BEFORE.test(clause) || SINCE_CLAUSE.test(clause) || (SPAN_OPENS.test(before) && /\d/.test(date.matched) && SPAN_GOES_ON.test(textAfter(date)));
}

/** The words just after a date in its sentence. */
function textAfter(date: DateFact): string {
  const text = date.evidence.text;
  const at = text.indexOf(date.matched);
  return at < 0 ? '' : fold(text.slice(at + date.matched.length, at + date.matched.length + 12));
}

/** "du 23 au 31 mars", "entre le 27 et le 31 mars", "from 23 to 31 March", "between March 27 and 31": the last day of several. */
const RANGE_BEFORE = /\b(?:du|from|between|entre le|entre)\s+\d{1,2}(?:er)?\s+(?:au|to|and|et|-)(?:\s+le)?\s*$/;

/** A day that ends a span of days: events of several days are not pinned to one. */
function endsRange(date: DateFact): boolean {
  const before = textBefore(date);
  return before !== undefined && RANGE_BEFORE.test(before);
}

/** Enough for a reporting verb and its agent before a date (see SAID_BEFORE). */
const BEFORE_CHARS = 45;

/** The folded words just before a date in its sentence, when it does not open the sentence. */
function textBefore(date: DateFact): string | undefined {
  const at = date.evidence.text.indexOf(date.matched);
  return at > 0 ? fold(date.evidence.text.slice(Math.max(0, at - BEFORE_CHARS), at)) : undefined;
}

/** "(voir post du 2 novembre)", "(see our report of June 3)": a pointer to another text, not a day of the event. */
const CROSS_REFERENCE = /\((?:voir|see|cf\.?|lire|read|lisez)\b[^()]*$/;

function pointsElsewhere(date: DateFact): boolean {
  return CROSS_REFERENCE.test(textBefore(date) ?? '');
}

/**
 * "near Tongo Tongo, where fighters killed four US soldiers in October 2017", "a few dozen kilometres
 * from where militants killed four US soldiers on Oct 4": a clause that tells of a place by what
 * happened there before. Its day is the earlier event's when the sentence gives another day, or when
 * it lies more than the reporting week before the story was told; "in Ménaka, where on Sunday gunmen
 * killed ..." may be the news itself.
 */
const PLACE_CLAUSE = /(?:\bwhere\b|,\s*ou\b|\bla ou\b)[^,.;]*$/;

function inPlaceClause(date: DateFact, told: string, dates: readonly DateFact[]): boolean {
  if (!afterPlaceClause(date)) return false;
  return longBefore(date.date, told, REPORTING_WEEK_DAYS) || dates.some((d) => d !== date && d.evidence.sentence === date.evidence.sentence && !afterPlaceClause(d));
}

/** The sentence up to where the date is written, as written: empty when it cannot be found. */
export function textUpTo(date: DateFact): string {
  const text = date.evidence.text;
  return text.slice(0, Math.max(0, text.indexOf(date.matched)));
}

function afterPlaceClause(date: DateFact): boolean {
  const before = textUpTo(date);
  // Folding is asked only of the few sentences that may hold such a clause.
  return MAY_PLACE_CLAUSE.test(before) && PLACE_CLAUSE.test(fold(before));
}

const MAY_PLACE_CLAUSE = /where|o[uù]\b/i;

const REPORTING_WEEK_DAYS = 7;

/** Words that may follow a month without making it the name of an event ("July and August", "July of"). */
const NOT_NAMED = new Set(['of', 'and', 'or', 'to', 'this', 'last', 'that', 'when', 'while', 'in', 'on', 'at', 'for', 'et', 'de', 'dernier', 'prochain']);

/**
 * "seized power in a July coup", "since the March attack": a month before a noun, after an article,
 * names an event the reader knows, not when this one happened.
 */
function namesEvent(date: DateFact): boolean {
  if (date.precision !== 'month' || !/\b(?:a|an|the)\s*$/.test(textBefore(date) ?? '')) return false;
  const text = date.evidence.text;
  const at = text.indexOf(date.matched);
  const next = /^\s+([a-z]+)\b/.exec(fold(text.slice(at + date.matched.length, at + date.matched.length + 20)))?.[1];
  return next !== undefined && !NOT_NAMED.has(next);
}

/** Days a report of an event may come after it: the army's statement, a ministry's toll. */
const STATEMENT_LAG_DAYS = 4;

/**
 * A lead that dates its report ("l'armée a indiqué mardi soir") tells news of the days just before: a
 * day only the body gives, longer before that, is another event's ("Jeudi dernier, une double attaque
 * ..."), and the story is dated by its report, as an estimate.
 */
function reportedLater(chosen: DateFact, events: readonly DateFact[], lead: ReadonlySet<number>): DateFact | undefined {
  if (lead.has(chosen.evidence.sentence)) return undefined;
  const report = events.find((d) => lead.has(d.evidence.sentence) && d.precision === 'day' && dayOfStatement(d));
  return report !== undefined && Date.parse(report.date) - Date.parse(chosen.date) > STATEMENT_LAG_DAYS * DAY_MS ? report : undefined;
}

/** Days before a story was told beyond which a date only its body gives is what the body recalls. */
const BODY_RECALL_DAYS = 31;

/**
 * Sentences below the headline all of whose days and months are long past: a body sentence of a month
 * or more before the story was told, a lead sentence of a year or more ("since March 2016, when a raid on
 * Grand-Bassam left 19 dead"). The places and victims they name are recalled with them.
 */
export function recallingSentences(doc: Document, dates: readonly DateFact[], lead: ReadonlySet<number>): ReadonlySet<number> {
  const told = toldDay(doc);
  const recalled = new Set<number>();
  const current = new Set<number>();
  for (const date of dates) {
    // A year alone mostly recalls in passing, in a clause of a sentence about today ("a missionary taken hostage in 2016").
    if (date.role !== 'event' || date.evidence.sentence === 0 || date.precision === 'year') continue;
    const past = lead.has(date.evidence.sentence) ? date.background : recalledInBody(date, lead, told);
    (past ? recalled : current).add(date.evidence.sentence);
  }
  for (const sentence of current) recalled.delete(sentence);
  return recalled;
}

/** The day a story was told: its own date, else the day it was seen. */
function toldDay(doc: Document): string {
  return (documentDate(doc) ?? doc.seenAt).slice(0, 10);
}

/**
 * A lead tells what happened, a body also looks back ("The town was attacked in December 2021 ..."):
 * a date only the body gives, a month or more before the story was told, is not the event's.
 */
function recalledInBody(date: DateFact, lead: ReadonlySet<number>, told: string): boolean {
  return !lead.has(date.evidence.sentence) && longBefore(date.date, told, BODY_RECALL_DAYS);
}

/**
 * A reporting verb just before a date, or with its agent between them ("le bilan communiqué par le
 * gouvernement le 23 avril", "reported by SITE Intelligence Group on Thursday", "l'émissaire de l'ONU a
 * demandé jeudi", "les 41 pages, officiellement publiées le 12 mai").
 */
const SAID_BEFORE = /\b(?:said|says|told|confirmed|announced|added|stated|reported|declared|acknowledged|admitted|claimed|revealed|learned|learnt|published|released|issued|urged|demanded|declare|indique|annonce|affirme|precise|confirme|ajoute|reconnu|revendique|revele|appris|demande|reclame|rapporte|publiee?s?|diffusee?s?|communiquee?s?)(?: (?:by|par) (?:the |le |la |les |l')?[a-z-]+(?: [a-z-]+){0,2})?(?: (?:to |a )?(?:the |l')?(?:afp|reuters|associated press|agence(?: [a-z-]+){0,3}|reporters|journalists|journalistes|(?:the )?press|la presse))?(?: (?:a|an|its|un|une|son) (?:statement|video|message|communique))?(?: on| le)?\s*$/;

/** "Today" is mostly the day a story is told ("Switzerland Today", "Today, the army said"). */
const TODAY = /^(?:on )?(?:today|tonight|aujourd'hui|ce jour)$/;

/**
 * "Three days of mourning from Monday 13 January", "couvre-feu à partir du 2 mai", "mourning will
 * commence on Wednesday", "à compter de ce mercredi 26 juin": when a measure starts.
 */
const MEASURE_FROM = /\b(?:a partir du?|a compter d(?:u|e|')|des le|starting(?: on| from)?|as of|effective(?: from)?|will (?:begin|start|commence|take effect)(?: on| from)?)\s*$/;

/**
 * The day of a statement about the event ("said on Tuesday", "a revendiqué mardi", see saidAfter), or
 * of a measure taken after it, rather than of the event.
 */
function dayOfStatement(date: DateFact): boolean {
  const before = textBefore(date) ?? '';
  return (
    SAID_BEFORE.test(before) || PRESS_BEFORE.test(before) || DATED_BEFORE.test(before) || FOUND_BEFORE.test(before) || MEASURE_FROM.test(before) || saidAfter(date) || briefingHeadline(date) || dayOfVisit(date, before)
  );
}

/**
 * "Le président a effectué ce vendredi 4 janvier une visite à Koulogon", "visited the village on Friday":
 * a leader's visit comes after what happened there.
 */
const VISIT_BEFORE = /\b(?:visited|visiting|visite|s'est rendue?|rendu visite|en visite)\b[^,.;]{0,40}$/;
const VISIT_AFTER = /^\s*,?\s*(?:une |a |his |her |sa )?visite?\b/;

function dayOfVisit(date: DateFact, before: string): boolean {
  return VISIT_BEFORE.test(before) || VISIT_AFTER.test(textAfter(date));
}

/** "sa lettre Al-Naba, datée du 17 septembre", "a video dated June 3": when a text came out. */
const DATED_BEFORE = /\b(?:datee?s?|dated)(?: du| de| of)?\s*$/;

/** "whose body was discovered Saturday", "retrouvé mort dimanche": when it came to light, after it happened. */
const FOUND_BEFORE = /\b(?:discovered|found|retrouvee?s?|decouverte?s?)(?: (?:dead|mort|morte|morts|mortes|sans vie))?(?: on| le)?\s*$/;

/** A headline of a briefing, a press conference or a statement: the day it gives is when it was said. */
const BRIEFING = /\b(?:briefing|press conference|statement|communique|point de presse|conference de presse|declaration)\b/;

function briefingHeadline(date: DateFact): boolean {
  return date.evidence.sentence === 0 && BRIEFING.test(fold(date.evidence.text));
}

/**
 * "At a press conference on Saturday", "lors d'un point de presse le 29 avril", "selon le conseil des
 * ministres du 17 novembre": when something was said.
 */
const PRESS_BEFORE = /\b(?:press (?:conference|briefing)|news conference|conference de presse|point de presse|cabinet meeting|council of ministers|conseil des ministres)(?: [a-z'-]+){0,3}?(?: on| le| du| of)?\s*$/;

/** Added to the rank of a guessed day (see readOnlyRelative): after a pinned day in the body, before a statement's. */
const GUESSED = 3;

/** Lower is better: event before statement, lead before body, day before month; ties keep text order. */
function rank(date: DateFact, lead: ReadonlySet<number>, said: boolean): number {
  const told = said || TODAY.test(fold(date.matched).trim());
  return (told ? 4 : 0) + (lead.has(date.evidence.sentence) && !monthsAgo(date) ? 0 : 2) + (date.precision === 'day' ? 0 : 1);
}

/**
 * "The same city that saw the abduction of an Austrian three months ago": news of the days before it
 * came out does not count its own event in months or years; such a date in the lead recalls another.
 */
const MONTHS_AGO = /\b(?:months?|years?|mois|ans|annees?) (?:ago|plus tot|auparavant)\b|\bil y a (?:\S+ )?(?:mois|ans|annees?)\b/;

function monthsAgo(date: DateFact): boolean {
  return date.precision !== 'day' && MONTHS_AGO.test(fold(date.matched));
}

/**
 * "On Monday, the general staff announced ...", "Ce 29 avril, le média a publié ...": a sentence that
 * opens on its date and goes on to a reporting verb in the same clause. A second comma ends the
 * clause ("On Sunday, gunmen killed 20, officials said"), and a date further on is the event's ("...
 * kidnapped on Thursday, sources said").
 */
const SAID_AFTER = /^\s*,?[^,.;:]{0,80}?\b(?:said|says|announced|reported|confirmed|published|told|stated|declared|acknowledged|admitted|claimed|claims|revealed|(?:released|issued) (?:\w+ )?(?:statement|video|communique|message)|(?:a|ont) (?:publie|annonce|indique|declare|affirme|confirme|precise|revendique|reconnu|diffuse|donne)|revendique|revendiquent|affirme|affirment|confirme|confirment)\b/;

/**
 * A claim may name its group in apposition before the verb ("On July 30, an al Qaeda affiliate, Jama'a
 * Nusrat ul-Islam wa al-Muslimin (JNIM), claimed responsibility ..."): the commas do not end the clause.
 */
const CLAIMED_AFTER = /^\s*,?[^.;:]{0,100}?\b(?:claimed responsibility|claims responsibility|(?:a|ont) revendique)\b/;

/** Characters that may come before a date that opens a sentence ("Ce ", "Le "). */
const OPENING = 4;
/** Words that may open a sentence before its date ("Today, Wednesday, the authorities announced ..."). */
const OPENING_WORDS = /^(?:(?:today|tonight|aujourd'hui|ce|le|on|this|ce jour)[\s,]+)+$/;
/**
 * A phrase that says where or at what meeting a statement came out may open the sentence before its date
 * ("Dans son hebdomadaire Al-Naba ce jeudi, l'EI revendique ...", "Au terme du Conseil des ministres de ce
 * mercredi 17 novembre, le ministre a donné un nouveau bilan").
 */
const OPENING_PHRASE = /^(?:dans|selon|sur|par|in|through|via|au terme|a l'issue|at the end|at the close)\b[^,.;:]{0,80}$/;

function saidAfter(date: DateFact): boolean {
  const text = date.evidence.text;
  const at = text.indexOf(date.matched);
  if (at < 0) return false;
  const after = fold(text.slice(at + date.matched.length, at + date.matched.length + 120));
  if (VERB_NEXT.test(after)) return true;
  const before = fold(text.slice(0, at));
  const opens = at <= OPENING || OPENING_WORDS.test(before) || OPENING_PHRASE.test(before);
  return opens && (SAID_AFTER.test(after) || CLAIMED_AFTER.test(after) || STATEMENT_AFTER.test(after));
}

/** "Islamic State's affiliate on Tuesday claimed responsibility", "the army on Monday said": the day its subject spoke. */
const VERB_NEXT = /^\s+(?:said|says|announced|claimed|confirmed|reported|stated|declared|published|released|issued)\b/;

/** "On Nov. 11, Benoit Desormeaux, chief executive of Semafo, said in a statement ...": the commas of an apposition do not end the clause. */
const STATEMENT_AFTER = /^\s*,?[^.;:]{0,120}?\b(?:said|says|announced|declared) in a (?:statement|press release)\b/;
