import { describe, expect, it } from 'vitest';
import type { EventFact, EventType, Lang } from '../../../../src/domain/model.js';
import { extractEvents } from '../../../../src/domain/extract/events.js';
import { documentOf, seedDocument } from '../text/seed-documents.js';

/** Events of a one-paragraph document, sentence 0 (the title) left out. */
function events(body: string, lang: Lang = 'en'): EventFact[] {
  const doc = documentOf(body, { title: 'Report', lang: lang === 'und' ? 'xx' : lang });
  return extractEvents({ ...doc, lang }).filter((e) => e.evidence.sentence > 0);
}

function types(body: string, lang: Lang = 'en'): EventType[] {
  return events(body, lang).map((e) => e.type).sort();
}

describe('English triggers', () => {
  it.each([
    ['Three Indian nationals were kidnapped at the factory.', ['kidnapping']],
    ['Gunmen abducted two workers.', ['kidnapping']],
    ['The workers were taken hostage during the raid.', ['attack', 'kidnapping']],
    ['The group forcibly took three Indian nationals as hostages.', ['kidnapping']],
    ['Armed assailants attacked the Diamond Cement Factory.', ['attack']],
    ['Fighters stormed Djibo in an assault at dawn.', ['attack']],
    ['A separate raid killed at least 30 soldiers.', ['attack', 'killing']],
    ['On June 12, the group claimed to have taken over a military post in Basso.', ['attack']],
    ['He took over the ministry in June.', []],
    ['The deaths of over 30 soldiers were confirmed; ten more died later.', ['killing']],
    ['The mayor was shot dead on Sunday and his driver gunned down.', ['killing']],
    ['Gunmen assassinated the village chief.', ['killing']],
    ['JNIM imposed a blockade on the roads and encircled the town.', ['blockade']],
    ['Soldiers announced a coup on national television.', ['coup']],
    ['Mutinous soldiers detained the president and seized power.', ['coup']],
    ['The junta, which seized power in 2020, dissolved the parties.', []],
    ["Mali's military government says it foiled countercoup attempt", ['coup']],
    ['Relations soured following a military coup in July 2023.', []],
    ['The law was repealed by the leaders of a coup in July.', []],
    ['President Kabore was detained at a military camp, sources said.', ['coup']],
    ['Burkina Faso President Roch Marc Kabore has been detained by soldiers.', ['coup']],
    ['Mali: president, prime minister and defence minister arrested, sources say', ['coup']],
    ['The president said two suspects were arrested after the attack.', ['attack']],
    ['Soldiers deposed the president on Friday evening.', ['coup']],
    ['The military leader was ousted by an army captain.', ['coup']],
    ['Protesters set fire to the gate of the French embassy.', ['attack']],
    ['The British embassy will temporarily reduce the number of staff.', ['evacuation']],
    ['JNIM claimed responsibility for the coordinated attacks.', ['attack', 'claim']],
    ['The terror group took responsibility for the kidnapping.', ['claim', 'kidnapping']],
    ['The hostages were released on Friday and freed workers flew home.', ['kidnapping', 'release']],
    ['An Italian family is back in Rome following two years of captivity in Mali.', ['release']],
    ['Militants free two Emirati hostages in Mali.', ['release']],
    ['The Swedish hostage is free at last.', ['kidnapping', 'release']],
    ['Two hostages were found safe and sound in Mali.', ['kidnapping', 'release']],
    ['The couple escaped their captors and reached UN peacekeepers.', ['release']],
    ['The three hostages are now free, according to the ministry.', ['kidnapping', 'release']],
    ['JNIM frees an Italian priest.', ['release']],
    ['Mali holds free and fair elections.', []],
    ['Soldiers rescued the two workers.', ['rescue']],
    ['JNIM is demanding ransom.', ['ransom']],
    ['Negotiations with the group are under way.', ['negotiation']],
    ['The Government of India unequivocally condemns this act, the MEA said in a statement.', ['statement']],
    ['According to a press release from the ministry, nothing changed.', ['statement']],
    ['All Indian citizens have been advised to exercise utmost caution.', ['advisory']],
    ['The UK advises against all travel to Mali; the US says Do Not Travel.', ['advisory']],
    ['Staff were evacuated to Bamako.', ['evacuation']],
    ['India told its citizens to leave Niger as soon as possible.', ['evacuation']],
    ['Heavy fighting broke out near the border.', ['attack']],
    ['Rebels clashed with the army; gunfights went on for hours.', ['attack']],
    ['Gunmen opened fire on the convoy.', ['attack']],
    ['A drone strike hit the camp after days of shelling.', ['attack']],
    ['The army seized control of Kidal, a rebel stronghold.', ['attack']],
    ['Mass graves were found near the village; witnesses spoke of summary executions.', ['killing']],
  ] as const)('%s', (body, expected) => {
    expect(types(body)).toEqual([...expected]);
  });

  it('matches whole words only', () => {
    expect(types('The deadline passed; skilled raiders stayed at the hostel in Paradise Street.')).toEqual([]);
  });

  it('reads word boundaries as a regular expression does, around underscores and letters past ASCII', () => {
    expect(types('See hostage_kidnapped.txt for the workers who were attacked.')).toEqual(['attack']);
    expect(types('Les otages ont été libérés ; «kidnappés» disait le titre.', 'fr')).toEqual(['kidnapping', 'release']);
    expect(types('Ωkidnapped workers were found.')).toEqual(['kidnapping']);
  });
});

describe('French triggers', () => {
  it.each([
    ['Cinq ressortissants indiens ont été enlevés jeudi.', ['kidnapping']],
    ["L'enlèvement a eu lieu à Kobri.", ['kidnapping']],
    ['Deux travailleurs ont été pris en otage.', ['kidnapping']],
    ['Le rapt a été confirmé par les otages libérés.', ['kidnapping', 'release']],
    ['La famille est rentrée à Rome après deux ans de captivité.', ['release']],
    ['Sophie Pétronin : enfin libre, après 1 384 jours de détention.', ['release']],
    ['Les deux otages ont été retrouvés sains et saufs au Mali.', ['kidnapping', 'release']],
    ['Le couple s’est échappé de ses ravisseurs.', ['release']],
    ['Les deux otages sont libres depuis dimanche.', ['kidnapping', 'release']],
    ['Le Mali crée une zone libre-échange.', []],
    ['Les ravisseurs libèrent deux Italiens.', ['kidnapping', 'release']],
    ['Vingt-quatre civils ont péri dans l’explosion.', ['killing']],
    ['Le député-maire a été abattu avec trois de ses collaborateurs.', ['killing']],
    ['Le président Damiba a été destitué par des militaires.', ['coup']],
    ['Le chef du village a été assassiné ; son assassinat choque la région.', ['killing']],
    ['Des hommes armés ont attaqué le camp lors d’un assaut nocturne.', ['attack']],
    ['Douze soldats ont été tués et trois autres sont morts.', ['killing']],
    ['Le JNIM impose un blocus sur Kayes.', ['blockade']],
    ["Des militaires ont pris le pouvoir lors d'un coup d'État.", ['coup']],
    ['La junte qui a pris le pouvoir en 2020 dissout les partis.', []],
    ['Mali : les militaires reprennent le pouvoir', ['coup']],
    ['Mohamed Bazoum confronté à une tentative de prise de pouvoir par la force', ['coup']],
    ["Au Niger, l'armée affirme avoir renversé Mohamed Bazoum", ['coup']],
    ["Des soldats avaient prévu un assaut sur la présidence afin de tenter de s’emparer du pouvoir.", ['attack', 'coup']],
    ["Le film de l'arrestation du président de la transition", ['coup']],
    ['Les militaires détiennent le président Roch Kaboré.', ['coup']],
    ["L'ambassade de France prise pour cible par des manifestants.", ['attack']],
    ["Une partie de l'ambassade est en feu.", ['attack']],
    ['Le cessez-le-feu est respecté.', []],
    ["L'ambassade va réduire son personnel au strict minimum.", ['evacuation']],
    ['Pénuries de carburant après le blocage des camions-citernes par le JNIM.', ['blockade']],
    ['Le blocage politique persiste au Parlement.', []],
    ["Le JNIM a revendiqué l'attaque.", ['attack', 'claim']],
    ['Les ravisseurs réclament une rançon.', ['kidnapping', 'ransom']],
    ['Des négociations sont en cours.', ['negotiation']],
    ['Le ministère a publié un communiqué.', ['statement']],
    ['Consultez les conseils aux voyageurs.', ['advisory']],
    ['Les ressortissants ont été évacués vers Dakar.', ['evacuation']],
    ["De violents combats ont opposé l'armée aux rebelles.", ['attack']],
    ['Des affrontements et des accrochages ont été signalés.', ['attack']],
    ['Des frappes de drones ont visé le marché.', ['attack']],
    ["L'armée a pris le contrôle de Kidal.", ['attack']],
    ['Des fosses communes ont été découvertes près de Nantaka.', ['killing']],
    ['Des civils ont été exécutés sommairement par des militaires.', ['killing']],
  ] as const)('%s', (body, expected) => {
    expect(types(body, 'fr')).toEqual([...expected]);
  });

  it('reports the trigger as written, accents included', () => {
    expect(events('Cinq ressortissants indiens ont été enlevés jeudi.', 'fr')[0]?.trigger).toBe('enlevés');
  });

  it('reads both languages when the language is undetermined', () => {
    expect(types('Gunmen kidnapped two workers; deux autres ont été enlevés.', 'und')).toEqual(['kidnapping']);
    expect(types('Attaque à Kayes, raid in Gao.', 'und')).toEqual(['attack']);
  });
});

describe('denied and hoped-for events', () => {
  it.each([
    'The group has not yet claimed responsibility for the abduction.',
    'While no entity has formally claimed responsibility for the kidnapping, JNIM is suspected.',
    'JNIM has yet to claim responsibility.',
    "L'enlèvement n'a pas encore été revendiqué.",
    'Aucun groupe n’a revendiqué l’attaque.',
  ])('%s is not a claim', (body) => {
    expect(types(body, body.includes('revendiqu') ? 'fr' : 'en')).not.toContain('claim');
  });

  it('keeps the claim a sentence affirms before denying another', () => {
    const found = events('While JNIM has claimed responsibility for the broader attacks, the group has not yet claimed responsibility for the abduction.');
    expect(found.filter((e) => e.type === 'claim').map((e) => e.trigger)).toEqual(['claimed responsibility']);
  });

  it.each([
    'India calls upon Mali to take all measures to secure the safe and expeditious release of the abducted nationals.',
    'Officials remain engaged to facilitate safe and early release of Indian nationals.',
    'The embassy urged authorities to secure the immediate release of the hostages.',
    'Images released by the group showed burned buildings.',
    'The authorities have not released a toll.',
    'Le ministère a appelé à leur libération rapide.',
    'Efforts to rescue the workers continue.',
  ])('%s is not a release or rescue', (body) => {
    const found = types(body, body.startsWith('Le ') ? 'fr' : 'en');
    expect(found).not.toContain('release');
    expect(found).not.toContain('rescue');
  });

  it.each([
    ['Les discussions entre le Bénin et le Niger sont au point mort.', 'fr'],
    ['Le code pénal prévoit la peine de mort pour les auteurs.', 'fr'],
    ['The court can impose the death penalty on the attackers.', 'en'],
  ] as const)('%s tells of no one killed', (body, lang) => {
    expect(types(body, lang)).not.toContain('killing');
  });

  it('still takes the dead for a killing', () => {
    expect(types('Le bilan fait état de trois morts au point de contrôle.', 'fr')).toContain('killing');
  });

  it.each([
    ["L'ambassade des États-Unis alerte sur un risque d'attaque terroriste à Bamako.", 'fr'],
    ['Les États-Unis mettent en garde contre une attaque terroriste à Bamako.', 'fr'],
    ['Les États-Unis alertent contre une probable attaque terroriste.', 'fr'],
    ['The US embassy warned of a possible attack on hotels in Bamako.', 'en'],
    ['The embassy warns of attacks on places frequented by Westerners.', 'en'],
  ] as const)('%s tells of an attack warned of, not of one', (body, lang) => {
    expect(types(body, lang)).not.toContain('attack');
  });

  it.each([
    ['Les zones rouges sont formellement déconseillées, en raison d’un risque très sérieux d’enlèvement.', 'fr'],
    ['Travellers face a high risk of kidnapping in the north.', 'en'],
  ] as const)('%s tells of a kidnapping warned of, not of one', (body, lang) => {
    expect(types(body, lang)).not.toContain('kidnapping');
  });

  it('still takes a kidnapping that happened for one', () => {
    expect(types('Despite the risks, gunmen kidnapped two engineers near Kayes.')).toContain('kidnapping');
  });

  it('still takes an attack that happened for one', () => {
    expect(types('Gunmen attacked a hotel in Bamako; the embassy warned its citizens.')).toContain('attack');
    expect(types('La Garde nationale a été attaquée près de Tillabéri.', 'fr')).toContain('attack');
  });

  it('does not take a denied kidnapping for one', () => {
    expect(types('The Indian workers are not being kidnapped because of their nationality.')).toEqual([]);
  });
});

describe('facts', () => {
  it('gives one fact per type and sentence, with evidence and the background flag', () => {
    const found = events('Earlier this year, three Indian nationals were kidnapped and later abducted again.');
    expect(found).toEqual([{
      type: 'kidnapping',
      trigger: 'kidnapped',
      background: true,
      evidence: { sentence: 1, text: 'Earlier this year, three Indian nationals were kidnapped and later abducted again.' },
    }]);
  });

  it('finds the events of seed 000 in the title and lead', () => {
    const doc = seedDocument('000');
    const lead = extractEvents(doc).filter((e) => doc.sentences[e.evidence.sentence]?.lead);
    expect(new Set(lead.map((e) => e.type))).toEqual(new Set(['kidnapping', 'attack']));
    expect(lead.every((e) => !e.background)).toBe(true);
  });

  it('finds the claim of seed 004 and no claim in the denial of seed 002', () => {
    const claims004 = extractEvents(seedDocument('004')).filter((e) => e.type === 'claim');
    expect(claims004.map((e) => e.trigger)).toEqual(['took responsibility']);
    const doc002 = seedDocument('002');
    const denial = doc002.sentences.find((s) => s.text.startsWith('While no entity has formally claimed'));
    expect(denial).toBeDefined();
    const atDenial = extractEvents(doc002).filter((e) => e.evidence.sentence === denial?.index);
    expect(atDenial.map((e) => e.type)).toEqual(['kidnapping']);
  });

  it('marks the recalled kidnapping of seed 003 as background', () => {
    const recalled = extractEvents(seedDocument('003')).filter((e) => e.evidence.text.startsWith('Earlier this year'));
    expect(recalled).toMatchObject([{ type: 'kidnapping', trigger: 'kidnapped', background: true }]);
  });

  it('finds no release in the seeds, which only ask for one', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      expect(extractEvents(seedDocument(prefix)).filter((e) => e.type === 'release')).toEqual([]);
    }
  });
});
