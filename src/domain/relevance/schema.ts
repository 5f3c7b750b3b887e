import { z } from 'zod';
import type { KeywordRule } from '../model.js';
import { err, ok, type Result } from '../shared/result.js';

/**
 * Keyword rules are data: they come from config/keywords.json, live in the store and are edited by
 * admins at run time, so every path that accepts them goes through these schemas.
 *
 * A term is one or more words; separators (spaces, hyphens, apostrophes) all mean "next word".
 * A word ending in `*` matches any word starting with it ("kidnap*" matches "kidnapped"); the stem
 * must keep at least three letters so that a rule cannot match half the dictionary.
 */

const WORD_STEM_MIN = 3;

const term = z
  .string()
  .trim()
  .min(1, 'a term cannot be empty')
  .max(120, 'a term is at most 120 characters')
  .refine((value) => /[\p{L}\p{N}]/u.test(value), 'a term needs at least one letter or digit')
  .refine(
    (value) => value.split(/[^\p{L}\p{N}*]+/u).every((word) => !word.endsWith('*') || word.replace(/\*+$/, '').length >= WORD_STEM_MIN),
    `a wildcard word keeps at least ${WORD_STEM_MIN} letters before the *`,
  )
  .refine((value) => !/\*[\p{L}\p{N}]/u.test(value), 'a * may only end a word');

const terms = z.array(term).min(1, 'at least one term').max(500);

export const keywordRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, dot, dash or underscore, at most 64'),
    kind: z.enum(['include', 'exclude', 'context']),
    terms,
    weight: z.number().positive('weights are positive; exclude rules subtract theirs').max(100),
    requires: terms.optional(),
    unless: terms.optional(),
    lang: z.enum(['en', 'fr', 'und']).optional(),
    group: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/).optional(),
    note: z.string().max(500).optional(),
  })
  .strict();

export const keywordFileSchema = z
  .object({
    /** Score at or above which an item is relevant; the scorer's default applies when absent. */
    threshold: z.number().positive().max(100).optional(),
    rules: z.array(keywordRuleSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
  });

export interface KeywordFile {
  readonly threshold?: number;
  readonly rules: readonly KeywordRule[];
}

export type KeywordErrorCode = 'invalid_keyword_rule' | 'invalid_keyword_file';

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Drops keys zod filled with undefined, so results satisfy exactOptionalPropertyTypes. */
function toRule(parsed: z.infer<typeof keywordRuleSchema>): KeywordRule {
  const { requires, unless, lang, group, note, ...core } = parsed;
  return {
    ...core,
    ...(requires === undefined ? {} : { requires }),
    ...(unless === undefined ? {} : { unless }),
    ...(lang === undefined ? {} : { lang }),
    ...(group === undefined ? {} : { group }),
    ...(note === undefined ? {} : { note }),
  };
}

/** One rule, as an admin command or the store hands it over. */
export function parseKeywordRule(input: unknown): Result<KeywordRule, KeywordErrorCode> {
  const parsed = keywordRuleSchema.safeParse(input);
  if (!parsed.success) return err('invalid_keyword_rule', `Invalid keyword rule: ${describe(parsed.error)}`, parsed.error.issues);
  return ok(toRule(parsed.data));
}

/** The whole keyword file ({ threshold?, rules }), e.g. config/keywords.json. */
export function parseKeywordFile(input: unknown): Result<KeywordFile, KeywordErrorCode> {
  const parsed = keywordFileSchema.safeParse(input);
  if (!parsed.success) return err('invalid_keyword_file', `Invalid keyword file: ${describe(parsed.error)}`, parsed.error.issues);
  const rules = parsed.data.rules.map(toRule);
  return ok(parsed.data.threshold === undefined ? { rules } : { threshold: parsed.data.threshold, rules });
}
