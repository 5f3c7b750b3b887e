import { describe, expect, it } from 'vitest';
import { baselineRows, formatBaselineTable, formatSeedReport } from '../../../src/app/format-baseline.js';
import { listOf, projectEngine, seedFiles } from './engine-fixture.js';

const JULY = 'inc-20250701-kayes-kidnapping';
const NOVEMBER = 'inc-20251106-mali-kidnapping';
const [S0, S1, S2, S3, S4] = seedFiles().map((f) => f.name);

async function loaded() {
  const fixture = projectEngine();
  const report = await fixture.engine.loadBaseline(listOf(seedFiles()));
  const incidents = await fixture.store.incidents.listRecent({ limit: 100 });
  return { ...fixture, report, incidents };
}

describe('the seed baseline', () => {
  it('files the July abduction with its four reports and the November kidnapping with its one', async () => {
    const { report, incidents } = await loaded();
    expect(report).toMatchObject({ loaded: 5, unchanged: 0, skipped: 0 });
    const rows = baselineRows(incidents.filter((i) => !i.context));
    const july = rows.find((r) => r.id === JULY);
    expect(july).toMatchObject({ event_type: 'kidnapping', event_date: '2025-07-01', country: 'ml', victims: [{ count: 3, nationality: 'Indian' }] });
    expect(july?.sources).toEqual([S0, S1, S2, S4]);
    expect(july?.places).toContainEqual({ id: 'ml-kayes', name: 'Kayes', kind: 'town' });
    const november = rows.find((r) => r.id === NOVEMBER);
    expect(november).toMatchObject({ event_date: '2025-11-06', victims: [{ count: 5, nationality: 'Indian' }], sources: [S3] });
  });

  it('keeps the disagreement over who is behind the July abduction, each claim with its source', async () => {
    const { store } = await loaded();
    const july = await store.incidents.get(JULY);
    const claims = july?.actors.filter((a) => ['claimed', 'not_claimed'].includes(a.value.role)).map((a) => [a.value.name, a.value.role, a.sources]);
    expect(claims).toEqual(
      expect.arrayContaining([
        ['JNIM', 'claimed', [S4]],
        ['JNIM', 'not_claimed', [S1]],
        ['no group', 'not_claimed', [S2]],
      ]),
    );
  });

  it('keeps the advice and the context figures with their sources', async () => {
    const { store } = await loaded();
    const july = await store.incidents.get(JULY);
    const caution = july?.advice.find((a) => a.value.text.includes('exercise utmost caution'));
    expect(caution?.value.text).toContain('stay in close contact with the Embassy of India in Bamako');
    expect(caution?.sources).toEqual(expect.arrayContaining([S0, S1]));
    expect(july?.figures.map((f) => [f.value.value, f.sources])).toContainEqual([400, [S1]]);
    const november = await store.incidents.get(NOVEMBER);
    expect(november?.figures.map((f) => [f.value.value, f.value.what, f.sources])).toContainEqual([8, 'Indians kidnapped in Mali this year', [S3]]);
  });

  it('files the earlier attacks the seeds mention in passing as context incidents, with the seeds that mention them', async () => {
    const { incidents } = await loaded();
    const context = baselineRows(incidents.filter((i) => i.context));
    expect(context.map((r) => [r.id, r.event_type, r.event_date, r.sources, r.context])).toEqual([
      ['inc-20250511-djibo-attack', 'attack', '2025-05-11', [S2], true],
      ['inc-20250602-timbuktu-attack', 'attack', '2025-06-02', [S0, S2], true],
      ['inc-20250612-basso-attack', 'attack', '2025-06-12', [S2], true],
    ]);
    expect(context.every((r) => r.severity <= 2)).toBe(true);
    // "In Benin, ... near the border with Burkina Faso and Niger. ... a military post in Basso, located
    // only a few miles from Nigeria's border": Basso is in Benin.
    expect(context.find((r) => r.id === 'inc-20250612-basso-attack')?.country).toBe('bj');
  });

  it('does not let the November story that recalls the July abduction update it', async () => {
    const { store } = await loaded();
    const record = await store.decisions.findByDocument(S3 ?? '');
    expect(record?.decision).toMatchObject({ action: 'new', incidentId: NOVEMBER });
    expect(record?.decision.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['veto:date', 'veto:victims']));
    expect((await store.incidents.get(JULY))?.updates.map((u) => u.documentId)).not.toContain(S3);
  });

  it('changes nothing when started twice, and reads a changed seed again', async () => {
    const { engine, store, incidents } = await loaded();
    const again = await engine.loadBaseline(listOf(seedFiles()));
    expect(again).toMatchObject({ loaded: 0, unchanged: 5, skipped: 0 });
    expect(await store.incidents.count()).toBe(incidents.length);

    const edited = seedFiles().map((f) =>
      f.name === S1 ? { name: f.name, bytes: Buffer.from(f.bytes.toString().replace('approximately 400 Indians', 'approximately 450 Indians')) } : f,
    );
    const third = await engine.loadBaseline(listOf(edited));
    expect(third.seeds.find((s) => s.name === S1)).toMatchObject({ status: 'reloaded', action: 'duplicate', incidentId: JULY });
    expect(third).toMatchObject({ loaded: 1, unchanged: 4 });
    const july = await store.incidents.get(JULY);
    expect(july?.figures.map((f) => [f.value.value, f.sources])).toEqual([[450, [S1]]]);
    expect(july?.sources.filter((s) => s.documentId === S1)).toHaveLength(1);
    expect(await store.incidents.count()).toBe(incidents.length);

    const retouched = edited.map((f) => (f.name === S2 ? { name: f.name, bytes: Buffer.concat([f.bytes, Buffer.from('\nUpdated.\n')]) } : f));
    const fourth = await engine.loadBaseline(listOf(retouched));
    expect(fourth.seeds.find((s) => s.name === S2)?.status).toBe('reloaded');
    expect(await store.incidents.count()).toBe(incidents.length);
    expect((await store.incidents.get('inc-20250602-timbuktu-attack'))?.sources.map((s) => s.documentId)).toEqual([S0, S2]);
  });

  it('reports empty, binary and unknown-language files by name and loads the others', async () => {
    const { engine, store } = projectEngine();
    const bad = [
      { name: '010_empty.txt', bytes: Buffer.from('  \n\n ') },
      { name: '011_binary.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xff, 0xd8]) },
      {
        name: '012_german.txt',
        bytes: Buffer.from(
          'Die Bundesregierung hat am Montag neue Regeln für den Straßenverkehr beschlossen. Die Änderungen treten im kommenden Jahr in Kraft und betreffen vor allem Radfahrer und Fußgänger in den Städten. ' +
            'Nach Angaben des Ministeriums sollen die Kommunen mehr Geld für sichere Wege erhalten, damit weniger Unfälle geschehen und mehr Menschen auf das Auto verzichten können.',
        ),
      },
    ];
    const report = await engine.loadBaseline(listOf([...seedFiles(), ...bad]));
    expect(report).toMatchObject({ loaded: 5, skipped: 3 });
    expect(report.seeds.filter((s) => s.status === 'skipped').map((s) => [s.name, s.error?.code])).toEqual([
      ['010_empty.txt', 'empty_seed'],
      ['011_binary.txt', 'binary_seed'],
      ['012_german.txt', 'unknown_language'],
    ]);
    expect(formatSeedReport(report)).toContain('skipped 012_german.txt: 012_german.txt:');
    expect(await store.incidents.get(JULY)).toBeDefined();
  });

  it('prints a table that names each incident, its sources and the claims side by side', async () => {
    const { incidents } = await loaded();
    const table = formatBaselineTable(incidents);
    expect(table.split('\n')[0]).toMatch(/^ID\s+DATE\s+TYPE\s+SEV\s+WHERE\s+VICTIMS\s+SOURCES$/);
    expect(table).toMatch(new RegExp(`${JULY}\\s+2025-07-01\\s+kidnapping\\s+4\\s+Kayes, ML\\s+3 Indian hostage\\s+4`));
    expect(table).toContain(`actor: JNIM claimed [${S4}]`);
    expect(table).toContain(`figure: 400 Indians living in Mali [${S1}]`);
  });
});
