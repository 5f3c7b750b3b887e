import type { Document, Evidence, EventFact, EventType, Lang } from '../model.js';
import { foldedWords } from '../text/regex.js';
import { isBackgroundSentence } from './background.js';
import type { BackgroundTest } from './places.js';
import { documentTokens, type Tokens } from './tokens.js';
import { leadingWords, WordPattern } from './word-patterns.js';

/** Trigger words and phrases per event type, written folded (no accents, lower case). */
interface Triggers {
  readonly en: readonly string[];
  readonly fr: readonly string[];
}

const TRIGGERS: Readonly<Record<EventType, Triggers>> = {
  kidnapping: {
    en: [String.raw`kidnap(?:s|ped|ping|pings|per|pers)?`, String.raw`abduct(?:s|ed|ing|ion|ions|or|ors)?`, String.raw`hostage-taking`,
      String.raw`(?:taken|took|take|held|holding) (?:\w+ ){0,4}?(?:as )?hostages?`, String.raw`hostages?`],
    fr: [String.raw`pris(?:es?)? en otages?`, String.raw`prises? d'otages?`, String.raw`enlevements?`, String.raw`enlev(?:e|ee|es|ees|er|ent|aient|ait)`,
      String.raw`rapts?`, String.raw`otages?`, String.raw`kidnapp(?:e|ee|es|ees|ing)`, String.raw`sequestr(?:e|ee|es|ees)`, String.raw`ravisseurs?`],
  },
  claim: {
    en: [String.raw`claim(?:s|ed|ing)? (?:\w+ ){0,2}?(?:responsibility|credit)`, String.raw`(?:took|taken|take|takes|taking|accepted|assumed) responsibility`,
      String.raw`claim(?:s|ed|ing)? (?:the |this |these )?(?:attacks?|kidnappings?|abductions?|assaults?|killings?)`],
    fr: [String.raw`revendiqu(?:e|ee|es|ees|ent|ait|er)`, String.raw`revendication`],
  },
  statement: {
    en: [String.raw`press release`, String.raw`statements?`, String.raw`condemn(?:s|ed|ing|ation)?`, String.raw`denounc(?:e|es|ed|ing)`, String.raw`communique`],
    fr: [String.raw`communiques?`, String.raw`condamn(?:e|ee|es|ent|ation)`, String.raw`declarations?`, String.raw`denonc(?:e|ent)`],
  },
  advisory: {
    en: [String.raw`advise against all(?: but essential)? travel`, String.raw`reconsider travel`, String.raw`do not travel`, String.raw`travel (?:advi(?:ce|sory|sories)|alerts?|warnings?)`,
      String.raw`exercise (?:increased|extreme|utmost) caution`, String.raw`advis(?:e|ed|es|ory|ories)`],
    fr: [String.raw`conseils? aux voyageurs`, String.raw`(?:formellement )?deconseill(?:e|ee|es|ees|er)`, String.raw`vigilance renforcee`],
  },
  evacuation: {
    en: [String.raw`evacuat(?:e|ed|es|ing|ion|ions)`, String.raw`repatriat(?:e|ed|es|ing|ion)`, String.raw`ordered departure`,
      String.raw`leave (?:\w+ )?(?:(?:the )?country|mali|niger|burkina(?: faso)?)`, String.raw`leave ['"]?(?:immediately|at the earliest|as soon as possible)`,
      String.raw`depart (?:immediately|now|the country|mali|niger|burkina(?: faso)?)`,
      String.raw`reduc(?:e|es|ed|ing) (?:the number of |its )?(?:embassy |diplomatic )?staff`, String.raw`(?:staff|embassy) drawdown`],
    fr: [String.raw`evacu(?:ation|ations|e|ee|es|ees|er)`, String.raw`rapatri(?:ement|ements|e|es|er)`,
      String.raw`quitter (?:\w+ )?(?:le pays|le mali|le niger|le burkina(?: faso)?)`, String.raw`quitter ['"]?(?:immediatement|sans delai|au plus vite|des que possible)`,
      String.raw`depart temporaire`, String.raw`(?:prevoir|organiser) (?:un |leur )?depart`,
      String.raw`redui(?:re|t|sent) (?:son|ses|le) (?:personnel|effectifs)`, String.raw`reduction (?:du personnel|des effectifs)`],
  },
  attack: {
    en: [String.raw`attack(?:s|ed|ing|er|ers)?`, String.raw`assault(?:s|ed)?`, String.raw`raid(?:s|ed)?`, String.raw`stormed`, String.raw`ambush(?:es|ed)?`,
      String.raw`offensive`, String.raw`bombings?`, String.raw`fighting`, String.raw`clash(?:es|ed)?`, String.raw`(?:gun|fire)fights?`, String.raw`opened fire`,
      String.raw`shell(?:ed|ing)`, String.raw`(?:drone|air) ?strikes?`, String.raw`set (?:on )?fire`, String.raw`set ablaze`, String.raw`torched`,
      String.raw`(?:seized|seize|seizes|seizing|took|taken|take|takes|taking|retook|retaken|regained) (?:full )?control`, String.raw`recaptur(?:e|ed|es|ing)`,
      String.raw`(?:took|taken|take|takes|taking) over (?:a |an |the )?(?:military |army )?(?:posts?|bases?|camps?|positions?|towns?)`],
    fr: [String.raw`attaqu(?:e|es|ee|ees|er|ent)`, String.raw`assauts?`, String.raw`embuscades?`, String.raw`raids?`, String.raw`offensive`, String.raw`combats`,
      String.raw`affrontements?`, String.raw`accrochages?`, String.raw`ouvert le feu`, String.raw`frappes? (?:aeriennes?|de drones?)`,
      String.raw`incendi(?:e|ee|es|ees|ent|er)`, String.raw`mis le feu`, String.raw`en feu`, String.raw`pris(?:e|es)? pour cibles?`,
      String.raw`(?:pris|prend|prennent|repris|reprend|reprennent) (?:le )?controle`, String.raw`reprise de`],
  },
  killing: {
    en: [String.raw`killed`, String.raw`killings?`, String.raw`kills?`, String.raw`dead`, String.raw`deaths?`, String.raw`death toll`, String.raw`died`, String.raw`slain`,
      String.raw`massacred?`, String.raw`massacres`, String.raw`mass graves?`, String.raw`summar(?:y|ily) execut(?:ed|ions?)`,
      String.raw`assassinat(?:ed|ion|ions)`, String.raw`shot dead`, String.raw`gunned down`],
    fr: [String.raw`tu(?:e|ee|es|ees|er|ent)`, String.raw`morts?`, String.raw`deces`, String.raw`massacres?`, String.raw`perdu la vie`, String.raw`peri`,
      String.raw`fosses? communes?`, String.raw`abattu(?:e|s|es)?`, String.raw`assassin(?:e|ee|es|ees|at|ats)`, String.raw`execut(?:e|ee|es|ees)s? sommairement`, String.raw`executions? sommaires?`, String.raw`executions? extrajudiciaires?`],
  },
  blockade: {
    en: [String.raw`blockades?`, String.raw`blockaded`, String.raw`encircle(?:d|ment)`, String.raw`besieged`, String.raw`under siege`, String.raw`siege`],
    fr: [String.raw`blocus`, String.raw`encercl(?:e|ee|es|ees|ement)`, String.raw`assieg(?:e|ee|es|ees)`, String.raw`blocage des? (?:camions|convois|routes|axes)`],
  },
  release: {
    en: [String.raw`released`, String.raw`releases?`, String.raw`freed`, String.raw`frees`, String.raw`set free`, String.raw`liberated`,
      // "Militants free two hostages": the bare verb only before whom it frees, not "a free press".
      String.raw`free (?:the |all |(?:\w+ ){0,2}(?:hostages?|captives?|prisoners?))`,
      String.raw`(?:after|following) (?:\w+ ){0,3}(?:years?|months?|weeks?) (?:of|in) captivity`, String.raw`free at last`,
      String.raw`(?:is|are|was|were) (?:now |finally )?free`,
      // Hostages who got away: "found safe and sound in Mali", "escaped their captors".
      String.raw`found (?:safe|alive)`, String.raw`escaped (?:from )?(?:their|his|her) (?:captors|kidnappers|abductors)`],
    fr: [String.raw`liber(?:e|ee|es|ees|er|ation|ent)`,
      String.raw`retrouve(?:e|s|es)? (?:sains? et saufs?|saines? et sauves?|vivante?s?|en vie)`, String.raw`(?:echappe|evade)e?s? (?:a|de) (?:leurs|ses) ravisseurs`, String.raw`relach(?:e|ee|es|ees|ent)`, String.raw`remis en liberte`,
      String.raw`apres (?:\w+ ){0,3}(?:ans?|annees?|mois|semaines?) de (?:captivite|detention)`,
      // "Sophie Pétronin : enfin libre", "ils sont libres": free again, not "la zone libre".
      String.raw`(?:enfin|desormais|de nouveau|a nouveau|est|sont|etait|etaient) libres?`],
  },
  rescue: {
    en: [String.raw`rescu(?:e|ed|es|ing)`],
    fr: [String.raw`secouru(?:e|es|s)?`, String.raw`exfiltr(?:e|ee|es|ees|ation)`],
  },
  ransom: {
    en: [String.raw`ransoms?`],
    fr: [String.raw`rancons?`],
  },
  negotiation: {
    en: [String.raw`negotiat(?:e|ed|es|ing|ion|ions|or|ors)`, String.raw`mediation`, String.raw`mediators?`],
    fr: [String.raw`negociat(?:ion|ions|eurs?)`, String.raw`negoci(?:er|e|ent)`, String.raw`mediation`, String.raw`pourparlers`],
  },
  coup: {
    en: [String.raw`(?:counter)?coups?(?: d'etat)?`, String.raw`putsch(?:es)?`, String.raw`mutin(?:y|ies|eers?|ous)`, String.raw`(?:seized|seize|seizes|seizing) power`,
      String.raw`(?:toppled|overthrew|overthrown|ousted) (?:the )?(?:president|government|regime|leader)`,
      String.raw`(?:detained|detain|detains|arrested) (?:the )?president`, String.raw`president (?:(?!said |says |told |announced )\w+ ){0,4}(?:was |has been |is )?(?:detained|arrested)`,
      String.raw`president(?:,| and)(?: (?!said\b|says\b|told\b|announced\b)\w+){1,5} (?:were |have been |are )?(?:detained|arrested)`,
      String.raw`(?:deposed|deposes|depose) (?:the )?(?:president|leader|government|head of state)`,
      String.raw`(?:president|leader|head of state|government) (?:\w+ ){0,3}(?:was |has been |is )?(?:deposed|ousted|toppled|overthrown)`],
    fr: [String.raw`coups? d'etat`, String.raw`putschs?`, String.raw`putschistes?`, String.raw`mutineries?`, String.raw`mutins`,
      String.raw`(?:re)?(?:pris|prend|prennent|prise) (?:le|du) pouvoir`, String.raw`empar(?:er|e|ent|ait|aient|ant|es?) du pouvoir`, String.raw`prise (?:de|du) pouvoir par la force`, String.raw`avoir renverse`,
      String.raw`arrestation du president`, String.raw`renvers(?:e|ent|ement) (?:du |le )?(?:president|regime|pouvoir)`,
      String.raw`(?:detiennent|detient|arrete|arretent) le president`, String.raw`president (?:\w+ ){0,4}(?:detenu|arrete)`,
      String.raw`(?:president|chef de l'etat|chef de la junte) (?:\w+ ){0,3}(?:destitue|renverse|depose)`],
  },
};

const TYPES = Object.keys(TRIGGERS) as EventType[];

/**
 * One regular expression per language, compiled once, with one capturing group per type in the order
 * of TYPES (the triggers capture nothing themselves). Numbered rather than named groups: the engine
 * then builds no groups object for every match.
 */
function compile(langs: readonly ('en' | 'fr')[]): WordPattern {
  const groups = TYPES.map((type) => `(${langs.flatMap((l) => TRIGGERS[type][l]).join('|')})`);
  return new WordPattern(foldedWords(groups), TRIGGER_WORDS);
}

/** Words that may start a trigger: every other word can be skipped. */
const TRIGGER_WORDS = leadingWords(TYPES.flatMap((type) => [...TRIGGERS[type].en, ...TRIGGERS[type].fr]));
const PATTERNS: Readonly<Record<Lang, WordPattern>> = { en: compile(['en']), fr: compile(['fr']), und: compile(['en', 'fr']) };

/** Words that deny what follows within a few words: "has not yet claimed", "no entity has formally claimed", "n'a pas été revendiqué". */
const NEGATION = /\b(?:not|no|never|nobody|none|neither|nor|without|yet to|denied|denies|deny|pas|aucun|aucune|jamais|personne|sans|ni)\b|n't\b/;
/** A release that is asked for or hoped for has not happened: "to secure their safe release", "pour la libération". */
const ASPIRATION = /\b(?:secure|securing|ensure|ensuring|facilitate|facilitating|seek|seeking|sought|demand|demanded|demanding|demands|call|calls|called|calling|urge|urged|urging|push|pushes|pushing|work|working|obtain|obtaining|towards?|for|safe|early|immediate|swift|expeditious|to|pour|obtenir|exiger|exige|reclamer|reclame|reclament|appelle|appellent|appele|appeler|demande|demandent|demander|exigent|souhaite|espere|travailler|oeuvrer|rapide)\b/;
/** Clause breaks stop negation from reaching across: "While JNIM has claimed ..., the group has not yet claimed ...". */
const CLAUSE_BREAK = /[,;:()]|\b(?:but|while|whereas|although|mais|alors que|tandis que)\b/g;
/** "Images released by the group", "have not released a toll": things, not people, were released. */
const RELEASED_THING = /\b(?:images?|videos?|footage|statements?|photos?|pictures?|recordings?|audio|messages?|figures|data|reports?|toll|communiques?|details|information|names|documents?|results|funds|budget|album|film)\b/;
/**
 * An attack or a kidnapping warned of has not happened: "un risque d'attaque terroriste", "une éventuelle
 * attaque", "the embassy warns of attacks", "un risque très sérieux d'enlèvement". Asked of the few words
 * just before the trigger.
 */
const THREAT =
  /\b(?:risks?|risques?|threats?|menaces?|possibles?|eventuel(?:le)?s?|probables?|potential|imminente?|planned|planifiee?s?|projets?|plots?)\b|\b(?:en garde contre|warn(?:s|ed|ing)? (?:of|against)|alerte(?:nt)? (?:contre|sur))\b/;
const THREAT_WORDS = 4;
const NEGATION_WORDS = 4;
const ASPIRATION_WORDS = 5;

const SPACE = /\s/;

function isSpace(code: number): boolean {
  if (code === 32) return true;
  if (code > 32 && code < 127) return false;
  return SPACE.test(String.fromCharCode(code));
}

/** The last `count` words of the clause that ends at `end`, joined by single spaces; scanned backwards, as it runs for every trigger. */
function clauseBefore(folded: string, end: number, count: number): string {
  const floor = Math.max(0, end - 80);
  const window = folded.slice(floor, end);
  let start = floor;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(window); m !== null; m = CLAUSE_BREAK.exec(window)) start = floor + m.index + m[0].length;
  let clause = '';
  let found = 0;
  let i = end;
  while (found < count) {
    while (i > start && isSpace(folded.charCodeAt(i - 1))) i--;
    if (i === start) break;
    const wordEnd = i;
    while (i > start && !isSpace(folded.charCodeAt(i - 1))) i--;
    const word = folded.slice(i, wordEnd);
    clause = found === 0 ? word : `${word} ${clause}`;
    found += 1;
  }
  return clause;
}

/** The `count` words after `from`. */
function wordsAfter(folded: string, from: number, count: number): string {
  return folded.slice(from, from + 60).trim().split(/\s+/).slice(0, count).join(' ');
}

/** "Au point mort" (at a standstill), "la peine de mort", "the death penalty": no one died. */
const NO_DEATH_BEFORE = /(?:^| )(?:point|peine de)$/;
const NO_DEATH_AFTER = /^(?:penalty|sentences?)\b/;

function namesNoDeath(folded: string, at: number, end: number): boolean {
  return NO_DEATH_BEFORE.test(clauseBefore(folded, at, 2)) || NO_DEATH_AFTER.test(wordsAfter(folded, end, 1));
}

function isDenied(type: EventType, folded: string, at: number, end: number): boolean {
  if (NEGATION.test(clauseBefore(folded, at, NEGATION_WORDS))) return true;
  if (type === 'killing' && namesNoDeath(folded, at, end)) return true;
  if ((type === 'attack' || type === 'kidnapping') && THREAT.test(clauseBefore(folded, at, THREAT_WORDS))) return true;
  if (type === 'release' && RELEASED_THING.test(`${clauseBefore(folded, at, 2)} ${wordsAfter(folded, end, 3)}`)) return true;
  if (type === 'coup' && recallsCoup(folded, at, end)) return true;
  return type === 'release' || type === 'rescue' ? ASPIRATION.test(clauseBefore(folded, at, ASPIRATION_WORDS)) : false;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre';
/** Words before a coup that make it where a regime came from: "following a military coup", "la junte qui a pris le pouvoir", "since the 2022 coup". */
const COUP_RECALLED_BEFORE = /(?:^| )(?:following|after|since|depuis|suite|apres|qui|which|who|that|ayant|(?:19|20)\d\d)(?: |$)/;
const COUP_RECALLED_AFTER = new RegExp(String.raw`^(?:in|en|of|de|d'|du)(?: [a-z]+)? (?:(?:19|20)\d\d|${MONTHS})\b`);

/** A coup the sentence names as the past of the regime ("a coup in July"), not as what is happening. */
function recallsCoup(folded: string, at: number, end: number): boolean {
  return COUP_RECALLED_BEFORE.test(clauseBefore(folded, at, 4)) || COUP_RECALLED_AFTER.test(wordsAfter(folded, end, 3));
}

function matchedType(match: RegExpExecArray): EventType | undefined {
  for (let k = 0; k < TYPES.length; k += 1) if (match[k + 1] !== undefined) return TYPES[k];
  return undefined;
}

/** Appends the sentence's events to `out`; most sentences have none, so nothing is allocated for them. */
function sentenceEvents(tokens: Tokens, lang: Lang, background: BackgroundTest, out: EventFact[]): void {
  const sentence = tokens.sentence;
  const first = out.length;
  // Offsets on the folded text point into the original only when folding kept the length.
  const aligned = sentence.folded.length === sentence.text.length;
  let isBackground: boolean | undefined;
  let evidence: Evidence | undefined;
  for (const m of PATTERNS[lang].matches(tokens)) {
    const type = matchedType(m);
    if (type === undefined || hasType(out, first, type) || isDenied(type, sentence.folded, m.index, m.index + m[0].length)) continue;
    isBackground ??= background(sentence);
    evidence ??= { sentence: sentence.index, text: sentence.text };
    const trigger = aligned ? sentence.text.slice(m.index, m.index + m[0].length) : m[0];
    out.push({ type, trigger, background: isBackground, evidence });
  }
}

function hasType(facts: readonly EventFact[], from: number, type: EventType): boolean {
  for (let k = from; k < facts.length; k += 1) if ((facts[k] as EventFact).type === type) return true;
  return false;
}

/**
 * Event types mentioned in each sentence, English and French, at most one fact per type and
 * sentence. Denied events ("has not yet claimed responsibility"), hoped-for releases and the coup a
 * regime came from are left out.
 */
export function extractEvents(doc: Document, background: BackgroundTest = isBackgroundSentence): EventFact[] {
  const facts: EventFact[] = [];
  for (const tokens of documentTokens(doc)) sentenceEvents(tokens, doc.lang, background, facts);
  return facts;
}

const CAPTIVITY_CHANGES: ReadonlySet<EventType> = new Set<EventType>(['release', 'rescue', 'ransom']);

/** A story of this type and these changes reports what became of hostages: their release, rescue or ransom. */
export function reportsCaptivityEnd(type: EventType | undefined, changes: readonly EventType[]): boolean {
  if (type !== undefined && CAPTIVITY_CHANGES.has(type)) return true;
  return type === 'kidnapping' && changes.some((c) => CAPTIVITY_CHANGES.has(c));
}
