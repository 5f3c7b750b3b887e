import type { Attested, Evidence } from '../model.js';

/** Evidence kept per value: enough to show where it came from without growing without bound. */
const MAX_EVIDENCE = 6;

/**
 * Adds a source's assertion of a value. Values are compared by `key`; a new value is kept beside
 * the others, never in place of them, so that sources that disagree stay visible.
 */
export function attest<T>(
  list: readonly Attested<T>[],
  key: (value: T) => string,
  value: T,
  source: string,
  evidence: Evidence,
): Attested<T>[] {
  const wanted = key(value);
  const index = list.findIndex((a) => key(a.value) === wanted);
  if (index === -1) return [...list, { value, sources: [source], evidence: [evidence] }];
  const found = list[index] as Attested<T>;
  const copy = [...list];
  copy[index] = corroborate(found, source, evidence);
  return copy;
}

export function corroborate<T>(found: Attested<T>, source: string, evidence: Evidence, value: T = found.value): Attested<T> {
  const sources = found.sources.includes(source) ? found.sources : [...found.sources, source];
  const known = found.evidence.some((e) => e.text === evidence.text);
  const kept = known || found.evidence.length >= MAX_EVIDENCE ? found.evidence : [...found.evidence, evidence];
  return { value, sources, evidence: kept };
}

/** Withdraws a source; values no other source asserts disappear. */
export function withdraw<T>(list: readonly Attested<T>[], source: string): Attested<T>[] {
  const out: Attested<T>[] = [];
  for (const item of list) {
    if (!item.sources.includes(source)) {
      out.push(item);
      continue;
    }
    const sources = item.sources.filter((s) => s !== source);
    if (sources.length > 0) out.push({ ...item, sources });
  }
  return out;
}

export function isAttested<T>(list: readonly Attested<T>[], key: (value: T) => string, value: T): boolean {
  const wanted = key(value);
  return list.some((a) => key(a.value) === wanted);
}
