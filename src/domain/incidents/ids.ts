import type { EventType } from '../model.js';
import { foldForMatch } from '../text/normalize.js';

const MAX_PLACE_SLUG = 24;

/**
 * Readable, stable ids: event day, place and type ("inc-20250701-kayes-kidnapping"). They depend
 * only on what the story says, never on when or how fast it was processed.
 */
export function incidentIdBase(type: EventType, day: string, place: string): string {
  const slug = foldForMatch(place).replace(/'/g, '').replace(/ +/g, '-').slice(0, MAX_PLACE_SLUG).replace(/-+$/, '');
  return `inc-${day.slice(0, 10).replace(/-/g, '')}-${slug === '' ? 'unknown' : slug}-${type}`;
}

/** The n-th choice for an id whose base is taken: base, base-2, base-3 ... */
export function idCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
}
