import type { Advisory, AssistanceCatalog, OfficialAdvice, Origin } from '../../../../src/domain/advisory/types.js';
import type { Incident } from '../../../../src/domain/model.js';

interface Found {
  readonly path: string;
  readonly origin: Origin;
}

/** Every statement of an advisory, wherever it sits, with its path for error messages. */
export function statementsOf(value: unknown, path = 'advisory'): Found[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => statementsOf(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = 'origin' in record && 'value' in record ? [{ path, origin: record['origin'] as Origin }] : [];
  return [...own, ...Object.entries(record).filter(([k]) => k !== 'origin').flatMap(([k, v]) => statementsOf(v, `${path}.${k}`))];
}

/** Statements whose origin cannot be traced to the incident, the catalog or the official feeds. */
export function unsupported(advisory: Advisory, incident: Incident, catalog: AssistanceCatalog, official: readonly OfficialAdvice[]): string[] {
  const sourceIds = new Set(incident.sources.map((s) => s.documentId));
  const configIds = new Set([...catalog.contacts.map((c) => c.id), ...catalog.actions.map((a) => a.id)]);
  const officialUrls = new Set(official.map((o) => o.url));
  return statementsOf(advisory).flatMap(({ path, origin }) => {
    switch (origin.kind) {
      case 'facts':
        if (origin.sources.length === 0 || origin.sources.some((s) => !sourceIds.has(s))) return [`${path}: unknown source`];
        return origin.evidence.every((e) => e.text.trim() !== '') ? [] : [`${path}: empty evidence`];
      case 'incident':
        return origin.sources.length > 0 && origin.sources.every((s) => sourceIds.has(s)) ? [] : [`${path}: unknown source`];
      case 'config':
        return configIds.has(origin.ref) ? [] : [`${path}: unknown config ${origin.ref}`];
      case 'official':
        return officialUrls.has(origin.url) ? [] : [`${path}: unknown official advice`];
    }
  });
}
