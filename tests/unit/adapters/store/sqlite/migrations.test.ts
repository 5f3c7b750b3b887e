import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Db } from '../../../../../src/adapters/store/sqlite/connection.js';
import { StoreOpenError } from '../../../../../src/adapters/store/sqlite/errors.js';
import {
  APPLICATION_ID,
  LATEST_SCHEMA_VERSION,
  checkSchema,
  migrate,
  schemaVersion,
} from '../../../../../src/adapters/store/sqlite/migrations.js';
import { MIGRATIONS, type Migration } from '../../../../../src/adapters/store/sqlite/schema.js';
import { ManualClock } from '../../../../../src/domain/shared/clock.js';

const first: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE one (x TEXT) STRICT;' };
const second: Migration = { version: 2, name: 'two', sql: 'CREATE TABLE two (y TEXT) STRICT;' };
const broken: Migration = {
  version: 2,
  name: 'broken',
  sql: 'CREATE TABLE half (z TEXT); INSERT INTO missing_table VALUES (1);',
};

const tableExists = (db: Db, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;

function openError(action: () => unknown): StoreOpenError {
  try {
    action();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error('expected a StoreOpenError');
}

describe('migrate', () => {
  let db: Db;
  const clock = new ManualClock('2025-07-02T08:00:00.000Z');

  beforeEach(() => {
    db = openConnection(':memory:');
  });

  afterEach(() => {
    db.close();
  });

  it('applies every migration to a fresh database once, recording when', () => {
    expect(migrate(db, clock)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const rows = db.prepare('SELECT version, applied_at FROM schema_migrations').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, applied_at: '2025-07-02T08:00:00.000Z' })));
    expect(migrate(db, clock)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
  });

  it('applies only the migrations added since the last run', () => {
    expect(migrate(db, clock, [first])).toEqual([1]);
    expect(migrate(db, clock, [second, first])).toEqual([2]);
    expect(tableExists(db, 'two')).toBe(true);
    expect(schemaVersion(db)).toBe(2);
  });

  it('rolls a failing migration back whole and keeps the version before it', () => {
    migrate(db, clock, [first]);
    expect(() => migrate(db, clock, [first, broken])).toThrow(/missing_table/);
    expect(tableExists(db, 'half')).toBe(false);
    expect(schemaVersion(db)).toBe(1);
  });

  it('refuses a database migrated by a newer version of the program', () => {
    migrate(db, clock, [first, second]);
    const error = openError(() => migrate(db, clock, [first]));
    expect(error.code).toBe('store.newer_schema');
    expect(error.message).toMatch(/schema version 2, newer than 1/);
  });

  it('refuses an SQLite database that belongs to something else', () => {
    db.exec('CREATE TABLE customers (id INTEGER)');
    expect(openError(() => migrate(db, clock)).code).toBe('store.foreign_database');
    expect(tableExists(db, 'schema_migrations')).toBe(false);
  });

  it('accepts an empty database as version 0 and reports foreign ones', () => {
    expect(checkSchema(db)).toEqual({ ok: true, version: 0 });
    db.pragma('application_id = 1234');
    expect(checkSchema(db)).toMatchObject({ ok: false, code: 'foreign_database' });
  });
});
