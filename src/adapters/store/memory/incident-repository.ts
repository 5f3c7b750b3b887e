import type { IncidentRepository } from '../../../app/ports.js';
import type { Incident } from '../../../domain/model.js';
import { millis, rowLimit } from './time.js';

/**
 * Incidents in a map with an inverted index from candidate key to incident ids. Incidents are
 * immutable values, so they are kept and handed out as they are, without copies.
 */
export class MemoryIncidentRepository implements IncidentRepository {
  private readonly incidents = new Map<string, Incident>();
  private readonly keysOf = new Map<string, readonly string[]>();
  /** updatedAt as milliseconds, parsed once at save time rather than at every ranking. */
  private readonly updated = new Map<string, number>();
  /** Most keys (fingerprint bands, sources, sites) name one incident: that id is kept without a Set around it. */
  private readonly postings = new Map<string, string | Set<string>>();

  async get(id: string): Promise<Incident | undefined> {
    return this.incidents.get(id);
  }

  async save(incident: Incident, keys: readonly string[]): Promise<void> {
    const { id } = incident;
    const unique = new Set(keys);
    // Saving again mostly keeps the keys (a duplicate adds a source): only the difference is re-indexed.
    const before = this.keysOf.get(id) ?? [];
    for (const key of before) if (!unique.has(key)) this.removePosting(key, id);
    const kept = new Set(before);
    for (const key of unique) if (!kept.has(key)) this.addPosting(key, id);
    this.keysOf.set(id, [...unique]);
    this.incidents.set(id, incident);
    this.updated.set(id, millis(incident.updatedAt));
  }

  async findByKeys(keys: readonly string[], limit: number): Promise<Incident[]> {
    const max = rowLimit(limit);
    if (max === 0) return [];
    const shared = new Map<string, number>();
    for (const key of new Set(keys)) {
      const ids = this.postings.get(key);
      if (ids === undefined) continue;
      if (typeof ids === 'string') shared.set(ids, (shared.get(ids) ?? 0) + 1);
      else for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const ranked: { id: string; count: number; updated: number }[] = [];
    for (const [id, count] of shared) ranked.push({ id, count, updated: this.updated.get(id) ?? 0 });
    ranked.sort((a, b) => b.count - a.count || b.updated - a.updated || (a.id < b.id ? -1 : 1));
    return ranked.slice(0, max).flatMap((r) => {
      const incident = this.incidents.get(r.id);
      return incident === undefined ? [] : [incident];
    });
  }

  async listRecent(options: { since?: string; country?: string; limit: number }): Promise<Incident[]> {
    const max = rowLimit(options.limit);
    if (max === 0) return [];
    const since = options.since === undefined ? undefined : millis(options.since);
    const country = options.country?.toLowerCase();
    const found = [...this.incidents.values()].filter(
      (i) => (since === undefined || millis(i.updatedAt) >= since) && (country === undefined || i.country.toLowerCase() === country),
    );
    found.sort((a, b) => millis(b.updatedAt) - millis(a.updatedAt) || (a.id < b.id ? -1 : 1));
    return found.slice(0, max);
  }

  async count(): Promise<number> {
    return this.incidents.size;
  }

  private addPosting(key: string, id: string): void {
    const ids = this.postings.get(key);
    if (ids === undefined) this.postings.set(key, id);
    else if (typeof ids === 'string') this.postings.set(key, new Set([ids, id]));
    else ids.add(id);
  }

  private removePosting(key: string, id: string): void {
    const ids = this.postings.get(key);
    if (ids === id) this.postings.delete(key);
    else if (typeof ids === 'object') {
      ids.delete(id);
      if (ids.size === 1) this.postings.set(key, ids.values().next().value as string);
    }
  }
}
