import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogs, parseCatalogs } from '../../../src/config/catalogs.js';

const configDir = fileURLToPath(new URL('../../../config', import.meta.url));

const town = { id: 'ml-kayes', name: 'Kayes', names: ['Kayes'], kind: 'town', region: 'ml-r-kayes', country: 'ml', lat: 14.45, lon: -11.44 };
const region = { id: 'ml-r-kayes', name: 'Kayes', names: ['Kayes'], kind: 'region', country: 'ml', lat: 14.45, lon: -11.44 };
const mali = { id: 'ml', name: 'Mali', names: ['Mali'], kind: 'country', country: 'ml', lat: 17.57, lon: -3.99 };
const actors = { actors: [{ id: 'jnim', name: 'JNIM', kind: 'armed_group', aliases: ['JNIM'] }] };

describe('parseCatalogs', () => {
  it('accepts a small valid pair and keeps absent optional keys absent', () => {
    const parsed = parseCatalogs({ gazetteer: { entries: [mali, region, town] }, actors });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.gazetteer.entries[0]).not.toHaveProperty('region');
    expect(parsed.value.gazetteer.entries[2]).toMatchObject({ region: 'ml-r-kayes' });
    expect(parsed.value.actors.actors[0]?.id).toBe('jnim');
  });

  it('refuses duplicate ids, unknown regions and bad country codes with their paths', () => {
    const duplicate = parseCatalogs({ gazetteer: { entries: [mali, region, region] }, actors });
    expect(!duplicate.ok && duplicate.error.code).toBe('invalid_gazetteer');
    expect(!duplicate.ok && duplicate.error.message).toContain('entries.2.id: duplicate id ml-r-kayes');

    const orphan = parseCatalogs({ gazetteer: { entries: [mali, town] }, actors });
    expect(!orphan.ok && orphan.error.message).toContain('unknown region ml-r-kayes');

    const badCountry = parseCatalogs({ gazetteer: { entries: [{ ...mali, country: 'MLI' }] }, actors });
    expect(!badCountry.ok && badCountry.error.message).toContain('entries.0.country');
  });

  it("gives the towns of a region carved out of another that one as their former region, and refuses a former region anywhere else", () => {
    const nioro = { ...region, id: 'ml-r-nioro', name: 'Nioro', names: ['Nioro'], formerRegion: 'ml-r-kayes' };
    const diema = { ...town, id: 'ml-diema', name: 'Diéma', names: ['Diéma'], region: 'ml-r-nioro' };
    const parsed = parseCatalogs({ gazetteer: { entries: [mali, region, town, nioro, diema] }, actors });
    expect(parsed.ok && parsed.value.gazetteer.entries.map((e) => e.formerRegion)).toEqual([undefined, undefined, undefined, 'ml-r-kayes', 'ml-r-kayes']);
    const onTown = parseCatalogs({ gazetteer: { entries: [mali, region, { ...town, formerRegion: 'ml-r-kayes' }] }, actors });
    expect(!onTown.ok && onTown.error.message).toContain('entries.2.formerRegion');
    const unknown = parseCatalogs({ gazetteer: { entries: [mali, region, { ...nioro, formerRegion: 'ml-r-segou' }] }, actors });
    expect(!unknown.ok && unknown.error.message).toContain('entries.2.formerRegion');
  });

  it('refuses an actor without aliases or with an unknown kind', () => {
    const gazetteer = { entries: [mali] };
    const noAliases = parseCatalogs({ gazetteer, actors: { actors: [{ id: 'x', name: 'X', kind: 'armed_group', aliases: [] }] } });
    expect(!noAliases.ok && noAliases.error.code).toBe('invalid_actors');
    const badKind = parseCatalogs({ gazetteer, actors: { actors: [{ id: 'x', name: 'X', kind: 'militia', aliases: ['X'] }] } });
    expect(!badKind.ok && badKind.error.message).toContain('actors.0.kind');
  });
});

describe('loadCatalogs', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogs-'));
    dirs.push(dir);
    return dir;
  };

  it('loads the project catalogs', () => {
    const loaded = loadCatalogs(configDir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.gazetteer.entries.length).toBeGreaterThanOrEqual(150);
    expect(loaded.value.actors.actors.map((a) => a.id)).toEqual(expect.arrayContaining(['jnim', 'is-sahel', 'fama', 'in-mea', 'in-embassy-bamako']));
  });

  it('tells a missing file from broken JSON', () => {
    const empty = scratch();
    const missing = loadCatalogs(empty);
    expect(!missing.ok && missing.error.code).toBe('file_unreadable');

    const broken = scratch();
    writeFileSync(join(broken, 'gazetteer.json'), '{ "entries": [');
    writeFileSync(join(broken, 'actors.json'), JSON.stringify(actors));
    const invalid = loadCatalogs(broken);
    expect(!invalid.ok && invalid.error.code).toBe('invalid_json');
  });
});
