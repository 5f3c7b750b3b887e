import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/io.js';

const work = mkdtempSync(join(tmpdir(), 'sahel-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Captured {
  readonly io: CliIo;
  out(): string;
  err(): string;
}

function capture(env: Record<string, string> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]) => ({
    write(chunk: string, callback?: (error?: Error | null) => void) {
      sink.push(chunk);
      callback?.();
      return true;
    },
  });
  return {
    io: { stdout: stream(out), stderr: stream(err), env: { DATA_DIR: join(work, 'data'), LOG_LEVEL: 'silent', HTTP_PORT: '0', ...env } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('sahel-watch CLI', () => {
  it('lists its commands and refuses unknown ones', async () => {
    const help = capture();
    expect(await runCli(['help'], help.io)).toBe(0);
    expect(help.out()).toContain('classify --input items.jsonl');
    const unknown = capture();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err()).toContain('unknown command "frobnicate"');
  });

  it('config check lists every problem and exits 2', async () => {
    const c = capture({ HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await runCli(['config', 'check'], c.io)).toBe(2);
    expect(c.err()).toMatch(/env HTTP_PORT: .*found "eighty"/);
    expect(c.err()).toMatch(/env LOG_LEVEL/);
  });

  it('baseline --json gives the seed incidents with their fields', async () => {
    const c = capture();
    expect(await runCli(['baseline', '--json'], c.io)).toBe(0);
    const incidents = JSON.parse(c.out()) as Array<Record<string, unknown>>;
    const july = incidents.find((i) => i['event_date'] === '2025-07-01' && i['event_type'] === 'kidnapping');
    expect(july).toBeDefined();
    expect(july?.['sources']).toEqual(['000_d4e0ef1cefdd2423.txt', '001_3555185c32d66887.txt', '002_0a1bbdf9d2019882.txt', '004_a568f1b4803a3c77.txt']);
    expect(july?.['victims']).toContainEqual({ count: 3, nationality: 'Indian' });
    expect(july?.['country']).toBe('ml');
    const november = incidents.find((i) => i['event_date'] === '2025-11-06');
    expect(november?.['sources']).toEqual(['003_70a82910eb186e36.txt']);
    expect(november?.['victims']).toContainEqual({ count: 5, nationality: 'Indian' });
  });

  it('classify writes one decision per line and keeps going past a bad line', async () => {
    const input = join(work, 'items.jsonl');
    const output = join(work, 'decisions.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', title: 'Mali: Eagles win the derby', published: '2025-11-14', text: "Mali's national football team won 2-1 in Bamako." }),
        '{ this is not json',
        JSON.stringify({ id: 'c', title: 'Kidnappers of five Indians in Mali demand ransom', published: '2025-11-12T10:00:00Z', text: 'The kidnappers of the five Indian nationals abducted in western Mali on November 6 have demanded a ransom, relatives said.' }),
      ].join('\n'),
    );
    const c = capture();
    expect(await runCli(['classify', '--input', input, '--output', output], c.io)).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; action: string; incident_id: string | null });
    expect(lines.map((l) => l.action)).toEqual(['ignored', 'invalid', 'update']);
    expect(lines[2]?.incident_id).toBe('inc-20251106-mali-kidnapping');
    expect(c.err()).toContain('classified 3 items');
  });

  it('classify without --input is a usage error', async () => {
    const c = capture();
    expect(await runCli(['classify'], c.io)).toBe(2);
  });

  it('replays recorded feeds once and prints one JSON line per advisory', async () => {
    const c = capture();
    expect(await runCli(['start', '--replay', 'tests/fixtures/replay', '--once', '--format', 'json'], c.io)).toBe(0);
    const advisories = c.out().trim().split('\n').map((l) => JSON.parse(l) as { incident_id: string; status: string; title: string });
    expect(advisories.find((a) => a.incident_id === 'inc-20251106-mali-kidnapping')?.status).toBe('UPDATE 1');
    expect(advisories.filter((a) => /nioro/i.test(a.incident_id))).toHaveLength(1);
    expect(advisories.some((a) => /eagles|football/i.test(a.title))).toBe(false);
    expect(existsSync(join(work, 'data'))).toBe(false);
  });

  it('refuses --replay without --once', async () => {
    const c = capture();
    expect(await runCli(['start', '--replay', 'tests/fixtures/replay'], c.io)).toBe(2);
  });

  it('backs up and restores the store, and refuses a PostgreSQL store', async () => {
    const dataDir = join(work, 'backup-data');
    const env = { DATA_DIR: dataDir };
    const snapshot = join(work, 'snapshot.sqlite');
    const polled = capture(env);
    await runCli(['feeds'], polled.io);
    expect(polled.out()).toContain('GOV.UK travel advice: Mali');
    const backup = capture(env);
    expect(await runCli(['backup', snapshot], backup.io)).toBe(0);
    expect(existsSync(snapshot)).toBe(true);
    const restore = capture(env);
    expect(await runCli(['restore', snapshot], restore.io)).toBe(0);
    const junk = join(work, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    const refused = capture(env);
    expect(await runCli(['restore', junk], refused.io)).toBe(1);
    expect(refused.err()).toContain('restore refused');
    const pg = capture({ ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(await runCli(['backup', snapshot], pg.io)).toBe(2);
    expect(pg.err()).toContain('pg_dump');
  });
});
