import type { KeywordRule } from '../model.js';

/** One piece of evidence before groups are resolved: a keyword rule that fired, or a fact. */
export interface Signal {
  readonly rule: string;
  readonly kind: KeywordRule['kind'];
  readonly group: string;
  /** The rule's weight, always positive; exclude signals subtract it. */
  readonly weight: number;
  readonly matched: string;
  /** Sentence indexes where it was seen. */
  readonly sentences: ReadonlySet<number>;
  /** Seen in the title or lead. */
  readonly lead: boolean;
}

/**
 * Group names shared by the default keyword rules and the fact signals, so that a gazetteer place and
 * a place keyword are one "where" signal, not two.
 */
export const GROUP = {
  place: 'place',
  armedGroup: 'armed-group',
  security: 'security',
  coup: 'coup',
} as const;
