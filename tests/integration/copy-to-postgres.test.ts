import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/adapters/store/postgres/store.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/store.js';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { auditFixture, incidentFixture, subscriptionFixture } from '../support/store-fixtures.js';
import { dropServerSchema, freshSchema, SERVER_LABEL, SERVER_URL, serverAnswers } from '../unit/adapters/store/postgres/harness.js';

const reachable = await serverAnswers(SERVER_URL, 1_000);
const title = reachable
  ? `sahel-watch copy-to-postgres into ${SERVER_LABEL}`
  : `sahel-watch copy-to-postgres: no server answers at ${SERVER_LABEL} within 1 s, skipped`;

function memoryIo(env: Record<string, string>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const errors: string[] = [];
  const stream = (into: string[]) => ({
    write: (chunk: string, done?: (error?: Error | null) => void) => {
      into.push(chunk);
      done?.();
      return true;
    },
  });
  return { stdout: stream(out), stderr: stream(errors), env, out, err: errors };
}

let dataDir: string;
const schema = freshSchema();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sahel-copy-'));
  const sqlite = openSqliteStore({ dataDir, clock: new ManualClock('2025-07-02T08:00:00.000Z') });
  await sqlite.incidents.save(incidentFixture({ id: 'inc-1' }), ['place:kayes']);
  await sqlite.subscriptions.put(subscriptionFixture('sub-1'));
  await sqlite.audit.append(auditFixture('keyword.add', 'kidnap', '2025-07-02T08:00:00.000Z'));
  sqlite.close();
});

afterAll(async () => {
  if (reachable) await dropServerSchema(SERVER_URL, schema);
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!reachable)(title, () => {
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: SERVER_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'silent' });

  it('asks for a database URL when none is set', async () => {
    const io = memoryIo({ DATA_DIR: dataDir });
    expect(await runCli(['copy-to-postgres'], io)).toBe(2);
    expect(io.err.join('')).toContain('set DATABASE_URL');
  });

  it('copies the data directory’s store into an empty schema, and refuses to copy twice', async () => {
    const io = memoryIo(env());
    expect(await runCli(['copy-to-postgres'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/incidents\s+1/);
    expect(io.out.join('')).toContain(`schema ${schema}`);
    const store = await openPostgresStore({ url: SERVER_URL, schema });
    try {
      expect((await store.incidents.get('inc-1'))?.id).toBe('inc-1');
      expect((await store.subscriptions.list()).map((s) => s.id)).toEqual(['sub-1']);
      expect((await store.audit.list({ limit: 5 })).map((e) => e.subject)).toEqual(['kidnap']);
    } finally {
      await store.close();
    }
    const again = memoryIo(env());
    expect(await runCli(['copy-to-postgres'], again)).toBe(1);
    expect(again.err.join('')).toContain('import.target_not_empty');
  });

  it('says which file it could not read', async () => {
    const io = memoryIo({ ...env(), DATABASE_SCHEMA: freshSchema() });
    const missing = join(dataDir, 'elsewhere.sqlite');
    expect(await runCli(['copy-to-postgres', '--from', missing], io)).toBe(1);
    expect(io.err.join('')).toContain(`import.source_unreadable`);
    expect(io.err.join('')).toContain(missing);
    await dropServerSchema(SERVER_URL, io.env['DATABASE_SCHEMA'] ?? '');
  });
});
