import type { Document, VictimFact, VictimRole } from '../model.js';
import { isBackgroundSentence, opensWithContrast } from './background.js';
import { NUMBER_WORDS, parseNumberAt } from './numbers.js';
import { MONTH_WORDS } from '../text/date-expressions.js';
import type { BackgroundTest } from './places.js';
import { DEMONYMS, NATIONALITIES } from './demonyms.js';
import { appositionsEnd, HONORIFICS, ONE_PERSON_ARTICLES, isNameWord, LIST_AND, nameBefore, nameEnd, nameFrom, nameText, personNameAt, personNameBefore, personNamesAt, titleCased } from './person-names.js';
import { DIGITS, documentTokens, hasStem, isCapitalised, isMark, PhraseIndex, sentenceHas, startsWithAt, type Tokens, vocabularyBit, vocabularyWhere, wordFlags } from './tokens.js';

/**
 * Victims: "three Indian nationals were abducted", "killed at least 30 soldiers", "cinq ressortissants
 * indiens enlevés", "the abducted Indian nationals" (a group without a number).
 * Armed men on the other side ("neutralised more than 80 militants") are not victims and are left out;
 * residents and running totals ("400 Indians reside in Mali", "the total number of Indians kidnapped
 * this year") are context figures, read by figures.ts.
 */

/** Countries named after "citizens of", "ressortissants de" ("two citizens of the United Arab Emirates"), by the nationality they give. */
const COUNTRIES_OF = new PhraseIndex<string>(
  (
    [
      ['Emirati', ['united arab emirates', 'uae', 'emirats arabes unis']], ['Chinese', ['china', 'chine']], ['Indian', ['india', 'inde']],
      ['Moroccan', ['morocco', 'maroc']], ['Egyptian', ['egypt', 'egypte']], ['Turkish', ['turkey', 'turquie']], ['Russian', ['russia', 'russie']],
      ['Iranian', ['iran']], ['American', ['united states', 'etats-unis']], ['British', ['united kingdom', 'royaume-uni']],
      ['German', ['germany', 'allemagne']], ['Italian', ['italy', 'italie']], ['French', ['france']], ['Spanish', ['spain', 'espagne']],
    ] as const
  ).flatMap(([name, forms]) => forms.map((form) => [form, name] as const)),
);
const OF_COUNTRY = new Set(['of', 'de', 'des', 'du', 'd']);
const COUNTRY_ARTICLES = new Set(['the', 'la', 'l', 'le', 'les']);

/** "of the United Arab Emirates" after a noun for people: the nationality and where the phrase ends. */
function countryOfAt(words: readonly string[], k: number): { readonly nationality: string; readonly end: number } | undefined {
  if (!OF_COUNTRY.has(words[k] ?? '')) return undefined;
  const at = COUNTRY_ARTICLES.has(words[k + 1] ?? '') ? k + 2 : k + 1;
  const match = COUNTRIES_OF.matchAt(words, at);
  const nationality = match?.values[0];
  return match && nationality ? { nationality, end: match.end } : undefined;
}

/** French singular articles before a noun for one person ("le journaliste français"): a count of one. */
const SINGULAR_ARTICLES = new Set(['le', 'la', 'l']);
/** Words that can open a group: numbers, "a", "an", the French singular articles, and the first word of each demonym. */
const GROUP_STARTS = new Set([...NUMBER_WORDS, 'an', ...SINGULAR_ARTICLES, ...DEMONYMS.flatMap(([, forms]) => forms.map((form) => form.split(' ')[0] as string))]);

const GROUP_VOCABULARY = vocabularyBit(GROUP_STARTS);

function mayStartGroup(word: string): boolean {
  const first = word.charCodeAt(0);
  return (first >= 48 && first <= 57) || GROUP_STARTS.has(word);
}

/** The nationality written at token k ("indians" -> "Indian", "burkina faso" -> "Burkinabe"). */
export function nationalityAt(words: readonly string[], k: number): { readonly nationality: string; readonly end: number } | undefined {
  const match = NATIONALITIES.matchAt(words, k);
  const nationality = match?.values[0];
  return match && nationality ? { nationality, end: match.end } : undefined;
}

export function isPersonNoun(word: string): boolean {
  return PEOPLE.has(word) || HOSTAGE_NOUNS.has(word);
}

const PEOPLE = new Set([
  'people', 'persons', 'person', 'civilians', 'civilian', 'soldiers', 'soldier', 'troops', 'servicemen', 'nationals',
  'national', 'citizens', 'citizen', 'workers', 'worker', 'employees', 'employee', 'engineers', 'engineer', 'expatriates',
  'expatriate', 'foreigners', 'foreigner', 'individuals', 'individual', 'men', 'man', 'women', 'woman', 'children',
  'child', 'villagers', 'policemen', 'policeman', 'police', 'officers', 'officer', 'gendarmes', 'gendarme', 'miners',
  'miner', 'drivers', 'driver', 'passengers', 'tourists', 'tourist', 'missionaries', 'missionary', 'staff', 'staffers',
  'members', 'nurses', 'doctors', 'teachers', 'contractors', 'technicians', 'traders', 'herders', 'farmers',
  'paramilitaries', 'guards', 'personnes', 'personne', 'civils', 'civil', 'soldats', 'soldat', 'militaires', 'militaire',
  'ressortissants', 'ressortissant', 'ressortissante', 'travailleurs', 'travailleur', 'employes', 'employe', 'hommes',
  'homme', 'femmes', 'femme', 'enfants', 'enfant', 'villageois', 'expatries', 'expatrie', 'etrangers', 'etranger',
  'ouvriers', 'ouvrier', 'ingenieurs', 'ingenieur', 'policiers', 'policier', 'membres', 'commercants', 'eleveurs',
  'agriculteurs', 'passagers', 'touristes', 'chauffeurs', 'techniciens', 'agents',
  'priest', 'priests', 'nun', 'nuns', 'sisters', 'journalist', 'journalists', 'reporter', 'reporters', 'humanitarians', 'diplomats',
  'diplomat', 'pilots', 'students', 'pupils', 'volunteers', 'geologists', 'researchers', 'refugees', 'fishermen',
  'travellers', 'travelers', 'worshippers', 'businessman', 'businessmen', 'truckers', 'labourers', 'laborers', 'labourer',
  'laborer', 'electricians', 'pretre', 'pretres', 'religieuse',
  'religieuses', 'journaliste', 'journalistes', 'humanitaires', 'diplomates', 'eleves', 'etudiants', 'benevoles',
  'geologues', 'chercheurs', 'refugies', 'pecheurs', 'voyageurs', 'fideles', 'camionneurs', 'transporteurs', 'orpailleurs',
  'humanitaire', 'humanitarian',
  'family', 'families', 'famille', 'familles', 'surgeon', 'surgeons', 'chirurgien', 'medecin', 'medecins',
  'peacekeepers', 'peacekeeper', 'casques', 'berets', 'marines', 'servicemembers',
  // Burkina Faso's civilian auxiliaries and central Mali's hunters' militias: "quatre VDP tués".
  'vdp', 'volontaires', 'suppletifs', 'dozos',
  // One person of a trade: "an Australian doctor held captive", "un religieux italien enlevé".
  'doctor', 'nurse', 'sister', 'teacher', 'pilot', 'student', 'volunteer', 'researcher', 'geologist', 'trader', 'farmer', 'herder',
  'contractor', 'technician', 'electrician', 'businesswoman', 'infirmier', 'infirmiere', 'infirmiers', 'enseignant',
  'enseignante', 'enseignants', 'pilote', 'pilotes', 'etudiant', 'etudiante', 'chercheur', 'chercheuse', 'commercant',
  'chauffeur', 'technicien', 'religieux', 'missionnaire', 'missionnaires', 'cooperant', 'cooperants', 'benevole', 'geologue',
]);
const HOSTAGE_NOUNS = new Set(['hostages', 'hostage', 'captives', 'otages', 'otage']);
const COMBATANTS = new Set([
  'militants', 'militant', 'jihadists', 'jihadist', 'djihadistes', 'jihadistes', 'djihadiste', 'jihadiste', 'terrorists',
  'terrorist', 'terroristes', 'terroriste', 'assailants', 'assailant', 'assaillants', 'assaillant', 'attackers', 'fighters',
  'insurgents', 'gunmen', 'rebels', 'rebelles', 'combattants', 'extremists', 'kidnappers', 'ravisseurs', 'bandits',
]);
const MODIFIERS = new Set([
  'foreign', 'local', 'other', 'more', 'young', 'innocent', 'unarmed', 'senior', 'additional', 'further', 'autres',
  'jeunes', 'innocents', 'expatriate',
]);
const PARTITIVE = new Set(['of', 'de', 'd', 'des']);
const PARTITIVE_DETERMINERS = new Set(['the', 'our', 'its', 'their', 'these', 'those', 'his', 'nos', 'ses', 'leurs', 'ces']);
const FIGURE_BEFORE = new Set(['total', 'number', 'nombre', 'tally']);
const FIGURE_AFTER = new Set(['reside', 'resides', 'residing', 'resident', 'residents', 'live', 'lives', 'living', 'vivent', 'residant', 'residants', 'installes']);
/** Words after a bare demonym that show it names people ("five Chinese were", "Indians in Mali"), not a thing. */
const PERSON_FOLLOWERS = new Set([
  'were', 'was', 'have', 'has', 'had', 'are', 'is', 'been', 'being', 'who', 'working', 'employed', 'in', 'at', 'from',
  'ont', 'sont', 'a', 'ete', 'qui', 'travaillant', 'au', 'en', 'dans', 'and', 'et',
  // "trois Égyptiens désormais libres", "two Italians still missing": what befell them comes after the adverb.
  'now', 'still', 'finally', 'desormais', 'toujours', 'enfin', 'finalement',
  // "deux Égyptiens racontent leur calvaire", "two Italians recount": people tell.
  'say', 'tell', 'recount', 'describe', 'speak', 'racontent', 'temoignent', 'disent', 'affirment', 'decrivent',
]);
const ARTICLES = new Set(['the', 'les', 'des']);
const CLAUSE_END = new Set([';', 'while', 'but', 'whereas', 'although', 'mais', 'tandis', 'alors']);

const KILLED = new Set([
  'killed', 'dead', 'died', 'deaths', 'death', 'slain', 'murdered', 'executed', 'massacred', 'perished', 'lives',
  'tue', 'tues', 'tuee', 'tuees', 'morts', 'mort', 'mortes', 'decede', 'decedes', 'assassines', 'executes', 'peri', 'assassinated',
  'assassine', 'assassinee', 'assassinees', 'executee', 'executees',
  'perissent',
]);
const INJURED = new Set(['injured', 'wounded', 'hurt', 'injuries', 'blesse', 'blesses', 'blessee', 'blessees', 'blessures']);
const RELEASED = new Set([
  'released', 'freed', 'liberated', 'rescued', 'libere', 'liberes', 'liberee', 'liberees', 'relache', 'relaches',
  'relachee', 'relachees', 'delivres', 'libre', 'libres',
]);
const MISSING = new Set(['missing', 'unaccounted', 'disparu', 'disparus', 'disparue', 'disparues']);
const HOSTAGE_STEMS = ['kidnap', 'abduct', 'hostage', 'enlev', 'otage', 'sequestr', 'captiv'];

/** Words that say what happened to people: `roleOf` is asked only of them. */
const ROLE_WORDS = vocabularyWhere((word) => roleOf(word) !== undefined);

function roleOf(word: string): VictimRole | undefined {
  if (KILLED.has(word)) return 'killed';
  if (INJURED.has(word)) return 'injured';
  if (RELEASED.has(word)) return 'released';
  if (MISSING.has(word)) return 'missing';
  if (word === 'rapt' || (word.length > 4 && hasStem(word, HOSTAGE_STEMS) && !word.startsWith('kidnapper'))) return 'hostage';
  return undefined;
}

interface Group {
  readonly count: number | null;
  readonly nationality: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly hostageNoun: boolean;
  /** What a toll says of a bare count ("the death toll rose to 24"), which no word beside it says. */
  readonly role?: VictimRole;
}

export function extractVictims(doc: Document, background: BackgroundTest = isBackgroundSentence): VictimFact[] {
  const facts: VictimFact[] = [];
  for (const tokens of documentTokens(doc)) {
    const found = withNamedSubjects(tokens, withFreedInHeadline(tokens, sentenceVictims(tokens, background)), background);
    if (found.length === 0) continue;
    const seen = new Set<string>();
    for (const fact of found) {
      const key = `${fact.count}|${fact.nationality ?? ''}|${fact.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push(fact);
    }
  }
  return facts;
}

const NONE: readonly VictimFact[] = [];

function sentenceVictims(tokens: Tokens, background: BackgroundTest): readonly VictimFact[] {
  if (!sentenceHas(tokens, GROUP_VOCABULARY | DIGITS)) return NONE;
  const { sentence, words } = tokens;
  const facts: VictimFact[] = [];
  let isBackground: boolean | undefined;
  let i = 0;
  const flags = wordFlags(tokens);
  // The people an opening clause of contrast counts are another event's (see opensWithContrast).
  const besideUntil = opensWithContrast(sentence.folded) ? words.indexOf(',') : -1;
  let previous: VictimRole | undefined;
  while (i < words.length) {
    const group = ((flags[i] as number) & (GROUP_VOCABULARY | DIGITS)) !== 0 ? (groupAt(words, i) ?? namedNational(tokens, i)) : undefined;
    if (!group) {
      i += 1;
      continue;
    }
    i = group.end;
    if (isFigure(words, group) || AGENT.has(words[group.start - 1] as string)) continue;
    const role =
      group.role ?? roleAfter(words, flags, group.end) ?? roleBefore(words, flags, group.start) ?? (group.hostageNoun ? 'hostage' : undefined) ?? amongThem(words, group.start, previous) ?? openingRole(words, group.start);
    if (!role) continue;
    previous = role;
    isBackground ??= background(sentence);
    const evidence = { sentence: sentence.index, text: sentence.text };
    const recalled = isBackground || group.start < besideUntil;
    const fact: VictimFact =
      group.nationality === undefined
        ? { count: group.count, role, background: recalled, evidence }
        : { count: group.count, role, background: recalled, evidence, nationality: group.nationality };
    const names = titleCased(tokens) ? undefined : namesOfGroup(tokens, group);
    facts.push(names === undefined ? fact : { ...fact, names });
  }
  return facts;
}

/** "Abducted from his home by three armed men", "enlevé par trois hommes armés": the people after these did it. */
const AGENT = new Set(['by', 'par']);

/**
 * "Trois membres d'une famille italienne", "members of an Italian family": the one family is who the
 * people before it are, not one more person; its nationality is theirs. Returns where it ends.
 */
function familyAfter(words: readonly string[], k: number): { end: number; nationality?: string } | undefined {
  if (!OF.has(words[k] as string) || !ONE.has(words[k + 1] as string)) return undefined;
  const demonym = NATIONALITIES.matchAt(words, k + 2);
  const noun = demonym === undefined ? k + 2 : demonym.end;
  if (!FAMILY.has(words[noun] as string)) return undefined;
  const after = demonym === undefined ? nationalityAt(words, noun + 1) : undefined;
  const nationality = demonym?.values[0] ?? after?.nationality;
  const end = after?.end ?? noun + 1;
  return nationality === undefined ? { end } : { end, nationality };
}

const OF = new Set(['of', 'de', 'd']);
const ONE = new Set(['a', 'an', 'un', 'une']);
const FAMILY = new Set(['family', 'famille', 'household', 'foyer']);

/** A group of people starting at token i: "three Indian nationals", "une dizaine de soldats", "Indian workers". */
function groupAt(words: readonly string[], i: number): Group | undefined {
  const word = words[i] as string;
  if (!mayStartGroup(word) || namesYear(words, i)) return undefined;
  const article = word === 'a' || word === 'an' || (SINGULAR_ARTICLES.has(word) && isPersonNoun(words[i + 1] ?? ''));
  const number = article ? { value: 1, end: i + 1 } : parseNumberAt(words, i);
  let k = number ? number.end : i;
  if (number && PARTITIVE.has(words[k] ?? '')) {
    k += 1;
    if (PARTITIVE_DETERMINERS.has(words[k] ?? '')) k += 1;
  }
  while (number && MODIFIERS.has(words[k] ?? '')) k += 1;
  let nationality: string | undefined;
  const demonym = NATIONALITIES.matchAt(words, k);
  if (demonym) {
    nationality = demonym.values[0];
    k = demonym.end;
  }
  if (!number && !nationality) return undefined;
  k = compoundNoun(words, k);
  const noun = words[k];
  let hostageNoun = false;
  if (noun !== undefined && COMBATANTS.has(noun)) return undefined;
  if (noun !== undefined && (PEOPLE.has(noun) || HOSTAGE_NOUNS.has(noun))) {
    hostageNoun = HOSTAGE_NOUNS.has(noun);
    k += 1;
    // "ressortissants indiens", "citizens of the United Arab Emirates"
    const after = nationality === undefined ? (nationalityAt(words, k) ?? countryOfAt(words, k)) : undefined;
    if (after) {
      nationality = after.nationality;
      k = after.end;
    }
    const family = familyAfter(words, k);
    if (family) {
      nationality ??= family.nationality;
      k = family.end;
    }
  } else if (!demonym && number && !article && !isYear(word)) {
    // "Attack leaves 24 dead", "au moins 24 morts", "the death toll rose to 24": a toll without a noun.
    if (noun !== undefined && TOLL_ROLES.has(noun)) return { count: number.value, nationality, start: i, end: k, hostageNoun };
    return tollBefore(words, i) ? { count: number.value, nationality, start: i, end: k, hostageNoun, role: 'killed' } : undefined;
  } else if (!demonym || !(standsForPeople(words, demonym.end - 1, number !== undefined) || sharesNoun(words, k))) {
    return undefined;
  }
  // A headline drops its articles: "French citizen kidnapped in western Mali" is one Frenchman. Not
  // "their Nigerien driver", one of several people the sentence counts otherwise.
  const opens = i === 0 || words[i - 1] === ':';
  const one = !number && opens && demonym !== undefined && noun !== undefined && k === demonym.end + 1 && ONE_PERSON_NOUNS.has(noun);
  return { count: number ? number.value : one ? 1 : null, nationality, start: i, end: k, hostageNoun };
}

/** Nouns for one person: a headline's demonym before one of them, without an article, is one person ("French citizen"). */
const ONE_PERSON_NOUNS = new Set([
  'citizen', 'national', 'soldier', 'civilian', 'worker', 'employee', 'engineer', 'expatriate', 'foreigner', 'man', 'woman', 'child',
  'policeman', 'officer', 'gendarme', 'driver', 'tourist', 'missionary', 'priest', 'nun', 'journalist', 'reporter', 'diplomat',
  'doctor', 'nurse', 'sister', 'teacher', 'pilot', 'student', 'volunteer', 'researcher', 'geologist', 'trader', 'contractor', 'technician',
  'businessman', 'businesswoman', 'hostage', 'peacekeeper', 'surgeon',
]);

/** Titles that make the name after a demonym an office-holder's, who speaks rather than suffers: "the French President Emmanuel Macron". */
const TITLES = new Set([
  'president', 'minister', 'prime', 'foreign', 'defence', 'defense', 'general', 'colonel', 'captain', 'ambassador', 'secretary', 'senator',
  'ministre', 'premier', 'ambassadeur', 'capitaine', 'chef', 'porte',
]);

/** A demonym after a singular article and before a person's name stands for that person. */
function namedNational(tokens: Tokens, i: number): Group | undefined {
  if (!ONE_PERSON_ARTICLES.has(tokens.words[i - 1] as string)) return undefined;
  const demonym = nationalityAt(tokens.words, i);
  if (demonym === undefined || TITLES.has(tokens.words[demonym.end] as string) || personNameAt(tokens, demonym.end) === undefined) return undefined;
  return { count: 1, nationality: demonym.nationality, start: i, end: demonym.end, hostageNoun: false };
}

/** "Canadian and Italian tourists", "des ouvriers chinois et indiens": a demonym that shares the next one's noun for people. */
function sharesNoun(words: readonly string[], k: number): boolean {
  if (!LIST_GLUE.has(words[k] ?? '') || words[k] === ',') return false;
  const next = nationalityAt(words, k + 1);
  return next !== undefined && PEOPLE.has(words[compoundNoun(words, next.end)] ?? '');
}

const isYear = (word: string): boolean => /^(?:19|20)\d\d$/.test(word);

/** Words before a year that make it one: "enlevée le 24 décembre 2016 par des hommes armés", "since 2016". */
const YEAR_BEFORE = new Set([...MONTH_WORDS, 'in', 'since', 'of', 'en', 'depuis', 'de', 'fin', 'debut', 'late', 'early', 'mid']);

function namesYear(words: readonly string[], i: number): boolean {
  return isYear(words[i] as string) && YEAR_BEFORE.has(words[i - 1] as string);
}

/** What a bare count may be of: the dead, the wounded, the missing ("24 dead", "12 blessés"), not an event ("un enlèvement"). */
const TOLL_ROLES = new Set([
  'dead', 'killed', 'died', 'deaths', 'morts', 'tues', 'tuees', 'deces', 'injured', 'wounded', 'blesses', 'blessees',
  'missing', 'disparus',
]);

/** Words of a toll before the count it rose or fell to ("the death toll rose to 24", "le bilan passe à 89"). */
const TOLL_WORDS = new Set(['toll', 'bilan']);
const TOLL_SPAN = 12;

function tollBefore(words: readonly string[], i: number): boolean {
  const previous = words[i - 1];
  if (previous !== 'to' && previous !== 'a' && previous !== 'at') return false;
  for (let k = i - 2; k >= Math.max(0, i - TOLL_SPAN); k -= 1) {
    const word = words[k] as string;
    if (isMark(word)) return false;
    if (TOLL_WORDS.has(word)) return true;
  }
  return false;
}

/** The names a group gives: one person's full name, or as many names as a count says ("two Italians, Nicola Chiacchio and Pier Luigi Maccalli"). */
function namesOfGroup(tokens: Tokens, group: Group): readonly string[] | undefined {
  if (group.count !== null && group.count > 1) return personNamesAt(tokens, group.end, group.count);
  const name = personNameAt(tokens, group.end) ?? personNameBefore(tokens, group.start);
  return name === undefined ? undefined : [name];
}

/** Words that free the person a headline names after them: "Libération de Sophie Pétronin", "Mali frees Soumaïla Cissé". */
const FREEING = new Set(['liberation', 'release', 'frees', 'freed', 'released', 'libere', 'liberee', 'liberent', 'relache', 'relachee']);
/** Words that free the person a headline names before them: "Olivier Dubois libéré", "Sophie Pétronin : enfin libre". */
const FREED = new Set([...RELEASED, 'libre', 'free']);
/** Words that may say who a freed person is between the word that frees and the name. */
const TITLE_WORDS = 3;
/** Words between a name and FREED: "Sophie Pétronin : enfin libre", "Jeffery Woodke is free". */
const FREED_LINK = new Set([':', ',', 'est', 'enfin', 'is', 'now', 'finally', 'a', 'ete']);

/**
 * A headline that names a hostage freed by name alone ("Libération de Sophie Pétronin") gives that
 * person, whom a story of the kidnapping may have named, when it counts no group of people to name.
 */
function withFreedInHeadline(tokens: Tokens, found: readonly VictimFact[]): readonly VictimFact[] {
  if (tokens.sentence.index !== 0 || found.some((f) => f.names !== undefined) || titleCased(tokens)) return found;
  const name = freedName(tokens);
  if (name === undefined) return found;
  const evidence = { sentence: 0, text: tokens.sentence.text };
  return [...found, { count: 1, role: 'released', background: false, evidence, names: [name] }];
}

function freedName(tokens: Tokens): string | undefined {
  const { words } = tokens;
  for (let k = 0; k < words.length; k += 1) {
    const word = words[k] as string;
    if (FREEING.has(word)) {
      // "Mali frees opposition leader Soumaïla Cissé": a few words may say who the person is.
      let from = PARTITIVE.has(words[k + 1] as string) ? k + 2 : k + 1;
      // "released by Al Qaeda": who freed them, not whom.
      while (from < words.length && from - k <= TITLE_WORDS && !isMark(words[from] as string) && !AGENT.has(words[from] as string) && !isCapitalised(tokens, from)) from += 1;
      if (AGENT.has(words[from] as string)) continue;
      const name = nameFrom(tokens, from);
      if (name !== undefined) return name;
    }
    if (FREED.has(word)) {
      let end = k;
      while (end > 0 && FREED_LINK.has(words[end - 1] as string)) end -= 1;
      const name = nameBefore(tokens, end);
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

/**
 * People named as the subject of what befell them, with no group word to count them: "Journalist
 * Hamadoun Nialibouly was abducted", "Ghislaine Dupont, 57 ans, et Claude Verlon, 55 ans, journalistes
 * à RFI, ont été tués", "Soumaïla Cissé enlevé". Not when a group of the sentence names them already.
 */
function withNamedSubjects(tokens: Tokens, found: readonly VictimFact[], background: BackgroundTest): readonly VictimFact[] {
  const { words } = tokens;
  // Most sentences tell of nobody taken, killed or freed: one look at the sentence's vocabularies settles them.
  if (!sentenceHas(tokens, ROLE_WORDS) || titleCased(tokens) || namesYearAlone(words)) return found;
  const known = new Set(found.flatMap((f) => f.names ?? []));
  const out = [...found];
  for (let i = 0; i < words.length; i += 1) {
    if (!isNameWord(tokens, i) || (i > 0 && isNameWord(tokens, i - 1))) continue;
    const before = words[i - 1] as string;
    const list = NOT_BEFORE_SUBJECT.has(before) || TITLES.has(before) ? undefined : nameList(tokens, i);
    if (list === undefined) continue;
    i = list.end - 1;
    const role = passiveRoleAt(words, list.end, tokens.sentence.index === 0);
    if (role === undefined || list.names.some((n) => known.has(n))) continue;
    // "American missionary pilot Kevin Rideout was abducted", "three Indians, A and B, were kidnapped": a group counted them already.
    const counted = out.findIndex((f) => f.names === undefined && f.role === role && (f.count === null || f.count >= list.names.length));
    if (counted >= 0) {
      out[counted] = { ...(out[counted] as VictimFact), names: list.names };
      continue;
    }
    const evidence = { sentence: tokens.sentence.index, text: tokens.sentence.text };
    out.push({ count: list.names.length, role, background: background(tokens.sentence), evidence, names: list.names });
  }
  return out;
}

/**
 * Words before capitals that make them no person who is the subject: what a phrase is about ("les
 * proches d'Hamadoun Nialibouly, enlevé"), or a thing with an article ("the United Arab Emirates").
 */
const NOT_BEFORE_SUBJECT = new Set([
  'of', 'de', 'd', 'du', 'des', 'by', 'par', 'for', 'pour', 'with', 'avec', 'to', 'au', 'aux', 'from', 'about', 'sur',
  'the', 'a', 'an', 'le', 'la', 'les', 'l', 'un', 'une',
]);

const YEAR_ALONE_BEFORE = new Set(['in', 'en', 'since', 'depuis', 'fin', 'debut', 'late', 'early', 'mid']);

/**
 * A year alone ("enlevé en 2020", "En 2023 et 2024, ... dont Olivier Dubois") looks back: the people a
 * sentence names beside it are those of past events, which a story lists by name.
 */
function namesYearAlone(words: readonly string[]): boolean {
  for (let k = 1; k < words.length; k += 1) {
    if (isYear(words[k] as string) && YEAR_ALONE_BEFORE.has(words[k - 1] as string)) return true;
  }
  return false;
}

/**
 * Full names listed with "and" or commas, each maybe followed by appositions between commas, from
 * `start` (past a title or a noun for people written before it: "Journalist Hamadoun Nialibouly").
 * `end` is where what is said of them starts.
 */
function nameList(tokens: Tokens, start: number): { names: string[]; end: number } | undefined {
  const { words } = tokens;
  const names: string[] = [];
  let k = start;
  while (isPersonNoun(words[k] as string) || TITLES.has(words[k] as string) || HONORIFICS.has(words[k] as string)) k += 1;
  for (;;) {
    const end = nameEnd(tokens, k);
    if (end - k < 2) return names.length === 0 ? undefined : { names, end: k };
    names.push(nameText(tokens, k, end));
    k = appositionsEnd(tokens, end);
    if (words[k] === ',' && LIST_AND.has(words[k + 1] as string)) k += 1;
    const glued = words[k] === ',' || LIST_AND.has(words[k] as string);
    if (!glued || !isNameWord(tokens, k + 1)) return { names, end: words[k] === ',' ? k + 1 : k };
    k += 1;
  }
}

/** "was", "a été", "have been": what comes before a participle of what befell the subject. */
const PASSIVE = new PhraseIndex<true>([
  ...['was', 'were', 'has been', 'have been', 'had been', 'is', 'are', 'a ete', 'ont ete', 'avait ete', 'avaient ete', 'aurait ete', 'auraient ete', 'est', 'sont'].map(
    (phrase): [string, true] => [phrase, true],
  ),
]);

/** The role a participle right after the subject gives, after a passive auxiliary, or alone in a headline ("Soumaïla Cissé enlevé"). */
function passiveRoleAt(words: readonly string[], k: number, headline: boolean): VictimRole | undefined {
  const auxiliary = PASSIVE.matchAt(words, k);
  if (auxiliary === undefined && !headline) return undefined;
  return roleOf(words[auxiliary?.end ?? k] ?? '');
}

/** Words that may qualify a noun for people ("truck drivers", "aid workers", "gold mine workers"). */
const QUALIFIER_SPAN = 2;
/** "a 66-year-old woman" gives an age, not a count. */
const AGE_WORDS = new Set(['year', 'years', 'old', 'ans', 'aged', 'age', 'month', 'months', 'mois']);

/**
 * The person noun a compound ends on ("truck drivers", "construction workers"), at most QUALIFIER_SPAN
 * words on, else `k` itself.
 */
function compoundNoun(words: readonly string[], k: number): number {
  if (PEOPLE.has(words[k] ?? '') || HOSTAGE_NOUNS.has(words[k] ?? '')) return k;
  for (let j = k; j < Math.min(words.length, k + QUALIFIER_SPAN); j += 1) {
    const word = words[j] as string;
    if (isMark(word) || COMBATANTS.has(word) || AGE_WORDS.has(word) || roleOf(word) !== undefined || PERSON_FOLLOWERS.has(word) || !/^[a-z]+$/.test(word)) return k;
    if (PEOPLE.has(words[j + 1] ?? '')) return j + 1;
  }
  return k;
}

/**
 * A demonym without a noun names people after a role word or an article, or before a verb or a place
 * ("the abducted Indians", "Three Indians kidnapped", "five Chinese were"); without a number only a
 * plural that cannot be a French adjective counts (not "le gouvernement chinois").
 */
function standsForPeople(words: readonly string[], index: number, counted: boolean): boolean {
  const word = words[index] as string;
  if (!counted && (!word.endsWith('s') || word.endsWith('ois') || word.endsWith('ais'))) return false;
  const previous = words[index - 1];
  if (!counted && previous !== undefined && (ARTICLES.has(previous) || roleOf(previous) !== undefined)) return true;
  const next = words[index + 1];
  return next === undefined || isMark(next) || PERSON_FOLLOWERS.has(next) || roleOf(next) !== undefined;
}

/**
 * A count of people that sums up a period ("eight Indians abducted this year", "au total") is a
 * figure, not the victims of one event.
 */
function isFigure(words: readonly string[], group: Group): boolean {
  for (let k = group.start - 1; k >= Math.max(0, group.start - 8); k -= 1) {
    const word = words[k] as string;
    if (word === ';') break;
    if (FIGURE_BEFORE.has(word)) return true;
  }
  for (let k = group.end; k < Math.min(words.length, group.end + 4); k += 1) {
    if (FIGURE_AFTER.has(words[k] as string)) return true;
  }
  return tallyAfter(words, group.end);
}

/** Phrases of a running total, folded word by word. */
const TALLIES: readonly (readonly string[])[] = [
  ['this', 'year'], ['so', 'far'], ['in', 'total'], ['to', 'date'], ['since', 'the', 'start', 'of', 'the', 'year'],
  ['since', 'january'], ['au', 'total'], ['cette', 'annee'], ['depuis', 'le', 'debut', 'de', 'l', 'annee'], ['depuis', 'janvier'],
  ['jusqu', 'ici'], ['a', 'ce', 'jour'],
];
const TALLY_WINDOW = 8;
/** The tallies by their first word: one lookup per word of the window. */
const TALLIES_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const phrase of TALLIES) {
  const first = phrase[0] as string;
  TALLIES_BY_FIRST.set(first, [...(TALLIES_BY_FIRST.get(first) ?? []), phrase]);
}

function tallyAfter(words: readonly string[], from: number): boolean {
  for (let k = from; k < Math.min(words.length, from + TALLY_WINDOW); k += 1) {
    const word = words[k] as string;
    if (isMark(word) || CLAUSE_END.has(word)) return false;
    const phrases = TALLIES_BY_FIRST.get(word);
    if (phrases) for (const phrase of phrases) if (startsWithAt(words, k, phrase)) return true;
  }
  return false;
}

/**
 * The role word after a group, within its clause and before the next counted group, unless that group
 * only continues a list ("two Emiratis and an Iranian were kidnapped"); `flags` are the words' vocabularies.
 */
function roleAfter(words: readonly string[], flags: readonly number[], from: number): VictimRole | undefined {
  let listed = true;
  const limit = Math.min(words.length, from + 20);
  for (let k = from; k < limit; k += 1) {
    const word = words[k] as string;
    const bits = flags[k] as number;
    if (CLAUSE_END.has(word)) return undefined;
    const next = (bits & (GROUP_VOCABULARY | DIGITS)) !== 0 ? countedGroupAt(words, k) : undefined;
    if (next !== undefined) {
      if (!listed) return undefined;
      k = next.end - 1;
      continue;
    }
    if ((bits & ROLE_WORDS) !== 0) return doneBy(words, k) ? undefined : roleOf(word);
    listed &&= LIST_GLUE.has(word);
  }
  return undefined;
}

const LIST_GLUE = new Set([',', 'and', 'et']);

/**
 * "les forces françaises ont libéré cinq humanitaires": a French participle after "avoir" is done by
 * the people before it, not to them ("ont été libérés" is). Not a verb that takes no object ("ont disparu").
 */
function doneBy(words: readonly string[], k: number): boolean {
  return HAVE.has(words[k - 1] as string) && !UNDERGONE.has(words[k] as string);
}

const HAVE = new Set(['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient']);
const UNDERGONE = new Set([...MISSING, 'mort', 'morts', 'morte', 'mortes', 'decede', 'decedes', 'peri', 'perissent']);

function countedGroupAt(words: readonly string[], k: number): Group | undefined {
  const group = groupAt(words, k);
  return group !== undefined && group.count !== null ? group : undefined;
}

function roleBefore(words: readonly string[], flags: readonly number[], start: number): VictimRole | undefined {
  for (let k = start - 1; k >= Math.max(0, start - 5); k -= 1) {
    const word = words[k] as string;
    if (isMark(word)) return undefined;
    if (((flags[k] as number) & ROLE_WORDS) !== 0) return roleOf(word);
    const verb = PRESENT_VERBS.get(word);
    if (verb !== undefined) return verb;
  }
  return undefined;
}

/**
 * "Libérés après 39 jours de captivité, deux Égyptiens racontent", "Freed after months, two Italians
 * speak": a participle that opens the sentence (or a headline after its colon) tells what befell the
 * people right after its first comma.
 */
function openingRole(words: readonly string[], start: number): VictimRole | undefined {
  const comma = words.indexOf(',');
  if (comma < 1 || (start !== comma + 1 && !(start === comma + 2 && ARTICLES.has(words[comma + 1] as string)))) return undefined;
  // A headline's "Mali :" opens nothing.
  return roleOf(words[words.lastIndexOf(':', comma) + 1] as string);
}

/** Words that make the people after them some of those just counted: "six hostages, including the Frenchwoman Sophie Pétronin". */
const AMONG = new Set(['including', 'among', 'dont', 'parmi', 'notamment']);

/** The plight of the group just counted, for people the sentence names as among them. */
function amongThem(words: readonly string[], start: number, previous: VictimRole | undefined): VictimRole | undefined {
  if (previous === undefined) return undefined;
  const before = ONE_PERSON_ARTICLES.has(words[start - 1] as string) || ARTICLES.has(words[start - 1] as string) ? start - 2 : start - 1;
  return AMONG.has(words[before] as string) ? previous : undefined;
}

/**
 * Headlines kill and free in the present ("Militants kill 54 soldiers", "JNIM frees five workers"):
 * the verb says what became of the people after it. Not after a group, which would do it
 * ("hostages they threaten to kill").
 */
const PRESENT_VERBS = new Map<string, VictimRole>([
  ...['kill', 'kills', 'killing', 'tuent', 'tuant'].map((w): [string, VictimRole] => [w, 'killed']),
  // Not "release" or "free": "the safe release of the abducted nationals" are still held.
  ...['frees', 'liberent', 'relachent'].map((w): [string, VictimRole] => [w, 'released']),
]);
