import { z } from 'zod';
import type { Document, Lang, RawInput, Sentence } from '../model.js';
import { err, ok, type Result } from '../shared/result.js';
import { looksBinary } from './binary.js';
import { cleanInline, cleanParagraphs } from './clean.js';
import { datelineAhead, findDateline, rememberSentenceDateline } from './dateline.js';
import { headlineFromSentence, isHeadlineLike, splitGluedHeadline, stripSourceSuffix } from './headline.js';
import { declaredLanguage, detectLanguage } from './language.js';
import { fold, sameForMatch } from './normalize.js';
import { splitSentences } from './sentences.js';

export type DocumentErrorCode = 'empty' | 'binary' | 'unknown_language' | 'too_large';

/** About fifty long articles: more than any real article, little enough to stay fast. */
export const DEFAULT_MAX_CHARS = 200_000;
/** A body this many times over the cap is a dump or an archive, not an article: it is refused, not cut. */
const REFUSE_FACTOR = 50;
/** Body sentences after the title that form the lead. */
const LEAD_SENTENCES = 3;
/** Language is told from the title and the start of the body. */
const LANGUAGE_SAMPLE = 1500;

const optionsSchema = z.object({ maxChars: z.number().int().min(1000).optional() }).strict().optional();
const seenAtSchema = z.iso.datetime({ offset: true });
const ISO_DAY_START = /^\d{4}-\d{2}-\d{2}/;
/** An ISO date or date-time; seconds are optional in ISO 8601, and feeds leave them out ("2019-01-18T00:49+05:30"). */
export const isoPublished = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.datetime({ offset: true, local: true, precision: -1 }), z.iso.date()]);

/** The publication date from metadata as ISO; RSS gives RFC 822 dates ("Thu, 03 Jul 2025 10:00:00 GMT"). */
function metadataDate(published: string | undefined): string | undefined {
  if (published === undefined) return undefined;
  const trimmed = published.trim();
  // Only a string that opens on an ISO day can be ISO: RFC 822 dates skip the schema's failure path.
  if (ISO_DAY_START.test(trimmed) && isoPublished.safeParse(trimmed).success) return trimmed;
  const t = Date.parse(trimmed);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The last seen-at time that passed the check: a batch of inputs shares one clock reading. */
let lastSeenAt: string | undefined;

function checkedSeenAt(seenAt: string): string {
  if (seenAt !== lastSeenAt) lastSeenAt = seenAtSchema.parse(seenAt);
  return seenAt;
}

interface Titled {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

function isDatelineParagraph(paragraph: string, reference: string): boolean {
  return findDateline([paragraph], reference) !== undefined;
}

/** The paragraphs with the one at `i` left out, or replaced. */
function without(paragraphs: readonly string[], i: number, replacement?: string): string[] {
  const kept = paragraphs.slice(0, i);
  if (replacement !== undefined) kept.push(replacement);
  for (let k = i + 1; k < paragraphs.length; k++) kept.push(paragraphs[k] ?? '');
  return kept;
}

/** The headline: the feed's title, else a headline line at the top, else the first sentence cut short. */
function chooseTitle(paragraphs: readonly string[], raw: RawInput, reference: string): Titled | undefined {
  let first = 0;
  while (first < paragraphs.length && isDatelineParagraph(paragraphs[first] ?? '', reference)) first++;
  const head = paragraphs[first];
  const given = raw.title === undefined ? '' : stripSourceSuffix(cleanInline(raw.title), raw.source);
  if (given.length > 0) {
    const repeated = head !== undefined && sameForMatch(head, given);
    return { title: given, paragraphs: repeated ? without(paragraphs, first) : paragraphs };
  }
  if (head === undefined) return undefined;
  if (isHeadlineLike(head)) return { title: head, paragraphs: without(paragraphs, first) };
  const glued = splitGluedHeadline(head, first > 0);
  if (glued !== undefined) return { title: glued[0], paragraphs: without(paragraphs, first, glued[1]) };
  const sentence = splitSentences(head)[0] ?? head;
  const title = headlineFromSentence(sentence);
  // A title cut short keeps its whole sentence in the body; a whole one is not repeated there.
  if (!sameForMatch(title, sentence)) return { title, paragraphs };
  const rest = head.slice(head.indexOf(sentence) + sentence.length).trim();
  return { title, paragraphs: without(paragraphs, first, rest.length > 0 ? rest : undefined) };
}

/** Sentence 0 is the title; the lead is the title and the first body sentences, the dateline excepted. */
function toSentences(title: string, body: readonly string[], datelineIndex: number | undefined): Sentence[] {
  const sentences: Sentence[] = [{ index: 0, text: title, folded: fold(title), lead: true }];
  let leadLeft = LEAD_SENTENCES;
  for (let i = 0; i < body.length; i++) {
    const text = body[i] ?? '';
    const lead = leadLeft > 0 && i !== datelineIndex;
    if (lead) leadLeft--;
    sentences.push({ index: i + 1, text, folded: fold(text), lead });
  }
  return sentences;
}

/** The start of the text, as written and folded, for language detection. */
function languageSample(sentences: readonly Sentence[]): [string, string] {
  const text: string[] = [];
  const folded: string[] = [];
  let length = 0;
  for (const s of sentences) {
    if (length >= LANGUAGE_SAMPLE) break;
    text.push(s.text);
    folded.push(s.folded);
    length += s.text.length + 1;
  }
  return [text.join('\n'), folded.join('\n')];
}

/** A declared English or French is taken as it is, without reading the text for it. */
function documentLanguage(sentences: readonly Sentence[], declared: string | undefined): Result<Lang, 'unknown_language'> {
  const fromTag = declaredLanguage(declared);
  if (fromTag !== undefined) return ok(fromTag);
  const [sample, foldedSample] = languageSample(sentences);
  return detectLanguage(sample, declared, foldedSample);
}

/** When an undated item came out, as far as the stream it came in tells (see RawInput.publishedAfter). */
function publicationBounds(raw: RawInput): Pick<Document, 'publishedAfter' | 'publishedBefore'> {
  return {
    ...(raw.publishedAfter === undefined ? {} : { publishedAfter: raw.publishedAfter.slice(0, 10) }),
    ...(raw.publishedBefore === undefined ? {} : { publishedBefore: raw.publishedBefore.slice(0, 10) }),
  };
}

/**
 * Raw text or HTML to a Document: clean text, title, sentences (0 is the title), language and
 * publication date. Only the first `maxChars` characters (default 200,000) are processed.
 * `seenAt` must be an ISO date-time: it is set by the caller's clock, so a bad one is a bug and throws.
 */
export function buildDocument(raw: RawInput, options?: { maxChars?: number }): Result<Document, DocumentErrorCode> {
  const maxChars = (options === undefined ? undefined : optionsSchema.parse(options)?.maxChars) ?? DEFAULT_MAX_CHARS;
  const seenAt = checkedSeenAt(raw.seenAt);
  const reference = seenAt.slice(0, 10);
  if (raw.body.length > maxChars * REFUSE_FACTOR) {
    return err('too_large', `The body has ${raw.body.length} characters; at most ${maxChars * REFUSE_FACTOR} are accepted.`);
  }
  if (looksBinary(raw.body)) return err('binary', 'The body is binary data, not text.');
  const titled = chooseTitle(cleanParagraphs(raw.body, maxChars), raw, reference);
  if (titled === undefined) return err('empty', 'Nothing but whitespace or page clutter is left after cleaning.');
  const { title, paragraphs } = titled;

  const body = paragraphs.flatMap(splitSentences);
  const ahead = datelineAhead(reference, raw.publishedBefore);
  const dateline = findDateline(body, reference, ahead);
  // A date line of its own is not part of the lead; a wire dateline opens the lead's first sentence.
  const sentences = toSentences(title, body, dateline?.standalone === true ? dateline.index : undefined);
  rememberSentenceDateline(sentences, reference, ahead, dateline === undefined ? undefined : { ...dateline, index: dateline.index + 1 });

  const lang = documentLanguage(sentences, raw.lang);
  if (!lang.ok) return lang;

  const fromMetadata = metadataDate(raw.published);
  const published = fromMetadata ?? dateline?.date ?? seenAt;
  const publishedFrom = fromMetadata !== undefined ? 'metadata' : dateline !== undefined ? 'text' : 'seen';
  const language: Lang = lang.value;
  return ok({
    id: raw.id,
    kind: raw.kind,
    source: raw.source,
    ...(raw.url === undefined ? {} : { url: raw.url }),
    title,
    text: paragraphs.join('\n\n'),
    sentences,
    lang: language,
    published,
    publishedFrom,
    seenAt,
    // A date line read from the text is not checked against the day a stream was seen: the bounds stay.
    ...(publishedFrom === 'metadata' ? {} : publicationBounds(raw)),
  });
}
