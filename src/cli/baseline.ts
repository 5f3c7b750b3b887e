import { parseArgs } from 'node:util';
import { formatBaselineJson, formatBaselineTable } from '../app/format-baseline.js';
import { seededEngine, settingsFor } from './context.js';
import { EXIT, type CliIo } from './io.js';

/** `sahel-watch baseline [--json]`: the incidents the seed documents establish. */
export async function baselineCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean', default: false }, config: { type: 'string' } }, strict: true });
  const settings = settingsFor(io, values.config);
  if (!settings) return EXIT.usage;
  const seeded = await seededEngine(settings, io);
  if (!seeded) return EXIT.usage;
  const incidents = await seeded.engine.incidents.listRecent({ limit: 10_000 });
  io.stdout.write(`${values.json ? formatBaselineJson(incidents) : formatBaselineTable(incidents)}\n`);
  return seeded.report.loaded > 0 ? EXIT.ok : EXIT.failed;
}
