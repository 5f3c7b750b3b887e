import type { SeedRecord, SeedRepository } from '../../../app/ports.js';
import { pgText } from './codec.js';
import type { Database } from './database.js';

interface SeedRow {
  readonly name: string;
  readonly sha256: string;
  readonly loaded_at: string;
}

const toRecord = (row: SeedRow): SeedRecord => ({ name: row.name, sha256: row.sha256, loadedAt: row.loaded_at });

export class PostgresSeedRepository implements SeedRepository {
  constructor(private readonly db: Database) {}

  async get(name: string): Promise<SeedRecord | undefined> {
    const { rows } = await this.db.query<SeedRow>('SELECT name, sha256, loaded_at FROM seeds WHERE name = $1', [pgText(name)]);
    return rows[0] === undefined ? undefined : toRecord(rows[0]);
  }

  async put(record: SeedRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO seeds (name, sha256, loaded_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, loaded_at = excluded.loaded_at`,
      [pgText(record.name), pgText(record.sha256), pgText(record.loadedAt)],
    );
  }

  async list(): Promise<SeedRecord[]> {
    const { rows } = await this.db.query<SeedRow>('SELECT name, sha256, loaded_at FROM seeds ORDER BY name');
    return rows.map(toRecord);
  }
}
