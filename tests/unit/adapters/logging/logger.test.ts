import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../src/adapters/logging/logger.js';

function memorySink(): { lines: string[]; write(line: string): void } {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

describe('createLogger', () => {
  const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secretsecretsecret';

  it('redacts the token in structured fields and in free text', () => {
    const sink = memorySink();
    const log = createLogger({ level: 'info', format: 'json', secrets: [token], destination: sink });
    log.info({ discord: { token }, headers: { authorization: `Bot ${token}` } }, 'logging in');
    log.error(`request failed with Authorization: Bot ${token}`);
    log.child({ component: 'discord' }).warn({ err: new Error(`bad ${token}`) }, 'oops');
    const all = sink.lines.join('\n');
    expect(sink.lines).toHaveLength(3);
    expect(all).not.toContain(token);
    expect(all).toContain('[Redacted]');
    expect(JSON.parse(sink.lines[2] ?? '{}').component).toBe('discord');
  });

  it('honours the level', () => {
    const sink = memorySink();
    const log = createLogger({ level: 'warn', format: 'json', destination: sink });
    log.info('hidden');
    log.warn('shown');
    expect(sink.lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});
