import type { Sentence } from '../model.js';
import { MONTH_WORDS } from '../text/date-expressions.js';
import { foldedWords } from '../text/regex.js';
import type { Tokens } from './tokens.js';
import { leadingWords, WordPattern } from './word-patterns.js';

/**
 * Phrases by which news recalls earlier events rather than reporting the current one, matched on
 * folded text. A bare "earlier" is not among them: "Earlier, the military said ..." is the same day.
 */
const RECALL_CUES: readonly string[] = [
  // English
  String.raw`earlier (?:attacks?|incidents?|kidnappings?|abductions?|raids?|assaults?|killings?|cases?)`,
  // "updating a previous death toll of 17": an earlier count of the same event, not an earlier event.
  String.raw`previous(?:ly)?(?! day| (?:death )?(?:tolls?|counts?|estimates?|figures?|assessments?))`,
  String.raw`prior (?:attacks?|incidents?|kidnappings?|abductions?|to this)`,
  String.raw`in recent (?:years|months)`,
  String.raw`(?:in|over) the (?:past|last) (?:few |several |two |three |five |ten )?(?:years|months|decades?)`,
  // "held hostage since 2011" is how long the captivity the story tells of has lasted, and "the deadliest
  // attack since 2015" measures it against the years: neither tells of an earlier event.
  // Nor does "who lived in Abalak since 1992": how long someone lived or worked there.
  String.raw`since(?<!\b(?:held|hostage|hostages|captive|captivity|detained|kidnapped|abducted|deadliest|worst|bloodiest|biggest|largest|heaviest|lived|living|lives|worked|working|works|based|resident)\b[^.;]{0,60}since) (?:19|20)\d{2}`,
  String.raw`(?:formed|founded|created|established|emerged) in (?:19|20)\d{2}`,
  String.raw`the formation of`,
  String.raw`had then`,
  String.raw`a history of`,
  String.raw`(?:the )?(?:latest|last) in a (?:series|string) of`,
  String.raw`(?:a )?similar (?:incidents?|attacks?|kidnappings?|abductions?|cases?) (?:took place|occurred|happened)`,
  String.raw`in a similar (?:incident|attack|kidnapping|abduction|case)`,
  String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|several|a few|many) years ago`,
  String.raw`(?:it is worth recalling|recall that)`,
  String.raw`(?:referring|in reference) to`,
  String.raw`had been (?:\w+ )?(?:killed|attacked|massacred)`,
  // French
  String.raw`deja`,
  // "Une attaque sans précédent" is unprecedented, not an earlier one.
  String.raw`precedent(?<!sans precedent)e?s?(?! bilans?| estimations?| chiffres?)`,
  // "plus de morts que précédemment annoncé": a revised toll, not an earlier event.
  String.raw`precedemment(?! (?:annoncee?s?|indiquee?s?|rapportee?s?|avancee?s?|communiquee?s?|evoquee?s?))`,
  String.raw`auparavant`,
  String.raw`par le passe`,
  String.raw`plus tot (?:cette annee|ce mois|dans l'annee)`,
  String.raw`(?:ces|au cours des) dernieres annees`,
  String.raw`depuis(?<!\b(?:otages?|captivite|detenue?s?|retenue?s?|enlevee?s?|sequestree?s?|plus meurtriere?s?|plus sanglante?s?|pire|vivait|vit|vivent|habitait|habite|travaillait|travaille|installee?s?|basee?s?)\b[^.;]{0,60}depuis) (?:19|20)\d{2}`,
  String.raw`(?:cree|creee|fonde|fondee|forme|formee|ne|nee) en (?:19|20)\d{2}`,
  String.raw`pour rappel`,
  String.raw`(?:faisant|en) reference a`,
  String.raw`rappel(?:ons|le-t-on|ons-le) que`,
  String.raw`il convient de rappeler`,
  String.raw`on se (?:rappelle|souvient)`,
  String.raw`il y a (?:environ |plus de |pres de |quelque )?(?:\w+|\d+) ans`,
  String.raw`(?:un|une) (?:incident|attaque|enlevement|rapt|cas) similaire`,
  String.raw`(?:avait|avaient) (?:deja|alors)`,
  // "Quarante soldats avaient été tués dans deux assauts le 30 septembre": the pluperfect of deaths tells of before.
  String.raw`(?:avait|avaient) ete (?:\w+ )?(?:tues?|tuees?|attaquee?s?|massacres?|massacrees?)`,
];

/** Cues that only say when ("last year", "le mois dernier"): see followsUp. */
const WHEN_CUES: readonly string[] = [
  String.raw`earlier (?:this|in the|last) (?:year|month|week)`,
  String.raw`(?:last|the previous|the past) (?:year|month)`,
  String.raw`l'an (?:dernier|passe)`,
  String.raw`l'annee (?:derniere|passee)`,
  String.raw`le mois (?:dernier|passe)`,
];

const CUES = [...RECALL_CUES, ...WHEN_CUES];

/** A sentence that opens on a year, or a month of one ("In 2019, twin attacks ...", "En août 2020, des militaires ..."), looks back. */
const YEAR_OPENING = String.raw`(?:in|en) (?:(?:${MONTH_WORDS.join('|')}) )?(?:19|20)\d{2},`;

/**
 * A cue inside a clause of contrast, or in a relative clause about a place, sets the scene for the
 * sentence's own news ("Le 8 janvier, alors que le pays avait déjà la tête aux fêtes, les terroristes
 * ont fait irruption"; "killed 37 civilians in central Mali, where ethnic violence cost hundreds of
 * lives last year"; "le village de Binedama, ... qui a connu des dizaines de massacres au cours des
 * dernières années"): it does not make the sentence look back.
 */
const OUTSIDE_ASIDE = String.raw`(?<!\b(?:alors que|tandis que|whereas|where|(?:qui|which|that) (?:a|ont|has|have) (?:connu|subi|vu|seen|suffered|experienced))\b[^,.;]{0,100})`;

const SOURCE = `^${YEAR_OPENING}|${foldedWords(CUES)}${OUTSIDE_ASIDE}`;
const BACKGROUND = new RegExp(SOURCE);
const BACKGROUND_WORDS = new WordPattern(SOURCE, leadingWords([YEAR_OPENING, ...CUES]));

/**
 * True when the sentence recalls earlier events ("earlier this year", "previous", "since 2012", "déjà").
 * Not memoised here: a weak map entry per sentence costs the collector more than the test;
 * extractFacts asks once per sentence through its own memo.
 */
export function isBackgroundSentence(sentence: Sentence): boolean {
  return BACKGROUND.test(sentence.folded);
}

/** The same test, tried only at the words that can start a cue. */
export function recallsPast(tokens: Tokens): boolean {
  return BACKGROUND_WORDS.test(tokens);
}

const MONTH_OPENING = new RegExp(String.raw`^(?:in|en) (${MONTH_WORDS.join('|')}) ((?:19|20)\d{2}),`);
const CUES_ALONE = new RegExp(`${foldedWords(CUES)}${OUTSIDE_ASIDE}`);
/** Months before a text's own date within which the month it opens on may be its news's. */
const OWN_MONTHS = 3;

/**
 * Whether a sentence looks back only by the month it opens on, and that month is a few months before
 * `published`: a report that comes out weeks after what it tells opens on its month ("In March 2025,
 * more than 100 civilians were killed ..., according to a new report" in May).
 */
export function opensOnRecentMonth(sentence: Sentence, published: string): boolean {
  const opening = MONTH_OPENING.exec(sentence.folded);
  if (opening === null || CUES_ALONE.test(sentence.folded)) return false;
  const month = Number(opening[2]) * 12 + (MONTH_WORDS.indexOf(opening[1] ?? '') % 12);
  const own = Number(published.slice(0, 4)) * 12 + Number(published.slice(5, 7)) - 1;
  return own >= month && own - month <= OWN_MONTHS;
}

const RECALLS = new RegExp(`^${YEAR_OPENING}|${foldedWords(RECALL_CUES)}`);
/** What becomes of an earlier event: its hostages freed, a claim of it, a ransom. */
const FOLLOW_UP = new RegExp(
  foldedWords([
    String.raw`freed`, String.raw`released`, String.raw`set free`, String.raw`rescued`, String.raw`claim(?:s|ed)? responsibility`,
    String.raw`ransom`, String.raw`liber(?:e|ee|es|ees)`, String.raw`relache(?:e|s|es)?`, String.raw`revendiqu\w*`, String.raw`rancon`,
  ]),
);

/**
 * Whether a sentence that speaks of the past is a follow-up's news, what became of an earlier event
 * ("A German priest kidnapped in Mali last year has been freed"): its "last year" only dates the event
 * it follows. Asked of the opening sentences, which tell the news; later ones recall.
 */
export function followsUp(sentence: Sentence): boolean {
  return FOLLOW_UP.test(sentence.folded) && !RECALLS.test(sentence.folded);
}

/**
 * "The attack comes six days after a jihadist attack in Dioura", "L'attaque survient après l'enlèvement
 * vendredi d'un humanitaire": after the opening, a sentence that sets
 * the news after another event tells of that earlier event. In the opening the news comes first
 * ("Monday's attack on the camp came a day after the assault on Boulkessi").
 */
const COMES_AFTER = new RegExp(
  foldedWords([
    String.raw`(?:comes|came) (?:(?:\w+ )?(?:days?|weeks?|months?) |just |shortly |soon )?after`,
    String.raw`(?:intervient|survient|intervenait|survenait) (?:(?:\w+ )?(?:jours?|semaines?|mois) |peu |juste )?(?:apres|au lendemain)`,
  ]),
);

export function comesAfterAnother(sentence: Sentence): boolean {
  return COMES_AFTER.test(sentence.folded);
}

/** Where "comes ... after" starts in the sentence, -1 if nowhere: what comes before it ("Today's attack") is the news. */
export function comesAfterAt(sentence: Sentence): number {
  return COMES_AFTER.exec(sentence.folded)?.index ?? -1;
}

/** "Alors que deux Français ont été enlevés jeudi à Hombori, trois touristes ...": a clause that sets another event beside the sentence's own. */
const CONTRAST_OPENING = /^\s*(?:alors que|tandis que|while|whereas)\b/;

/** Whether a folded sentence opens with a clause of contrast: what it tells before its first comma is another event's. */
export function opensWithContrast(folded: string): boolean {
  return CONTRAST_OPENING.test(folded);
}
