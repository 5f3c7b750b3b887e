import { describe, expect, it } from 'vitest';
import { compileActors, extractActors } from '../../../../src/domain/extract/actors.js';
import type { ActorFact, EventType } from '../../../../src/domain/model.js';
import { allBackground, makeDocument, notBackground, projectCatalogs, sentenceDocument } from './make-document.js';

const { actors: catalog } = projectCatalogs();

function roles(text: string, mainType?: EventType): string[] {
  return summary(extractActors(sentenceDocument(text), catalog, mainType, notBackground));
}

function summary(facts: readonly ActorFact[]): string[] {
  return facts.map((a) => `${a.id}:${a.role}:${a.about}`);
}

describe('extractActors', () => {
  it('knows JNIM by its many names and transliterations', () => {
    for (const name of [
      'JNIM', 'GSIM', "Jama'at Nusrat al-Islam wal-Muslimin", 'Jama’a Nusrat ul-Islam wa al-Muslimin',
      'Jamaat Nusrat al-Islam wal Muslimin', 'Jama’at Nusrat al-Islam al-Muslimin', 'Groupe de soutien à l’islam et aux musulmans',
    ]) {
      expect(roles(`Fighters of ${name} were seen.`), name).toEqual(['jnim:mentioned:other']);
    }
    expect(roles('EIGS fighters were seen.')).toEqual(['is-sahel:mentioned:other']);
    expect(roles('The Islamic State in the Greater Sahara was active.')).toEqual(['is-sahel:mentioned:other']);
    // News of the region means the Sahel province by "Islamic State" alone, unless it names another.
    expect(roles('Islamic State fighters were seen.')).toEqual(['is-sahel:mentioned:other']);
    expect(roles("Des combattants de l'État islamique ont été vus.")).toEqual(['is-sahel:mentioned:other']);
    expect(roles('The Islamic State West Africa Province was active.')).toEqual(['iswap:mentioned:other']);
  });

  it('wants acronyms written as acronyms', () => {
    expect(roles('He said mea culpa.')).toEqual([]);
    expect(roles('The MEA said nothing.')).toEqual(['in-mea:spoke:other']);
    expect(roles('Le Jnim a attaqué.')).toEqual(['jnim:mentioned:other']);
  });

  it('does not take a local facility for a group that shares its acronym', () => {
    expect(roles('The wounded were taken to the CMA de Nouna after the attack.')).toEqual([]);
    expect(roles('The CMA condemned the attack on the town.').map((r) => r.split(':')[0])).toEqual(['fla']);
  });

  it('tells a claim about the kidnapping from a claim about other attacks', () => {
    expect(roles('JNIM, a group aligned with al-Qaeda, claimed responsibility for the coordinated attacks in multiple towns.')).toEqual([
      'jnim:claimed:other',
    ]);
    const doc = makeDocument(
      'Three Indians kidnapped by JNIM',
      'Three Indian nationals were kidnapped on July 1 by JNIM. The terror group took responsibility for the kidnapping after attacking the premises',
    );
    expect(summary(extractActors(doc, catalog, undefined, notBackground))).toEqual([
      'jnim:suspected:main', 'jnim:suspected:main', 'jnim:claimed:main',
    ]);
  });

  it('keeps both halves of "claimed the attacks but not the abduction"', () => {
    expect(
      roles('While JNIM has claimed responsibility for the broader attacks, the group has not yet claimed responsibility for the abduction.'),
    ).toEqual(['jnim:claimed:other', 'jnim:not_claimed:main']);
  });

  it('records an unclaimed kidnapping as "no group", apart from the suspect', () => {
    expect(
      roles(
        'While no entity has formally claimed responsibility for the kidnapping of the Indian workers, the timing and context strongly suggest involvement of JNIM, a group affiliated with al-Qaeda.',
      ),
    ).toEqual(['unknown:not_claimed:main', 'jnim:suspected:main']);
    expect(roles('Was JNIM behind the abduction?')).toEqual(['jnim:suspected:main']);
  });

  it('reads claims in French', () => {
    expect(roles("Le JNIM a revendiqué l'enlèvement des cinq ressortissants.")).toEqual(['jnim:claimed:main']);
    expect(roles("L'enlèvement n'a pas été revendiqué.")).toEqual(['unknown:not_claimed:main']);
    expect(roles("Aucun groupe n'a revendiqué le rapt.")).toEqual(['unknown:not_claimed:main']);
    expect(roles("L'attaque est attribuée au JNIM.", 'attack')).toEqual(['jnim:suspected:main']);
    expect(roles("Selon l'armée malienne, l'attaque a été repoussée.", 'attack')).toEqual(['fama:spoke:main']);
  });

  it('does not take a death toll or an army communique for a claim of responsibility', () => {
    expect(roles('The JNIM attack claimed the lives of twelve soldiers.')).toEqual(['jnim:mentioned:other']);
    expect(roles('The Malian army said it had repelled the attacks, claiming to have neutralised more than 80 militants.')).toEqual([
      'fama:spoke:other',
    ]);
  });

  it('records who condemned and who spoke, and leaves the others mentioned', () => {
    expect(
      roles('The Government of India condemns this act and calls upon the Government of the Republic of Mali to secure the release of the abducted Indian nationals.'),
    ).toEqual(['in-gov:condemned:main', 'ml-gov:mentioned:main']);
    expect(roles('According to a press release from the Ministry of External Affairs (MEA), the kidnapping took place on July 1.')).toEqual([
      'in-mea:spoke:main',
    ]);
  });

  it('resolves "it" and "the embassy" to the actor named before', () => {
    const doc = makeDocument('Statement', 'The Embassy of India in Bamako is aware of the kidnapping. The embassy said it was working with the company');
    expect(summary(extractActors(doc, catalog, undefined, notBackground))).toEqual([
      'in-embassy-bamako:mentioned:main',
      'in-embassy-bamako:spoke:other',
    ]);
  });

  it('does not take "the embassy of China" for the embassy named before', () => {
    const doc = makeDocument('Statement', "The Indian Embassy in Bamako is aware of the kidnapping. L'ambassade de Chine a confirmé l'enlèvement");
    expect(summary(extractActors(doc, catalog, undefined, notBackground))).toEqual(['in-embassy-bamako:mentioned:main']);
  });

  it('takes the main event type into account', () => {
    expect(roles('JNIM claimed responsibility for the attack on the Kati camp.', 'attack')).toEqual(['jnim:claimed:main']);
    expect(roles('JNIM claimed responsibility for the attack on the Kati camp.', 'kidnapping')).toEqual(['jnim:claimed:other']);
  });

  it('never ties a sentence that recalls the past to the main event', () => {
    const doc = sentenceDocument('Earlier this year, JNIM claimed the kidnapping of three Indians.');
    expect(summary(extractActors(doc, catalog, undefined, allBackground))).toEqual(['jnim:claimed:other']);
  });

  it('compiles once per catalog object', () => {
    expect(compileActors(catalog)).toBe(compileActors(catalog));
  });
});
