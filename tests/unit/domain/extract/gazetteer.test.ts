import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGazetteer, placeById } from '../../../../src/domain/extract/gazetteer.js';
import { projectCatalogs } from './make-document.js';

const { gazetteer } = projectCatalogs();

/** Rough bounding boxes [south, north, west, east] of the countries in the gazetteer. */
const BOXES: Record<string, readonly [number, number, number, number]> = {
  ml: [10.1, 25.1, -12.3, 4.3],
  bf: [9.4, 15.1, -5.6, 2.5],
  ne: [11.6, 23.6, 0.1, 16.0],
  sn: [12.3, 16.7, -17.6, -11.3],
  mr: [14.7, 27.3, -17.1, -4.8],
  dz: [18.9, 37.1, -8.7, 12.0],
  gn: [7.1, 12.7, -15.1, -7.6],
  ci: [4.3, 10.8, -8.6, -2.4],
  bj: [6.1, 12.5, 0.7, 3.9],
  tg: [6.0, 11.2, -0.2, 1.9],
  gh: [4.7, 11.2, -3.3, 1.3],
  ng: [4.2, 13.9, 2.6, 14.7],
  td: [7.4, 23.5, 13.4, 24.0],
};

describe('the gazetteer', () => {
  it('holds well over 150 places with unique ids', () => {
    const ids = gazetteer.entries.map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('places every entry inside its country', () => {
    const outside = gazetteer.entries.filter((e) => {
      const box = BOXES[e.country];
      return !box || e.lat < box[0] || e.lat > box[1] || e.lon < box[2] || e.lon > box[3];
    });
    expect(outside.map((e) => e.id)).toEqual([]);
  });

  it('links towns and cercles to regions of the same country', () => {
    for (const entry of gazetteer.entries.filter((e) => e.region !== undefined)) {
      const region = placeById(gazetteer, entry.region as string);
      expect(region?.kind, entry.id).toBe('region');
      expect(region?.country, entry.id).toBe(entry.country);
    }
  });

  it('covers the regions of 2023 and the localities in the news', () => {
    const regions = ['kayes', 'koulikoro', 'sikasso', 'segou', 'mopti', 'tombouctou', 'gao', 'kidal', 'menaka', 'taoudenit',
      'nioro', 'kita', 'dioila', 'nara', 'bougouni', 'koutiala', 'san', 'douentza', 'bandiagara', 'bamako'];
    for (const r of regions) expect(placeById(gazetteer, `ml-r-${r}`)?.kind, r).toBe('region');
    const towns = ['kayes', 'diboli', 'sandare', 'gogui', 'kobri', 'nioro', 'niono', 'molodo', 'tombouctou', 'boulkessi', 'bamako',
      'kati', 'djenne', 'mopti', 'sevare', 'gao', 'menaka', 'kidal', 'tessalit', 'lere', 'dioura', 'farabougou', 'ansongo',
      'boni', 'hombori', 'diafarabe', 'segou', 'san', 'kolokani', 'yelimane', 'diema', 'kenieba', 'sadiola'];
    for (const t of towns) expect(placeById(gazetteer, `ml-${t}`)?.kind, t).toBe('town');
    for (const id of ['bf-djibo', 'bf-fada-ngourma', 'ne-tillaberi', 'ne-sakoira', 'ne-assamaka', 'bj-karimama', 'bj-park-w', 'tg-kpendjal', 'ng-kainji']) {
      expect(placeById(gazetteer, id), id).toBeDefined();
    }
  });

  it('keeps the town and the region of Kayes apart', () => {
    expect(placeById(gazetteer, 'ml-kayes')).toMatchObject({ kind: 'town', region: 'ml-r-kayes', country: 'ml' });
    expect(placeById(gazetteer, 'ml-r-kayes')).toMatchObject({ kind: 'region', country: 'ml' });
  });

  it('compiles once per catalog object', () => {
    expect(compileGazetteer(gazetteer)).toBe(compileGazetteer(gazetteer));
    expect(compileGazetteer({ entries: gazetteer.entries })).not.toBe(compileGazetteer(gazetteer));
  });

  it('is the file the bot reads', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../../config/gazetteer.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    expect(raw.entries).toHaveLength(gazetteer.entries.length);
  });
});
