import type { SeedRecord, SeedRepository } from '../../../app/ports.js';
import type { Db } from './connection.js';

interface SeedRow {
  readonly name: string;
  readonly sha256: string;
  readonly loaded_at: string;
}

const toRecord = (row: SeedRow): SeedRecord => ({ name: row.name, sha256: row.sha256, loadedAt: row.loaded_at });

export class SqliteSeedRepository implements SeedRepository {
  private readonly getStmt;
  private readonly putStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], SeedRow>('SELECT name, sha256, loaded_at FROM seeds WHERE name = ?');
    this.putStmt = db.prepare(
      `INSERT INTO seeds (name, sha256, loaded_at) VALUES (@name, @sha256, @loadedAt)
       ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, loaded_at = excluded.loaded_at`,
    );
    this.listStmt = db.prepare<[], SeedRow>('SELECT name, sha256, loaded_at FROM seeds ORDER BY name');
  }

  async get(name: string): Promise<SeedRecord | undefined> {
    const row = this.getStmt.get(name);
    return row === undefined ? undefined : toRecord(row);
  }

  async put(record: SeedRecord): Promise<void> {
    this.putStmt.run({ name: record.name, sha256: record.sha256, loadedAt: record.loadedAt });
  }

  async list(): Promise<SeedRecord[]> {
    return this.listStmt.all().map(toRecord);
  }
}
