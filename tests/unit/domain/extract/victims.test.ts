import { describe, expect, it } from 'vitest';
import { extractVictims } from '../../../../src/domain/extract/victims.js';
import { allBackground, makeDocument, notBackground, sentenceDocument } from './make-document.js';

function victims(text: string): string[] {
  return extractVictims(sentenceDocument(text), notBackground).map((v) => `${v.count}|${v.nationality ?? '-'}|${v.role}`);
}

describe('extractVictims', () => {
  it('reads hostages with their count and nationality', () => {
    expect(victims('Three Indian nationals were abducted from a cement factory in Mali.')).toEqual(['3|Indian|hostage']);
    expect(victims('Three Indians Kidnapped in Mali Amid Coordinated Attacks')).toEqual(['3|Indian|hostage']);
    expect(victims('The three Indians, employed at the factory, were taken hostage during the raid.')).toEqual(['3|Indian|hostage']);
    expect(victims('Gunmen forcibly took three Indian nationals as hostages.')).toEqual(['3|Indian|hostage']);
    expect(victims('The embassy is aware of the kidnapping of five of our nationals in Mali.')).toEqual(['5|-|hostage']);
    expect(
      victims('Three Indian nationals who were employed at the Diamond Cement Factory in Kayes, Republic of Mali, were kidnapped on July 1.'),
    ).toEqual(['3|Indian|hostage']);
  });

  it('does not take the people who did what a French participle after "avoir" tells for its victims', () => {
    expect(victims('Les forces françaises ont libéré cinq travailleurs humanitaires.')).toEqual(['5|-|released']);
    expect(victims('Les deux Français ont été libérés.')).toEqual(['2|French|released']);
    expect(victims('Les deux Français ont disparu dimanche.')).toEqual(['2|French|missing']);
  });

  it('reads what a participle opening the sentence or a headline after its colon says befell the people after its first comma', () => {
    expect(victims('Mali : Libérés après 39 jours de captivité, deux Égyptiens racontent leur calvaire')).toEqual(['2|Egyptian|released']);
    expect(victims('Freed after months in captivity, two Italians recount their ordeal')).toEqual(['2|Italian|released']);
    // Not people a later clause names.
    expect(victims('Libérés après 39 jours, ils racontent que deux Égyptiens étaient avec eux.')).toEqual([]);
  });

  it('reads what befell people after an adverb, and "libres" as freed', () => {
    expect(victims('Enlevés début novembre : trois Égyptiens désormais libres')).toEqual(['3|Egyptian|released']);
    expect(victims('Two Italians still missing in Mali, their families say')).toEqual(['2|Italian|missing']);
  });

  it('reads a noun for people qualified by another noun, but not an age', () => {
    expect(victims('Four Moroccan truck drivers were kidnapped on the road to Téra.')).toEqual(['4|Moroccan|hostage']);
    expect(victims('Three Indian cement factory workers were abducted.')).toEqual(['3|Indian|hostage']);
    expect(victims('The 66-year-old woman was abducted from her home.')).toEqual([]);
    // A year after a month or "in" is a date, whatever noun follows it.
    expect(victims('Elle a été enlevée le 24 décembre 2016 par des hommes armés à Gao.')).toEqual([]);
    expect(victims('She was kidnapped in 2016 by armed men.')).toEqual([]);
    expect(victims('A German priest was kidnapped in Bamako.')).toEqual(['1|German|hostage']);
    expect(victims('Un journaliste français a été enlevé à Gao.')).toEqual(['1|French|hostage']);
    expect(victims('Le journaliste français Olivier Dubois a été libéré.')).toEqual(['1|French|released']);
    expect(victims('Le président malien a été reçu.')).toEqual([]);
    expect(victims('Two citizens of the United Arab Emirates were kidnapped in Mali.')).toEqual(['2|Emirati|hostage']);
    expect(victims('A U.S. aid worker was kidnapped in Niger.')).toEqual(['1|American|hostage']);
    expect(victims('Two UAE nationals were kidnapped near Bamako.')).toEqual(['2|Emirati|hostage']);
    expect(victims('An Australian surgeon was kidnapped in Djibo.')).toEqual(['1|Australian|hostage']);
    expect(victims('The kidnapped Italian family was freed.')).toEqual(['null|Italian|released']);
    expect(victims('Three U.S. Green Berets were killed in the ambush.')).toEqual(['3|American|killed']);
    expect(victims('Dix casques bleus ont été tués à Aguelhok.')).toEqual(['10|-|killed']);
    expect(victims('Le combattant Ladji Yoro et trois autres VDP ont été tués dans une embuscade.')).toEqual(['3|-|killed']);
    expect(victims('Quatre volontaires pour la défense de la patrie ont été tués à Titao.')).toEqual(['4|-|killed']);
    expect(victims('Trois ressortissants de la Chine ont été enlevés.')).toEqual(['3|Chinese|hostage']);
  });

  it('keeps the name written right after a victim', () => {
    const named = (text: string) => extractVictims(sentenceDocument(text), notBackground).map((v) => v.names ?? []);
    expect(named('Le journaliste français Olivier Dubois a été libéré.')).toEqual([['Olivier Dubois']]);
    expect(named('A German priest, Hans-Joachim Lohre, was kidnapped in Bamako.')).toEqual([['Hans-Joachim Lohre']]);
    expect(named("L'otage américain Jeffery Woodke a été libéré.")).toEqual([['Jeffery Woodke']]);
    // A demonym after a singular article and before a name is that person.
    expect(victims("L'Américain Jeffery Woodke a été libéré.")).toEqual(['1|American|released']);
    expect(named('The Australian Ken Elliott was freed.')).toEqual([['Ken Elliott']]);
    expect(victims('The French President Emmanuel Macron said the hostages were well.')).toEqual([]);
    expect(named('Three Indian nationals were kidnapped in Kayes.')).toEqual([[]]);
    expect(named('An Indian national Was kidnapped In Kayes.')).toEqual([[]]);
  });

  it('keeps a name written before the group of one it opens, and the people a sentence counts among others', () => {
    const named = (text: string) => extractVictims(sentenceDocument(text), notBackground).map((v) => v.names ?? []);
    expect(named('Sophie Pétronin, une humanitaire française de 71 ans, a été enlevée samedi à Gao.')).toEqual([['Sophie Pétronin']]);
    expect(victims('Sophie Pétronin, une humanitaire française, a été enlevée samedi.')).toEqual(['1|French|hostage']);
    // A title or a word before the name makes it no name opening the sentence.
    expect(named('Le président Ibrahim Boubacar Keita, un homme de 70 ans, a été enlevé.')).toEqual([[]]);
    expect(victims('Une vidéo montre six otages, dont la Française Sophie Pétronin.')).toEqual(['6|-|hostage', '1|French|hostage']);
    expect(named('Une vidéo montre six otages, dont la Française Sophie Pétronin.')).toEqual([[], ['Sophie Pétronin']]);
    expect(victims('Militants killed 20 soldiers, including two Chadian officers.')).toEqual(['20|-|killed', '2|Chadian|killed']);
  });

  it('names as many people as a group counts when the names are listed right after it', () => {
    const named = (text: string) => extractVictims(sentenceDocument(text, 'fr'), notBackground).map((v) => v.names ?? []);
    expect(named('Les deux journalistes français Ghislaine Dupont et Claude Verlon ont été enlevés samedi à Kidal.')).toEqual([['Ghislaine Dupont', 'Claude Verlon']]);
    expect(named('Two Italian nationals, Nicola Chiacchio and Pier Luigi Maccalli, had been freed.')).toEqual([['Nicola Chiacchio', 'Pier Luigi Maccalli']]);
    // A list that runs short of the count or on past it is not the group's.
    expect(named('Gunmen kidnapped three Indian nationals, Ravi Kumar and Amit Singh, on Tuesday.')).toEqual([[]]);
    expect(named('Gunmen kidnapped two Indian nationals, Ravi Kumar, Amit Singh and Suresh Patel, on Tuesday.')).toEqual([[]]);
  });

  it('names the people a sentence tells were taken, killed or freed, with no group word to count them', () => {
    const told = (text: string) => extractVictims(sentenceDocument(text, 'fr'), notBackground).map((v) => [v.count, v.role, v.names]);
    expect(told('Journalist Hamadoun Nialibouly was abducted by armed men near Douentza.')).toEqual([[1, 'hostage', ['Hamadoun Nialibouly']]]);
    expect(told('Ghislaine Dupont, 57 ans, et Claude Verlon, 55 ans, journalistes à RFI, ont été tués à Kidal.')).toEqual([[2, 'killed', ['Ghislaine Dupont', 'Claude Verlon']]]);
    expect(told('Le maire de Djibo, Oumarou Dicko, a été assassiné dimanche.')).toEqual([[1, 'killed', ['Oumarou Dicko']]]);
    expect(told('Soumaïla Cissé enlevé dans la région de Tombouctou')).toEqual([[1, 'hostage', ['Soumaïla Cissé']]]);
    // A group that counts the person takes the name instead of a second count.
    expect(told('American missionary pilot Kevin Rideout was abducted from his home.')).toEqual([[1, 'hostage', ['Kevin Rideout']]]);
    expect(told('Three Indian nationals, Ravi Kumar and Amit Singh, were kidnapped.')).toEqual([[3, 'hostage', ['Ravi Kumar', 'Amit Singh']]]);
    // Not a name that a phrase is about, nor the names a sentence recalling past years lists.
    expect(told("Les proches d'Hamadoun Nialibouly, enlevé par des chasseurs, n'ont aucune nouvelle.")).toEqual([]);
    expect(told('En 2023, le groupe avait libéré ses otages, dont Olivier Dubois, le correspondant de Libération, a été relâché.')).toEqual([]);
    // An elided article is no first name: "L'Algérie libère un otage espagnol".
    expect(extractVictims(sentenceDocument('L’Algérie libère un otage espagnol', 'fr'), notBackground).flatMap((v) => v.names ?? [])).toEqual([]);
  });

  it('takes no name from a headline that capitalises every word', () => {
    const named = (title: string) => extractVictims(makeDocument(title, 'The pilot was taken from his home.'), notBackground).filter((v) => v.evidence.sentence === 0).map((v) => v.names ?? []);
    expect(named('American Missionary Pilot Kidnapped In Niger Capital')).toEqual([[]]);
    expect(named('French Journalist Olivier Dubois Kidnapped In Gao')).toEqual([[]]);
    expect(named('French journalist Olivier Dubois kidnapped in Gao')).toEqual([['Olivier Dubois']]);
  });

  it('does not count the people who did it, after "by" or "par", among the victims', () => {
    expect(victims('American missionary pilot Kevin Rideout was abducted from his home by three armed men.')).toEqual(['1|American|hostage']);
    expect(victims('Deux Italiens ont été enlevés par cinq hommes armés.')).toEqual(['2|Italian|hostage']);
  });

  it('does not count the one family that people are members of as one more person', () => {
    const french = extractVictims(sentenceDocument("Trois membres d'une famille italienne ont été libérés mardi.", 'fr'), notBackground);
    expect(french.map((v) => `${v.count}|${v.nationality ?? '-'}|${v.role}`)).toEqual(['3|Italian|released']);
    expect(victims('Three members of an Italian family were freed on Tuesday.')).toEqual(['3|Italian|released']);
    // The families of the dead are not their members.
    expect(victims('The families of two soldiers killed in the attack were told on Monday.').map((v) => v.split('|')[0])).toContain('2');
  });

  it('takes the people an opening clause of contrast counts for another event', () => {
    const facts = extractVictims(sentenceDocument("Alors que deux Français ont été enlevés jeudi à Hombori, trois touristes ont été enlevés à Tombouctou."), notBackground);
    expect(facts.map((v) => [v.count, v.nationality ?? '-', v.background])).toEqual([[2, 'French', true], [3, '-', false]]);
    expect(extractVictims(sentenceDocument('Deux Français ont été enlevés jeudi, alors que trois touristes ont fui.'), notBackground).map((v) => v.background)).toEqual([false]);
  });

  it('names the hostage a headline says was freed, by name alone', () => {
    const named = (title: string) => extractVictims(sentenceDocument(title, 'fr'), notBackground).map((v) => [v.count, v.role, v.names]);
    expect(named('Libération de Sophie Pétronin : la fin de quatre ans de captivité')).toEqual([[1, 'released', ['Sophie Pétronin']]]);
    expect(named('Sophie Pétronin : enfin libre')).toEqual([[1, 'released', ['Sophie Pétronin']]]);
    expect(named('Mali frees opposition leader Soumaïla Cissé')).toEqual([[1, 'released', ['Soumaïla Cissé']]]);
    expect(named('Olivier Dubois libéré')).toEqual([[1, 'released', ['Olivier Dubois']]]);
    // Towns and countries freed are no hostages, and a body sentence is no headline.
    expect(named('Libération de Tombouctou par les armées française et malienne')).toEqual([]);
    expect(named('Liberation of Burkina Faso')).toEqual([]);
    // A nationality or a country is nobody's name.
    const names = (title: string) => extractVictims(sentenceDocument(title, 'fr'), notBackground).flatMap((v) => v.names ?? []);
    expect(names('Un Australien libéré 7 ans après son enlèvement')).toEqual([]);
    expect(names('Militants release Western Australia woman')).toEqual([]);
    expect(extractVictims(makeDocument('Report', 'Olivier Dubois libéré'), notBackground)).toEqual([]);
    // Who freed them is not whom, and a headline that capitalises every word marks no names.
    expect(named('Hostage released by Al Qaeda, ministry says')).toEqual([]);
    expect(named('Two Hostages In West Africa Released')).toEqual([[2, 'released', undefined]]);
  });

  it('counts one person named by their trade', () => {
    expect(victims('An Australian doctor held captive for seven years has been released.')).toEqual(['1|Australian|hostage']);
    expect(victims('An American religious sister was kidnapped in April.')).toEqual(['1|American|hostage']);
    // A headline drops its articles; a body does not, and its possessives say one of several.
    expect(victims('French citizen kidnapped in western Mali')).toEqual(['1|French|hostage']);
    expect(victims('Gunmen killed the tourists and their Nigerien driver.')).toContainEqual('null|Nigerien|killed');
    expect(victims('Un religieux italien a été enlevé dans la nuit.')).toEqual(['1|Italian|hostage']);
  });

  it('keeps a group without a number', () => {
    expect(victims('Delhi called for the release of the abducted Indian nationals.')).toEqual(['null|Indian|hostage']);
    expect(victims('Families of the abducted Indians spoke to reporters.')).toEqual(['null|Indian|hostage']);
  });

  it('reads French counts, nationalities and roles', () => {
    expect(victims('Cinq ressortissants indiens ont été enlevés au Mali.')).toEqual(['5|Indian|hostage']);
    expect(victims('Trois Chinois enlevés près de Kayes.')).toEqual(['3|Chinese|hostage']);
    expect(victims('Une dizaine de soldats ont été tués.')).toEqual(['10|-|killed']);
    expect(victims('Deux otages chinois ont été libérés.')).toEqual(['2|Chinese|released']);
    expect(victims("L'enlèvement de quatre travailleurs turcs inquiète.")).toEqual(['4|Turkish|hostage']);
  });

  it('gives every group of a list the role that follows the list', () => {
    expect(victims('Deux Emiratis et un Iranien enlevés près de Bamako.')).toEqual(['2|Emirati|hostage', '1|Iranian|hostage']);
    expect(victims('Two Emiratis and an Iranian were kidnapped near Bamako.')).toEqual(['2|Emirati|hostage', '1|Iranian|hostage']);
    expect(victims('Twelve soldiers were killed and five Indians kidnapped.')).toEqual(['12|-|killed', '5|Indian|hostage']);
  });

  it('reads the dead, the wounded and the missing', () => {
    expect(victims('A separate raid killed at least 30 soldiers in central Mali.')).toEqual(['30|-|killed']);
    // Headlines kill in the present tense; a group that would do the killing is not its victims.
    expect(victims('Islamic militants kill at least 54 soldiers in northern Benin')).toEqual(['54|-|killed']);
    expect(victims('Attack kills 30 Nigerien soldiers near the border')).toEqual(['30|Nigerien|killed']);
    expect(victims('JNIM holds five hostages and threatens to kill them')).toEqual(['5|-|hostage']);
    expect(victims('JNIM frees five Indian workers in Mali')).toEqual(['5|Indian|released']);
  });

  it('reads a toll without a noun for people, and not an event counted by its article', () => {
    expect(victims('The attack left 24 dead and 12 wounded.')).toEqual(['24|-|killed', '12|-|injured']);
    expect(victims('Death toll from the blast of a bus in Mali rises to 24')).toEqual(['24|-|killed']);
    expect(victims('Attacks in 2024 killed 300 people.')).toEqual(['300|-|killed']);
    expect(victims('Police investigate a kidnapping of workers.')).toEqual([]);
    expect(victims('The convoy waited 24 hours.')).toEqual([]);
    expect(victims('Vingt-quatre civils maliens ont péri jeudi dans l\'explosion.')).toEqual(['24|Malian|killed']);
  });

  it('reads demonyms that share a noun for people', () => {
    expect(victims('Canadian and Italian tourists feared kidnapped in Burkina Faso')).toEqual(['null|Canadian|hostage', 'null|Italian|hostage']);
    expect(victims('Two Indian and three Chinese workers were abducted.')).toEqual(['2|Indian|hostage', '3|Chinese|hostage']);
    expect(victims('Canadian and Italian officials met in Ouagadougou.')).toEqual([]);
    expect(victims('Five labourers abducted in Niger returned home.')).toEqual(['5|-|hostage']);
    expect(victims('Delhi seeks the release of five Indian workers in Mali')).toEqual([]);
    expect(victims('Twenty-one civilians were killed and four were wounded.')).toEqual(['21|-|killed']);
    expect(victims('It killed 200 Burkina Faso soldiers in June.')).toEqual(['200|Burkinabe|killed']);
    expect(victims('Seven miners are still missing.')).toEqual(['7|-|missing']);
    expect(victims('Twelve villagers were injured.')).toEqual(['12|-|injured']);
  });

  it('does not count attackers, residents, totals or things as victims', () => {
    expect(victims('The army claimed to have neutralised more than 80 militants.')).toEqual([]);
    expect(victims('It is estimated that approximately 400 Indians reside in Mali.')).toEqual([]);
    expect(victims('JNIM said it had taken control of three army barracks.')).toEqual([]);
    expect(victims('The latest abduction takes the total number of Indians kidnapped in Mali this year to eight.')).toEqual([]);
    expect(victims('The Chinese government condemned the kidnapping.')).toEqual([]);
    expect(victims('Estimates place its strength between 5,000 and 6,000 fighters.')).toEqual([]);
  });

  it('flags victims in sentences that recall the past', () => {
    const doc = sentenceDocument('Earlier this year, three Indian nationals were also kidnapped.');
    expect(extractVictims(doc, allBackground)[0]).toMatchObject({ count: 3, nationality: 'Indian', role: 'hostage', background: true });
  });
});

describe('extractVictims on running totals', () => {
  it('leaves a count that sums up a period to the figures', () => {
    expect(victims('Eight Indians kidnapped in Mali this year, and no word on the five taken in November')).toEqual([]);
    expect(victims('Au total, douze Indiens ont été enlevés au Mali.')).toEqual([]);
    expect(victims('Dix otages maliens ont été libérés depuis le début de l\'année.')).toEqual([]);
  });

  it('still reads the victims of one event in the same kind of sentence', () => {
    expect(victims('Five Indian workers were abducted near Kobri last week.')).toEqual(['5|Indian|hostage']);
  });
});
