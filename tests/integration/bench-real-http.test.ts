import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runBench(script: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/run-ts.mjs', script, ...args], { cwd: ROOT, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The first number after `label` in the output. */
function figure(output: string, label: string): number {
  const match = new RegExp(`${label}\\s*:?\\s*(\\d+)`).exec(output);
  return match ? Number(match[1]) : Number.NaN;
}

describe('benchmarks over real HTTP', () => {
  it('delivers one advisory to every channel exactly once when the fake Discord refuses more than the client allows', async () => {
    // The client paces itself at 50 requests per second, the fake admits 40: real 429s must be ridden out.
    const run = await runBench('bench/delivery-discord.ts', ['--channels', '120', '--limit', '40', '--cap-seconds', '45']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(figure(run.stdout, 'lost')).toBe(0);
    expect(figure(run.stdout, 'duplicated')).toBe(0);
    expect(figure(run.stdout, 'outbox sent')).toBe(120);
    expect(figure(run.stdout, 'pending')).toBe(0);
    expect(figure(run.stdout, 'failed')).toBe(0);
  }, 60_000);

  it('posts one message per new kidnapping found by a poll, and none for the priming poll', async () => {
    const run = await runBench('bench/latency.ts', ['--reps', '3']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('first poll true, 1 item(s) learned, messages posted 0');
    expect(run.stdout).toContain('3 of 3 new kidnappings');
    expect(figure(run.stdout, 'messages in the channel')).toBe(3);
    expect(figure(run.stdout, 'warnings logged')).toBe(0);
  }, 60_000);
});
