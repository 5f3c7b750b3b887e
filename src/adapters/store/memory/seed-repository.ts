import type { SeedRecord, SeedRepository } from '../../../app/ports.js';

export class MemorySeedRepository implements SeedRepository {
  private readonly records = new Map<string, SeedRecord>();

  async get(name: string): Promise<SeedRecord | undefined> {
    return this.records.get(name);
  }

  async put(record: SeedRecord): Promise<void> {
    this.records.set(record.name, { name: record.name, sha256: record.sha256, loadedAt: record.loadedAt });
  }

  async list(): Promise<SeedRecord[]> {
    return [...this.records.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
