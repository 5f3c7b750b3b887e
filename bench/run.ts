/**
 * `npm run bench`: every benchmark in bench/ (each .ts file but this one, eval.ts and helpers whose
 * name starts with "_"), one after another, each in a process of its own so that its memory figures
 * are its own, output streamed as it comes. `--only NAME` runs one ("clean-extract" or
 * "clean-extract.ts"); arguments after `--` go to that benchmark.
 * Run: node bin/run-ts.mjs bench/run.ts [--only NAME] [-- ARGS...]
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const RUNNER = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
/** Not benchmarks: this runner, and the evaluation, which scores quality rather than speed (`npm run eval`). */
const NOT_BENCHMARKS = new Set(['run', 'eval']);

const argsSchema = z.object({ only: z.string().regex(/^[\w-]+(?:\.ts)?$/, 'a benchmark name such as clean-extract').optional() });

function benchmarks(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -'.ts'.length))
    .filter((name) => !NOT_BENCHMARKS.has(name))
    .sort();
}

/** Runs one benchmark with the same loader as the CLI; resolves to its exit code (or 1 when a signal ended it). */
function run(name: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUNNER, `bench/${name}.ts`, ...args], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${name}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { only: { type: 'string' } }, allowPositionals: true });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`usage: run.ts [--only NAME] [-- ARGS...]: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return 2;
  }
  const all = benchmarks();
  const only = parsed.data.only?.replace(/\.ts$/, '');
  if (only !== undefined && !all.includes(only)) {
    console.error(`No benchmark called ${only}; there are: ${all.join(', ')}.`);
    return 2;
  }
  if (only === undefined && positionals.length > 0) {
    console.error('Arguments after -- go to one benchmark: name it with --only.');
    return 2;
  }
  const chosen = only === undefined ? all : [only];
  const failed: string[] = [];
  for (const name of chosen) {
    console.log(`\n=== ${name} ===`);
    const started = performance.now();
    const code = await run(name, positionals);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`=== ${name}: ${code === 0 ? 'done' : `failed (exit ${code})`} in ${seconds} s ===`);
    if (code !== 0) failed.push(name);
  }
  console.log(`\n${chosen.length - failed.length} of ${chosen.length} benchmarks ran to the end${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}.`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
