import { describe, expect, it } from 'vitest';
import { extractSites, isGenericSiteKey, sameKindOfSite } from '../../../../src/domain/extract/sites.js';
import { allBackground, notBackground, sentenceDocument } from './make-document.js';

function sites(text: string): string[] {
  return extractSites(sentenceDocument(text), notBackground).map((s) => `${s.name}=${s.key}`);
}

describe('extractSites', () => {
  it('gives "Diamond Cement Factory" and "Diamond Cement" the same key', () => {
    expect(sites('Armed assailants attacked the Diamond Cement Factory in Kayes.')).toEqual(['Diamond Cement Factory=diamond cement']);
    expect(sites('The embassy is in contact with the management of Diamond Cement.')).toEqual(['Diamond Cement=diamond cement']);
  });

  it('reads named mines with their commodity', () => {
    expect(sites('Gunmen raided the Sadiola gold mine.')).toEqual(['Sadiola gold mine=sadiola gold']);
  });

  it('reads generic sites in English and French, with English keys', () => {
    expect(sites('They were abducted from a cement factory in Mali.')).toEqual(['cement factory=cement factory']);
    expect(sites('Attackers stormed a gold mine near Kéniéba.')).toEqual(['gold mine=gold mine']);
    expect(sites("Trois ouvriers d'une usine de ciment ont été enlevés.")).toEqual(['usine de ciment=cement factory']);
    expect(sites("Des hommes armés ont attaqué une mine d'or.")).toEqual(["mine d'or=gold mine"]);
  });

  it('names hotels, restaurants and resorts by their names, written before or after the noun', () => {
    expect(sites('Officials said 12 people died at Byblos Hotel in Sevare.')).toEqual(['Byblos Hotel=byblos']);
    expect(sites("Des hommes armés ont pénétré dans l'hôtel Byblos de Sévaré.")).toEqual(['hôtel Byblos=byblos']);
    expect(sites('Gunmen stormed the Radisson Blu hotel in Bamako.')).toEqual(['Radisson Blu hotel=radisson blu']);
    expect(sites("L'attaque du restaurant Aziz Istanbul a fait 18 morts.")).toEqual(['restaurant Aziz Istanbul=aziz istanbul']);
    expect(sites('Des assaillants ont attaqué le Campement Kangaba.')).toEqual(['Campement Kangaba=kangaba']);
    expect(sites('The hotel was closed and a restaurant nearby stayed empty.')).toEqual([]);
  });

  it('leaves out words that only look like sites', () => {
    expect(sites('Factory workers went on strike.')).toEqual([]);
    expect(sites('Indians work in retail, mining, and the steel and cement industries.')).toEqual([]);
    expect(sites('The terror group attacked the premises of the factory.')).toEqual([]);
  });

  it('takes neither a nationality nor a sentence-opening determiner for a site name', () => {
    expect(sites('Gunmen seized workers of an Indian company near Kayes.')).toEqual([]);
    expect(sites('Semafo reports fatalities from attack near Burkina Faso mine')).toEqual([]);
    expect(sites('A convoy carrying workers of Canadian gold miner Semafo was attacked.')).toEqual([]);
    expect(sites('Some oil importers have stopped deliveries.')).toEqual([]);
    expect(sites("Dans sa revendication, l'EI n'évoque pas les victimes.")).toEqual([]);
    expect(sites('Staff of the Sadiola gold mine were evacuated.')).toEqual(['Sadiola gold mine=sadiola gold']);
  });

  it('flags sites in sentences that recall the past', () => {
    const doc = sentenceDocument('Earlier this year, three workers from the Diamond Cement Factory were kidnapped.');
    expect(extractSites(doc, allBackground)[0]).toMatchObject({ key: 'diamond cement', background: true });
  });
});

describe('isGenericSiteKey', () => {
  it('tells a kind of site from a named one', () => {
    expect(isGenericSiteKey('cement factory')).toBe(true);
    expect(isGenericSiteKey('gold mine')).toBe(true);
    expect(isGenericSiteKey('diamond cement')).toBe(false);
  });
});

describe('sameKindOfSite', () => {
  it('takes two words for a mine for one kind of site, and a mine and a factory for two', () => {
    expect(sameKindOfSite('gold mine', 'mining site')).toBe(true);
    expect(sameKindOfSite('cement factory', 'factory')).toBe(true);
    expect(sameKindOfSite('gold mine', 'cement factory')).toBe(false);
    expect(sameKindOfSite('mining site', 'cement facility')).toBe(false);
  });
});
