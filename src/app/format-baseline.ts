import type { Attested, Incident } from '../domain/model.js';
import type { BaselineReport } from './baseline.js';

/** One incident as `baseline --json` prints it. */
export interface BaselineRow {
  readonly id: string;
  readonly title: string;
  readonly event_type: string;
  readonly event_date: string | null;
  readonly country: string;
  readonly places: readonly { readonly id: string; readonly name: string; readonly kind: string }[];
  readonly victims: readonly { readonly count: number | null; readonly nationality: string | null }[];
  readonly actors: readonly { readonly name: string; readonly role: string }[];
  /** Document ids of the sources: for seeds, the seed files' names. */
  readonly sources: readonly string[];
  readonly severity: number;
  readonly context: boolean;
}

/** Incidents in a stable order: by event date (undated last), then id. */
function sortIncidents(incidents: readonly Incident[]): Incident[] {
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...incidents].sort((a, b) => order(a.eventDate ?? '9999', b.eventDate ?? '9999') || order(a.id, b.id));
}

export function baselineRows(incidents: readonly Incident[]): BaselineRow[] {
  return sortIncidents(incidents).map((incident) => ({
    id: incident.id,
    title: incident.title,
    event_type: incident.eventType,
    event_date: incident.eventDate ?? null,
    country: incident.country,
    places: incident.places.map(({ value }) => ({ id: value.id, name: value.name, kind: value.kind })),
    victims: unique(
      incident.victims.map(({ value }) => ({ count: value.count, nationality: value.nationality ?? null })),
      (v) => `${v.count}|${v.nationality}`,
    ),
    actors: unique(
      incident.actors.map(({ value }) => ({ name: value.name, role: value.role })),
      (a) => `${a.name}|${a.role}`,
    ),
    sources: incident.sources.map((s) => s.documentId),
    severity: incident.severity,
    context: incident.context,
  }));
}

export function formatBaselineJson(incidents: readonly Incident[]): string {
  return `${JSON.stringify(baselineRows(incidents), null, 2)}\n`;
}

const HEADERS = ['ID', 'DATE', 'TYPE', 'SEV', 'WHERE', 'VICTIMS', 'SOURCES'] as const;

/**
 * A table of the incidents, then for each one what a reader checks: the sources, who is said to be
 * behind it (every claim with its sources, disagreements side by side), the advice and the figures.
 */
export function formatBaselineTable(incidents: readonly Incident[]): string {
  const sorted = sortIncidents(incidents);
  if (sorted.length === 0) return 'No incidents.\n';
  const rows = sorted.map((i) => [
    i.id,
    i.eventDate ?? '-',
    i.context ? `${i.eventType} (context)` : i.eventType,
    String(i.severity),
    places(i),
    victims(i),
    String(i.sources.length),
  ]);
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  const out = [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const incident of sorted) out.push(...details(incident), '');
  return out.join('\n');
}

/** What happened to each seed file: loaded, unchanged, or skipped with the reason. */
export function formatSeedReport(report: BaselineReport): string {
  const lines = [`Seeds: ${report.loaded} loaded, ${report.unchanged} unchanged, ${report.skipped} skipped.`];
  for (const seed of report.seeds) {
    if (seed.error !== undefined) lines.push(`  skipped ${seed.name}: ${seed.error.message} [${seed.error.code}]`);
  }
  return `${lines.join('\n')}\n`;
}

function details(incident: Incident): string[] {
  const lines = [`${incident.id}: ${incident.title}`, `  sources: ${incident.sources.map((s) => s.documentId).join(', ')}`];
  for (const a of incident.actors) lines.push(`  actor: ${a.value.name} ${a.value.role.replace('_', ' ')}${cite(a)}`);
  for (const a of incident.advice) lines.push(`  advice: "${a.value.text}"${cite(a)}`);
  for (const f of incident.figures) lines.push(`  figure: ${f.value.value} ${f.value.what}${cite(f)}`);
  return lines;
}

function cite<T>(attested: Attested<T>): string {
  return ` [${attested.sources.join(', ')}]`;
}

function places(incident: Incident): string {
  const local = incident.places.filter((p) => p.value.kind !== 'country').map((p) => p.value.name);
  return [...local, incident.country.toUpperCase()].join(', ');
}

function victims(incident: Incident): string {
  const groups = unique(
    incident.victims.map(({ value }) => [value.count ?? '?', value.nationality, value.role].filter((x) => x !== undefined).join(' ')),
    (x) => x,
  );
  return groups.length === 0 ? '-' : groups.join('; ');
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
