import { fold } from './normalize.js';

/**
 * Web page furniture that scrapers and feeds leave in article text. Each rule matches a whole
 * folded, trimmed line; article paragraphs are long, so only short lines are tested against most rules.
 */

/** Lines longer than this are article text, whatever words they contain. */
const MAX_CLUTTER_LENGTH = 200;
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

/** Rules that match the whole line. */
const LINE_RULES: readonly string[] = [
  // Labels that stand alone on their line.
  String.raw`(?:advertisement|advertisements|advert|ad|ads|sponsored(?: content)?|publicite|annonce|trending|editor's picks?|video|videos|photos?|gallery|related(?: news| stories| articles)?|recommended(?: for you)?|top stories|latest news|most read|more stories|share(?: this)?(?: article| story| on)?|partager|comments?|subscribe|newsletter|menu|home|skip to (?:main )?content|scroll to continue(?: with content)?|continue reading|read more|lire la suite|listen(?: to this article)?|loading\.*|advertisement - scroll to continue)\W*`,
  // Share-button rows, with or without their bullets.
  String.raw`(?:[•·*|>-]\s*)?(?:whatsapp|fb|facebook|twitter|x|linkedin|telegram|email|e-mail|mail|copy link|copy|print|reddit|pinterest|koo|messenger|threads|bluesky)`,
  // Link teasers: "Also Read: ...", "Lire aussi : ...".
  String.raw`(?:also (?:read|watch|see)|read (?:also|more)|see also|watch|related|lire aussi|a lire aussi|voir aussi|a voir aussi|sur le meme sujet)\s*:.*`,
  String.raw`(?:with inputs? from|inputs? from)\b.*`,
  String.raw`(?:avec (?:afp|reuters|ap|agences))\W*`,
  // "For the best experience, open <url> on your mobile browser."
  String.raw`for the best experience\b.*`,
  String.raw`on (?:your|the) mobile browser\W*`,
  String.raw`https?://\S+|www\.\S+`,
  String.raw`(?:click|tap) here\b.*`,
  String.raw`(?:subscribe|sign up) (?:to|for) (?:our|the)\b.*`,
  String.raw`\d+\s*min(?:ute)?s? read`,
  // Stray punctuation left by stripped widgets.
  String.raw`[)(\][}{|•·*_=~.,;:'"-]+`,
  // Image captions and credits.
  String.raw`(?:file )?(?:photo|image|picture|representative image|representational image|illustration)(?: credit)?\s*[:|].*`,
  String.raw`(?:©|\(c\)|copyright)\s.*`,
  // Author lines: "By Staff Reporter", "The Wire Staff", "Written by ...".
  String.raw`by (?:[a-z][a-z.'-]*\s+){0,4}[a-z][a-z'-]*`,
  String.raw`(?:[a-z][a-z.'-]*\s+){0,4}(?:staff|staff reporter|staff writer|correspondent|news desk|web desk|bureau)`,
  String.raw`(?:written|reported|edited|compiled) by\b.{0,60}`,
];

/**
 * Rules that make a short line clutter wherever they match in it. Kept apart from the whole-line
 * rules: written as ".*X.*" inside one anchored pattern they would rescan the line once each.
 */
const ANYWHERE_RULES: readonly string[] = [
  // Promotions of the outlet's own channels.
  String.raw`\bis (?:now )?on (?:whatsapp|telegram|google news|instagram|youtube)\b`,
  String.raw`\bfollow (?:us|our (?:channel|page|whatsapp channel))\b`,
  // Image captions and credits.
  String.raw`\bgoogle street view\b`,
  String.raw`\((?:photo|image|picture)s?\s*:.*\)\W*$`,
  String.raw`\b(?:getty images|photo credit|credit photo|screengrab)\b`,
  String.raw`\ball rights reserved\b`,
];

const CLUTTER = new RegExp(`^(?:${LINE_RULES.join('|')})$`);
const CLUTTER_ANYWHERE = new RegExp(ANYWHERE_RULES.join('|'));
/**
 * Template identifiers and alt-text junk ("article_Author", "tlbr_img1 Video tlbr_img2"); tried only
 * on lines with an underscore, as it could otherwise start at every letter.
 */
const TEMPLATE_ID = /(?<![\w/.@-])[a-z]+_[a-z0-9_]+\b(?![/.@]\w)/;

/** True for a trimmed line that is page furniture rather than article text. */
export function isClutterLine(line: string): boolean {
  if (line.length > MAX_CLUTTER_LENGTH) return BARE_URL.test(line);
  const folded = fold(line);
  return CLUTTER.test(folded) || CLUTTER_ANYWHERE.test(folded) || (folded.includes('_') && TEMPLATE_ID.test(folded));
}
