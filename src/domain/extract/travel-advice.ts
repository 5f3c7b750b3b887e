import { fold } from '../text/normalize.js';
import type { AdviceStep, Document, EventType, Sentence } from '../model.js';

/**
 * A story whose headline (or first sentence, when the headline tells of no violence) is a
 * government's travel advice is about that advice, whatever risks its text lists ("due to crime,
 * terrorism and kidnapping"): one incident per issuing government and day.
 */
export interface TravelAdvice {
  /** evacuation for "leave now" and ordered departures, advisory for a level or "do not travel". */
  readonly type: Extract<EventType, 'advisory' | 'evacuation'>;
  readonly issuer?: Issuer;
}

export interface Issuer {
  /** Actor id, as in config/actors.json. */
  readonly id: string;
  readonly name: string;
  readonly sentence: Sentence;
}

/** Written against folded text (see text/normalize.ts). */
const LEAVE: readonly RegExp[] = [
  /\b(?:ordered|authori[sz]ed) (?:the )?departures?\b/,
  /\border(?:s|ed)? (?:the )?(?:departure|non-emergency|non-essential)\b/,
  /\bnon-(?:emergency|essential) (?:us |u\.s\. |government )?(?:staff|personnel|employees|diplomats)\b/,
  /\bpull(?:s|ed|ing)? (?:out )?(?:non-essential |non-emergency )?(?:staff|diplomats|personnel)\b/,
  /\b(?:should|must|to) (?:leave|exit) (?:now|immediately|at once|(?:the )?country|mali|burkina|niger)\b/,
  /\bleave ['"]?(?:now|immediately|at once|at the earliest|as soon as possible)\b/,
  /\b(?:urge[sd]?|urging|ask(?:s|ed)?|call(?:s|ed)? on) (?:all |its |their )?(?:\w+ ){0,3}(?:to|should) leave\b/,
  /\bquitter (?:temporairement |immediatement )?(?:le pays|le mali|le burkina|le niger)\b/,
  /\bquitter ['"]?(?:immediatement|sans delai|au plus vite|des que possible)\b/,
  /\bdepart (?:du|de leur|de son|de ses|des) personnel/,
  /\bpersonnel non (?:essentiel|urgent)/,
  /\bressortissants?\b.{0,60}\b(?:quitter|partir)\b/,
  /\b(?:prevoir|organiser|envisager) (?:un |leur )?depart\b/,
  /\bdepart temporaire\b/,
  // A government flying its people out: "Italy to evacuate its citizens", "la France évacue ses ressortissants".
  // Not "refused to repatriate deported nationals": people sent back are not a government's own flown out.
  /\b(?:evacuat|repatriat|evacu|rapatri)\w* (?:(?:its|their|the|all|ses|leurs|les|des)\s+)?(?:(?!deported|expelled|expulses|illegal|irregular|undocumented|clandestins)\w+ )?(?:citizens|nationals|ressortissants|expatriates|expatries)\b/,
  /\b(?:evacuation|repatriation|rapatriement)s? (?:of|des|de leurs|de ses) (?:\w+ )?(?:citizens|nationals|ressortissants|expatriates|expatries)\b/,
  /\b(?:to |should |must )?depart (?:now|immediately|at once|the country|mali|burkina|niger)\b/,
  // A government thinning out its embassy: "the UK reduces the staff in its embassy", "scales back Niger embassy".
  /\b(?:reduc(?:e|es|ed|ing)|scal(?:e|es|ed|ing) back|draw(?:s|ing)? down|drew down) (?:the |its |their )?(?:(?:number of |size of )?(?:staff|personnel|diplomats)|(?:\w+ )?embass(?:y|ies))\b/,
  /\b(?:redui(?:t|sent|re)|reduction (?:de|du)) (?:son |leur |le |du )?(?:personnel|effectifs?)(?: diplomatiques?| de (?:son|leur|l') ambassade)?\b/,
];

/** An embassy's security or demonstration alert, in English or French: written against folded text. */
const SECURITY_ALERT = /\b(?:(?:security|demonstration) (?:alert|message)|alertes? (?:de )?securite|messages? de securite)\b/;

const ADVISE: readonly RegExp[] = [
  /\bdo not travel\b/,
  /\blevel (?:[1-4]|one|two|three|four)\b/,
  /\breconsider travel\b/,
  /\badvis\w* against (?:all )?(?:but essential )?travel\b/,
  /\btravel (?:advi(?:ce|sory|sories)|alerts?|warnings?)\b/,
  /\bdeconseill\w*/,
  /\bconseils aux voyageurs\b/,
  /\bniveau [1-4]\b/,
  // A government that shuts its embassy tells its citizens it can no longer help them there.
  /\b(?:close[sd]?|closing|closure of|shut(?:s|ting)?(?: down)?) (?:its|their|the) embass(?:y|ies)\b/,
  /\bembass(?:y|ies) (?:will be |is |was |has been |remains )?(?:closed|shut)\b/,
  /\b(?:ferme|fermer|fermera|fermeture de) (?:son|leur|l'|les|ses) ambassades?\b/,
  /\bambassades?\b.{0,40}\bfermee?s?\b/,
  // An embassy's security alert to its citizens: "l'ambassade des États-Unis met en garde", "US embassy warns of attack threat".
  /\bembass(?:y|ies)\b.{0,60}\b(?:warns?|warned|warning|alerts?|alerted|advises?|advised|cautions?|cautioned)\b/,
  /\bambassades?\b.{0,60}\b(?:met en garde|mettent en garde|alerte|alertent|informe|avertit|previent)\b/,
  SECURITY_ALERT,
  // Told to shelter: "British nationals in Niger told to stay indoors", "rester chez eux", "limiter leurs déplacements".
  /\b(?:stay|remain|shelter)(?:ing)? (?:indoors|inside|at home|in place)\b/,
  /\b(?:rester|demeurer) (?:chez (?:eux|soi|vous)|a (?:leur )?domicile|confines?|a l'abri)\b/,
  /\blimiter (?:au maximum )?(?:leurs |vos |les |ses )?deplacements\b/,
];

/** The patterns are global: each is searched on from one match to the next (see firstNotFollowing). */
interface IssuerCue {
  readonly id: string;
  readonly name: string;
  /** Matched against folded text. */
  readonly words: RegExp;
  /** Acronyms, matched against the text as written so that "us" the pronoun is not the US. */
  readonly acronyms?: RegExp;
}

const ISSUERS: readonly IssuerCue[] = [
  {
    id: 'us-gov',
    name: 'United States government',
    words: /\b(?:united states|etats-unis|washington|state department|departement d'etat|americans?|americaines?|americains?)\b/g,
    // "U.S." ends on a full stop, after which no word boundary follows.
    acronyms: /\b(?:US|USA)\b|\bU\.S\.(?!\w)/g,
  },
  {
    id: 'uk-gov',
    name: 'United Kingdom government',
    words: /\b(?:united kingdom|britain|british|britons|foreign office|foreign, commonwealth|royaume-uni|londres|london|britanniques?)\b/g,
    acronyms: /\b(?:UK|FCDO)\b/g,
  },
  {
    id: 'fr-gov',
    name: 'French government',
    words: /\b(?:france|french|paris|francaise?s?|quai d'orsay|ministere de l'europe et des affaires etrangeres)\b/g,
  },
  {
    id: 'in-gov',
    name: 'Government of India',
    words: /\b(?:india|indian|inde|new delhi|ministry of external affairs|indiens?)\b/g,
    acronyms: /\bMEA\b/g,
  },
  { id: 'ca-gov', name: 'Government of Canada', words: /\b(?:canada|canadians?|canadiens?|canadiennes?|ottawa|global affairs canada|affaires mondiales canada)\b/g },
  { id: 'au-gov', name: 'Australian government', words: /\b(?:australia|australians?|australie|australiens?|australiennes?|canberra|smartraveller)\b/g, acronyms: /\bDFAT\b/g },
  { id: 'de-gov', name: 'German government', words: /\b(?:germany|germans?|allemagne|allemands?|allemandes?|berlin|auswartiges amt)\b/g },
  { id: 'it-gov', name: 'Italian government', words: /\b(?:italy|italians?|italie|italiens?|italiennes?|farnesina)\b/g },
  { id: 'es-gov', name: 'Spanish government', words: /\b(?:spain|spaniards|espagne|espagnols?|espagnoles?|madrid)\b/g },
  { id: 'be-gov', name: 'Belgian government', words: /\b(?:belgium|belgians?|belgique|belges?|brussels|bruxelles)\b/g },
  { id: 'ch-gov', name: 'Swiss government', words: /\b(?:switzerland|swiss|suisses?|berne|bern)\b/g },
];

/** Government ids that issue travel advice, for comparing the issuers of two advisories. */
export const ISSUER_IDS: ReadonlySet<string> = new Set(ISSUERS.map((i) => i.id));

/**
 * One search for any of the patterns, in place of one search per pattern: the lead of every story is
 * asked. The patterns have no flags and no groups that refer to each other, so their alternation
 * matches exactly where one of them does.
 */
function anyOf(patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((p) => p.source).join('|'));
}

const LEAVING = anyOf(LEAVE);
const ADVISING = anyOf([...LEAVE, ...ADVISE]);

/** Written against folded text. */
const STAFF = /\b(?:staff|personnel|employees|diplomats|diplomates|families|familles|dependents|non-emergency|non-essential|nonessential|departures?)\b/;
const ORDERED = /\b(?:order(?:s|ed)?|direct(?:s|ed)?|pull(?:s|ed)?|require[sd]?|mandatory|ordonn\w*|oblig\w*)\b/;

/** An embassy's message about what is happening now, not a change of its advice. */
const ALERT = anyOf([SECURITY_ALERT, /\bshelter(?:ing)? in place\b/]);

/** Whether the headline, else the first sentence, is an embassy's alert ("Security Alert: U.S. Embassy Ouagadougou"). */
export function isSecurityAlert(doc: Document): boolean {
  return doc.sentences.filter((s) => s.lead).slice(0, 2).some((s) => ALERT.test(s.folded));
}

/** The rung of leaving the headline, else the first sentence, announces; undefined for other advice. */
export function adviceStep(doc: Document): AdviceStep | undefined {
  const lead = doc.sentences.filter((s) => s.lead);
  const told = lead.slice(0, 2).find((s) => LEAVING.test(s.folded));
  if (told === undefined) return undefined;
  if (!STAFF.test(told.folded)) return 'citizens-leave';
  return ORDERED.test(told.folded) ? 'staff-ordered' : 'staff-allowed';
}

/**
 * The travel advice the document is about, if any. `headlineEvent` tells whether the title reports
 * violence of its own: then advice in the lead is a consequence of that event, not the story.
 */
export function travelAdvice(doc: Document, headlineEvent: boolean): TravelAdvice | undefined {
  if (headlineEvent) return undefined;
  const lead = doc.sentences.filter((s) => s.lead);
  const title = lead[0];
  const first = lead[1];
  if (title === undefined) return undefined;
  if (!saysAdvice(title) && !saysAdvice(first)) return undefined;
  const leaving = LEAVING.test(title.folded) || (first !== undefined && LEAVING.test(first.folded));
  const issuer = findIssuer(lead);
  const type = leaving ? 'evacuation' : 'advisory';
  return issuer === undefined ? { type } : { type, issuer };
}

/** Whether a sentence gives a government's advice (a level, "leave now", an ordered departure, a closed embassy). */
export function saysAdvice(sentence: Sentence | undefined): boolean {
  return sentence !== undefined && advises(sentence.folded);
}

/** The same test of folded text. */
export function advises(folded: string): boolean {
  return ADVISING.test(folded);
}

/** The government named first, in the title then in the lead. */
function findIssuer(lead: readonly Sentence[]): Issuer | undefined {
  for (const sentence of lead) {
    let best: { cue: IssuerCue; at: number } | undefined;
    for (const cue of ISSUERS) {
      const at = firstIndex(cue, sentence);
      if (at >= 0 && (best === undefined || at < best.at)) best = { cue, at };
    }
    if (best !== undefined) return { id: best.cue.id, name: best.cue.name, sentence };
  }
  return undefined;
}

function firstIndex(cue: IssuerCue, sentence: Sentence): number {
  const byWord = firstNotFollowing(cue.words, sentence.folded);
  const byAcronym = cue.acronyms === undefined ? -1 : firstNotFollowing(cue.acronyms, sentence.text);
  if (byWord < 0) return byAcronym;
  return byAcronym < 0 ? byWord : Math.min(byWord, byAcronym);
}

/** "Après les États-Unis, l'Australie ...", "Following the US, Britain ...": the government followed is not the one advising. */
const FOLLOWING = /\b(?:apres|after|following|like|comme|a l'instar)\s+(?:(?:les?|la|l'|des?|du|the)\s*)?$/;

/** Where `pattern` (global) first matches in `text` other than after FOLLOWING. */
function firstNotFollowing(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const before = fold(text.slice(Math.max(0, m.index - 24), m.index));
    if (!FOLLOWING.test(before)) return m.index;
  }
  return -1;
}
