import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { runClassify } from '../app/classify.js';
import { seededEngine, settingsFor } from './context.js';
import { EXIT, type CliIo } from './io.js';

/**
 * `sahel-watch classify --input items.jsonl [--output decisions.jsonl]`: decisions for a file of
 * items, starting from the seed baseline in memory. `--input -` reads standard input.
 */
export async function classifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { input: { type: 'string' }, output: { type: 'string' }, config: { type: 'string' } },
    strict: true,
  });
  if (!values.input) {
    io.stderr.write('usage: sahel-watch classify --input items.jsonl [--output decisions.jsonl]\n');
    return EXIT.usage;
  }
  const settings = settingsFor(io, values.config);
  if (!settings) return EXIT.usage;
  const input: Readable = values.input === '-' ? process.stdin : createReadStream(values.input);
  const opened = await new Promise<Error | undefined>((resolve) => {
    if (values.input === '-') return resolve(undefined);
    input.once('readable', () => resolve(undefined)).once('error', resolve);
  });
  if (opened) {
    io.stderr.write(`cannot read ${values.input}: ${opened.message}\n`);
    return EXIT.usage;
  }
  const seeded = await seededEngine(settings, io);
  if (!seeded) return EXIT.usage;
  const output: Writable = values.output ? createWriteStream(values.output) : (io.stdout as Writable);
  const summary = await runClassify({ input, output }, { engine: seeded.engine });
  if (values.output) {
    output.end();
    await finished(output);
  }
  const counts = Object.entries(summary.actions).map(([action, n]) => `${n} ${action}`).join(', ');
  io.stderr.write(`classified ${summary.items} items: ${counts}\n`);
  return EXIT.ok;
}
