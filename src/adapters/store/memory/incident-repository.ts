import type { IncidentRepository } from '../../../app/ports.js';
import type { Incident } from '../../../domain/model.js';
import { firstInOrder } from '../../../domain/shared/first-in-order.js';
import { millis, rowLimit } from './time.js';

/** One stored incident with what the index and the ranking read of it. */
interface Entry {
  incident: Incident;
  /** The keys as last saved, in the order given. */
  keys: readonly string[];
  /** How many times each of those keys occurs in them: the entry is posted under a key while it occurs. */
  occurrences: Map<string, number>;
  /** updatedAt as milliseconds, parsed once at save time rather than at every ranking. */
  updated: number;
  /** The lookup that last counted this entry, and how many of its keys that lookup shared. */
  lookup: number;
  shared: number;
}

/**
 * Incidents in a map with an inverted index from candidate key to entries. Incidents are immutable
 * values, so they are kept and handed out as they are, without copies.
 */
export class MemoryIncidentRepository implements IncidentRepository {
  private readonly entries = new Map<string, Entry>();
  /**
   * Most keys (fingerprint bands, sources, sites) name one incident: that entry is kept without a list
   * around it. Lists are arrays rather than sets: they are short, and a lookup reads each of them whole.
   */
  private readonly postings = new Map<string, Entry | Entry[]>();
  private lookups = 0;

  async get(id: string): Promise<Incident | undefined> {
    return this.entries.get(id)?.incident;
  }

  async save(incident: Incident, keys: readonly string[]): Promise<void> {
    const updated = millis(incident.updatedAt);
    const entry = this.entries.get(incident.id);
    if (entry === undefined) {
      const created: Entry = { incident, keys: [...keys], occurrences: new Map(), updated, lookup: 0, shared: 0 };
      this.entries.set(incident.id, created);
      for (const key of keys) this.occur(created, key, 1);
      return;
    }
    this.reindex(entry, keys);
    entry.incident = incident;
    entry.updated = updated;
  }

  /**
   * Saving again mostly keeps the keys in the same order (a duplicate adds a source, whose key comes
   * between the same keys as before): the runs that agree position by position at both ends are passed
   * over, and only the keys between them are counted out and in again.
   */
  private reindex(entry: Entry, keys: readonly string[]): void {
    const before = entry.keys;
    let start = 0;
    while (start < before.length && start < keys.length && before[start] === keys[start]) start++;
    let oldEnd = before.length;
    let newEnd = keys.length;
    while (oldEnd > start && newEnd > start && before[oldEnd - 1] === keys[newEnd - 1]) {
      oldEnd--;
      newEnd--;
    }
    for (let i = start; i < newEnd; i++) this.occur(entry, keys[i] as string, 1);
    for (let i = start; i < oldEnd; i++) this.occur(entry, before[i] as string, -1);
    // The keys that agree are kept as the strings already stored: the caller's copies then die young
    // instead of being carried into the old generation with the entry, hundreds of them for an
    // incident with many sources.
    const kept = before.slice(0, start);
    for (let i = start; i < newEnd; i++) kept.push(keys[i] as string);
    for (let i = oldEnd; i < before.length; i++) kept.push(before[i] as string);
    entry.keys = kept;
  }

  /** Counts a key in or out of an entry's keys, posting the entry under it while it occurs. */
  private occur(entry: Entry, key: string, change: 1 | -1): void {
    const count = (entry.occurrences.get(key) ?? 0) + change;
    if (count === 0) {
      entry.occurrences.delete(key);
      this.removePosting(key, entry);
    } else {
      entry.occurrences.set(key, count);
      if (count === 1 && change === 1) this.addPosting(key, entry);
    }
  }

  /**
   * Counts the shared keys on the entries themselves (stamped with the lookup's number) instead of in
   * a map, then keeps the best `limit` without sorting all the incidents that share a key.
   */
  async findByKeys(keys: readonly string[], limit: number): Promise<Incident[]> {
    const max = rowLimit(limit);
    if (max === 0) return [];
    const lookup = ++this.lookups;
    const found: Entry[] = [];
    for (const key of new Set(keys)) {
      const posted = this.postings.get(key);
      if (posted === undefined) continue;
      if (Array.isArray(posted)) for (const entry of posted) count(entry, lookup, found);
      else count(posted, lookup, found);
    }
    return firstInOrder(found, max, ranksBefore).map((entry) => entry.incident);
  }

  async listRecent(options: { since?: string; country?: string; limit: number }): Promise<Incident[]> {
    const max = rowLimit(options.limit);
    if (max === 0) return [];
    const since = options.since === undefined ? undefined : millis(options.since);
    const country = options.country?.toLowerCase();
    const found: Entry[] = [];
    for (const entry of this.entries.values()) {
      if ((since === undefined || entry.updated >= since) && (country === undefined || entry.incident.country.toLowerCase() === country)) found.push(entry);
    }
    found.sort((a, b) => b.updated - a.updated || (a.incident.id < b.incident.id ? -1 : 1));
    return found.slice(0, max).map((entry) => entry.incident);
  }

  async count(): Promise<number> {
    return this.entries.size;
  }

  /** An entry is posted under a key at most once (see occur). */
  private addPosting(key: string, entry: Entry): void {
    const posted = this.postings.get(key);
    if (posted === undefined) this.postings.set(key, entry);
    else if (Array.isArray(posted)) posted.push(entry);
    else this.postings.set(key, [posted, entry]);
  }

  private removePosting(key: string, entry: Entry): void {
    const posted = this.postings.get(key);
    if (posted === entry) this.postings.delete(key);
    else if (Array.isArray(posted)) {
      const at = posted.indexOf(entry);
      if (at >= 0) posted.splice(at, 1);
      if (posted.length === 1) this.postings.set(key, posted[0] as Entry);
    }
  }
}

function count(entry: Entry, lookup: number, found: Entry[]): void {
  if (entry.lookup === lookup) {
    entry.shared++;
    return;
  }
  entry.lookup = lookup;
  entry.shared = 1;
  found.push(entry);
}

/** Most keys shared first, then most recently updated, then by id: a total order, as the SQL stores rank. */
function ranksBefore(a: Entry, b: Entry): boolean {
  if (a.shared !== b.shared) return a.shared > b.shared;
  if (a.updated !== b.updated) return a.updated > b.updated;
  return a.incident.id < b.incident.id;
}
