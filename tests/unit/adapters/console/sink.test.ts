import { describe, expect, it } from 'vitest';
import { composeAdvisory } from '../../../../src/domain/advisory/compose.js';
import { renderAdvisory } from '../../../../src/domain/advisory/rendered.js';
import { consoleSink, type TextOutput } from '../../../../src/adapters/console/sink.js';
import { CATALOG, OFFICIAL, WIRE, decision, kayesBeforeClaim } from '../../domain/advisory/fixtures.js';

function message() {
  const incident = kayesBeforeClaim();
  const a = composeAdvisory(incident, decision('new', WIRE, incident.id), { officialAdvice: OFFICIAL, assistance: CATALOG, now: new Date('2025-07-03T12:00:00Z') });
  if (!a.ok) throw new Error();
  return renderAdvisory(a.value, 'en');
}

class Buffer implements TextOutput {
  chunks: string[] = [];
  constructor(private readonly error?: Error) {}
  write(chunk: string, callback: (error?: Error | null) => void): boolean {
    if (!this.error) this.chunks.push(chunk);
    queueMicrotask(() => callback(this.error ?? null));
    return true;
  }
}

describe('consoleSink', () => {
  it('prints the advisory text', async () => {
    const out = new Buffer();
    const r = await consoleSink({ output: out, format: 'text' }).send({ kind: 'console' }, message(), { idempotencyKey: 'k1' });
    expect(r).toEqual({ ok: true, value: { messageId: 'k1' } });
    expect(out.chunks.join('')).toContain('[NEW] Kidnapping — Kayes, Mali\nSeverity 4/4 Critical — Do not travel');
  });

  it('prints one JSON line per advisory in json mode', async () => {
    const out = new Buffer();
    await consoleSink({ output: out, format: 'json' }).send({ kind: 'console' }, message(), { idempotencyKey: 'k2' });
    expect(out.chunks).toHaveLength(1);
    expect(out.chunks[0]?.endsWith('\n')).toBe(true);
    const line = JSON.parse(out.chunks[0] ?? '') as Record<string, unknown>;
    expect(line).toMatchObject({ incident_id: 'inc-20250701-kayes-kidnapping', status: 'NEW', severity: 4, title: 'Kidnapping — Kayes, Mali' });
    expect(line['sources']).toEqual([
      { name: 'The Wire', url: 'https://news.test/wire/three-indians-kidnapped' },
      { name: 'Explainer desk', url: 'https://news.test/explainer/jnim' },
    ]);
    expect(String(line['text'])).toContain('Diamond Cement Factory');
  });

  it('refuses Discord targets and reports write errors as values', async () => {
    const sink = consoleSink({ output: new Buffer(), format: 'text' });
    const wrong = await sink.send({ kind: 'discord', guildId: '1', channelId: '2' }, message(), { idempotencyKey: 'k' });
    expect(!wrong.ok && wrong.error.code).toBe('bad_request');
    const broken = await consoleSink({ output: new Buffer(new Error('EPIPE')), format: 'json' }).send({ kind: 'console' }, message(), { idempotencyKey: 'k' });
    expect(!broken.ok && broken.error).toEqual({ code: 'network', message: 'console write failed: EPIPE' });
  });
});
