import type { DecisionRecord, DecisionRepository } from '../../../app/ports.js';
import { millis } from './time.js';

/** An append-only log; lookups by document id or URL return the latest record, as the SQL store does. */
export class MemoryDecisionRepository implements DecisionRepository {
  private records: DecisionRecord[] = [];

  async append(record: DecisionRecord): Promise<void> {
    this.records.push(record);
  }

  async findByDocument(idOrUrl: string): Promise<DecisionRecord | undefined> {
    let latest: DecisionRecord | undefined;
    for (const record of this.records) {
      if (record.decision.documentId !== idOrUrl && record.url !== idOrUrl) continue;
      // Appended later wins a tie on time, like the SQL store's sequence number.
      if (latest === undefined || millis(record.at) >= millis(latest.at)) latest = record;
    }
    return latest;
  }

  async pruneBefore(at: string): Promise<number> {
    const limit = millis(at);
    const before = this.records.length;
    this.records = this.records.filter((r) => millis(r.at) >= limit);
    return before - this.records.length;
  }
}
