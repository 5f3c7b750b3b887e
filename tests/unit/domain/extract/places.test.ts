import { describe, expect, it } from 'vitest';
import { extractPlaces, findPlaceMentions } from '../../../../src/domain/extract/places.js';
import { allBackground, makeDocument, notBackground, projectCatalogs, sentenceDocument } from './make-document.js';

const { gazetteer } = projectCatalogs();

function ids(text: string): string[] {
  return extractPlaces(sentenceDocument(text), gazetteer, notBackground).map((p) => p.id);
}

describe('extractPlaces', () => {
  it('finds a town with its region and country', () => {
    const [kayes] = extractPlaces(sentenceDocument('Armed men attacked a factory in Kayes.'), gazetteer, notBackground);
    expect(kayes).toMatchObject({ id: 'ml-kayes', kind: 'town', region: 'ml-r-kayes', country: 'ml', background: false });
    expect(kayes?.evidence).toEqual({ sentence: 0, text: 'Armed men attacked a factory in Kayes.' });
  });

  it('takes a locality introduced once as one for the same locality wherever else the text names it, headline included', () => {
    const doc = makeDocument(
      "Mali: 37 morts après l'attaque de Koumaga",
      'Des chasseurs sont entrés samedi dans le village de Koumaga, dans le cercle de Djenné. A Bamako, on parlait de 16 corps', { lang: 'fr' },
    );
    const found = extractPlaces(doc, gazetteer, notBackground).map((p) => `${p.evidence.sentence}:${p.id}`);
    expect(found).toEqual(['0:ml', '0:ml-loc-kumaga', '1:ml-loc-kumaga', '1:ml-c-djenne', '2:ml-bamako']);
    // A lower-case word spelt as the locality is not a mention of it.
    const lower = extractPlaces(makeDocument('Le village de Sama, au Mali, a été attaqué', 'Une sama de plus', { lang: 'fr' }), gazetteer, notBackground);
    expect(lower.map((p) => `${p.evidence.sentence}:${p.id}`)).toEqual(['0:ml-loc-sama', '0:ml']);
  });

  it('gives a town of a region created in 2023 the region it was in before', () => {
    const [boulkessi, kayes] = extractPlaces(sentenceDocument('Jihadists attacked the camps of Boulkessi and Kayes.'), gazetteer, notBackground);
    expect(boulkessi).toMatchObject({ id: 'ml-boulkessi', region: 'ml-r-douentza', formerRegion: 'ml-r-mopti' });
    expect(kayes).not.toHaveProperty('formerRegion');
  });

  it('takes every name of a list after "the villages of" for a locality', () => {
    const named = extractPlaces(sentenceDocument('Gunmen attacked the villages of Diaweli, Dessaguou and Dilassaguou in central Mali.'), gazetteer, notBackground);
    expect(named.map((p) => p.name)).toEqual(['Diaweli', 'Dessaguou', 'Dilassaguou', 'Mali']);
    expect(named[2]).toMatchObject({ country: 'ml', unlisted: true });
    // After one village, a capitalised word after a comma is not another.
    expect(extractPlaces(sentenceDocument('Gunmen attacked the village of Diaweli, Army sources in Mali said.'), gazetteer, notBackground).map((p) => p.name)).toEqual(['Diaweli', 'Mali']);
  });

  it('tells the Kayes region from the town of Kayes', () => {
    expect(ids('Attacks spread across the Kayes region.')).toEqual(['ml-r-kayes']);
    expect(ids('Des attaques ont visé la région de Kayes.')).toEqual(['ml-r-kayes']);
    expect(ids('Fighting was reported in the Kayes area.')).toEqual(['ml-r-kayes']);
    expect(ids('Curfews were imposed in the Kayes and Koulikoro regions.')).toEqual(['ml-r-kayes', 'ml-r-koulikoro']);
    expect(ids('The factory in Kayes was attacked.')).toEqual(['ml-kayes']);
    expect(ids('Le préfet du cercle de Kati a confirmé.')).toEqual(['ml-c-kati']);
  });

  it("knows northern Benin's departments and the border towns JNIM strikes", () => {
    expect(ids('The attack in Porga was the second this week.')).toEqual(['bj-porga']);
    expect(ids("Des militaires ont été tués près de Matéri, dans le département de l'Atacora.")).toEqual(['bj-materi', 'bj-r-atacora']);
    expect(extractPlaces(sentenceDocument('Militants attacked a patrol in Karimama.'), gazetteer, notBackground)[0]).toMatchObject({ id: 'bj-karimama', region: 'bj-r-alibori' });
    // The parks lie in those departments: a report from the park and one from a town beside it share a region.
    expect(extractPlaces(sentenceDocument('Une trentaine de soldats ont été tués dans le parc W.', 'fr'), gazetteer, notBackground)[0]).toMatchObject({ id: 'bj-park-w', region: 'bj-r-alibori' });
    expect(extractPlaces(sentenceDocument('Seven soldiers were killed in Pendjari National Park.'), gazetteer, notBackground)[0]).toMatchObject({ id: 'bj-pendjari', region: 'bj-r-atacora' });
  });

  it("knows the towns of Côte d'Ivoire's north that jihadists struck, and Kong only as a place", () => {
    expect(ids("Une attaque contre un poste mixte de l'armée à Kafolo a fait 14 morts.")).toEqual(['ci-kafolo']);
    expect(ids('An improvised explosive device killed three soldiers near Téhini, not far from Tougbo.')).toEqual(['ci-tehini', 'ci-tougbo']);
    expect(ids('Soldiers were deployed in Kong and Doropo.')).toEqual(['ci-kong', 'ci-doropo']);
    expect(ids('The shipment left Hong Kong for Bouna.')).toEqual(['ci-bouna']);
  });

  it("knows Burkina Faso's compass-named regions in French when the phrase says they are Burkina Faso's", () => {
    expect(ids("Un convoi a été attaqué dans la région de l’Est du Burkina Faso.")).toEqual(['bf-r-est']);
    expect(ids('Des soldats ont été tués dans la région du Sahel du Burkina.')).toEqual(['bf-r-sahel']);
    expect(ids("Des pluies sont tombées dans l'est du pays.")).toEqual([]);
  });

  it("knows the towns of Niger's Dosso region where attacks spread", () => {
    expect(ids('Une dizaine de soldats ont été tués près de Dogon Kiria, dans le département de Dogondoutchi.')).toEqual(['ne-dogon-kiria', 'ne-dogondoutchi']);
    expect(extractPlaces(sentenceDocument('Soldiers were killed near Dogonkiria.'), gazetteer, notBackground)[0]).toMatchObject({ region: 'ne-r-dosso', country: 'ne' });
  });

  it('knows the villages of the worst massacres and army-camp attacks under their usual spellings', () => {
    expect(ids("Le massacre d'Ogossagou-Peul a fait plus de 130 morts.")).toEqual(['ml-ogossagou']);
    expect(ids('Attaque à Sobanou : le bilan rabaissé à 35.')).toEqual(['ml-sobane-da']);
    expect(ids('89 soldiers were killed in the attack on Chinagoder.')).toEqual(['ne-chinegodar']);
    expect(ids('Wagner fighters were killed near Tinzawaten.')).toEqual(['ml-tinzaouaten']);
    expect(ids('Des combats ont eu lieu à Tin-Zaouatene.')).toEqual(['ml-tinzaouaten']);
    expect(ids("L'attaque du camp d'Inatès a fait 71 morts.")).toEqual(['ne-inates']);
    expect(ids('More than 130 civilians were killed in Solhan.')).toEqual(['bf-solhan']);
    // A name that is also a word or a surname counts only after a place preposition, or as the scene of a massacre.
    expect(ids('Wagner fighters entered Moura on 27 March.')).toEqual([]);
    expect(ids('Des civils ont été tués à Moura.')).toEqual(['ml-moura']);
    expect(ids('UN: Moura massacre in Mali left at least 500 dead')).toEqual(['ml-moura', 'ml']);
    expect(ids('Le massacre de Moura devant la justice')).toEqual(['ml-moura']);
    expect(ids('Moura residents fled.')).toEqual([]);
    // What an attack struck is where it happened, wherever the sentence says it.
    expect(findPlaceMentions(sentenceDocument("L'EI revendique l'attaque sanglante de Kouré et diffuse une photo."), gazetteer, notBackground)[0]).toMatchObject({ locative: true });
    expect(findPlaceMentions(sentenceDocument('The claim of the attack on Kati came on Monday.'), gazetteer, notBackground)[0]).toMatchObject({ locative: true });
    expect(findPlaceMentions(sentenceDocument('The governor of Kouré resigned.'), gazetteer, notBackground)[0]).toMatchObject({ locative: false });
    expect(findPlaceMentions(sentenceDocument('The militants attacked the W national park near the border.'), gazetteer, notBackground)[0]).toMatchObject({ locative: true });
    expect(findPlaceMentions(sentenceDocument('Des jihadistes ont attaqué Boulkessi à l’aube.'), gazetteer, notBackground)[0]).toMatchObject({ locative: true });
    expect(findPlaceMentions(sentenceDocument("Des terroristes ont attaqué les camps de Boulkessi et Mondoro."), gazetteer, notBackground).map((m) => m.locative)).toEqual([true, true]);
    const towns = findPlaceMentions(sentenceDocument('Des attaques ont visé ses positions, notamment dans les villes de Kayes, Nioro et Niono.'), gazetteer, notBackground);
    expect(towns.filter((m) => m.fact.kind === 'town').map((m) => [m.fact.id, m.locative])).toEqual([['ml-kayes', true], ['ml-nioro', true], ['ml-niono', true]]);
    expect(findPlaceMentions(sentenceDocument('Gunmen attacked the towns of Djibo and Arbinda.'), gazetteer, notBackground).map((m) => m.locative)).toEqual([true, true]);
    expect(ids('Attaque du camp militaire de Bamba : 23 morts')).toEqual(['ml-bamba']);
  });

  it("takes a place after a country's possessive for where things happened", () => {
    const doc = makeDocument('Two Indians killed in Niger', "In a deadly attack in Niger's Dosso region, two Indian nationals were killed, the Indian Embassy in Niamey said.", { published: '2025-07-19T10:00:00Z' });
    const dosso = findPlaceMentions(doc, gazetteer, notBackground).find((m) => m.fact.id === 'ne-r-dosso');
    expect(dosso?.locative).toBe(true);
    const soum = findPlaceMentions(makeDocument('Soldiers killed', "Gunmen killed ten soldiers in northern Burkina Faso's Soum province."), gazetteer, notBackground).find((m) => m.fact.id === 'bf-c-soum');
    expect(soum?.locative).toBe(true);
  });

  it('does not take the towns between which a place lies for where things happened', () => {
    const mentions = findPlaceMentions(makeDocument('Mali : Bourem', 'Des combats ont eu lieu à Bourem, située entre Gao et Tombouctou.', { lang: 'fr' }), gazetteer, notBackground);
    expect(mentions.filter((m) => m.locative).map((m) => m.fact.id)).toEqual(['ml-bourem']);
    const factory = findPlaceMentions(makeDocument('Attaque', "L'usine, située à Kayes, a été attaquée.", { lang: 'fr' }), gazetteer, notBackground);
    expect(factory.find((m) => m.fact.id === 'ml-kayes')?.locative).toBe(true);
  });

  it('does not take the town the wounded were taken to for where things happened', () => {
    const mentions = findPlaceMentions(makeDocument('Soldiers killed', 'Gunmen killed 17 soldiers in Tillabéri; the wounded were evacuated to Niamey.'), gazetteer, notBackground);
    expect(mentions.filter((m) => m.locative).map((m) => m.fact.id)).toEqual(['ne-tillaberi']);
    const french = findPlaceMentions(makeDocument('Attaque', 'Les blessés ont été évacués vers Niamey après l\'attaque de Tillabéri.', { lang: 'fr' }), gazetteer, notBackground);
    expect(french.find((m) => m.fact.id === 'ne-niamey')?.locative).toBe(false);
    const flown = findPlaceMentions(makeDocument('Embuscade', 'La dépouille du combattant est convoyée par hélicoptère vers Ouagadougou.', { lang: 'fr' }), gazetteer, notBackground);
    expect(flown.find((m) => m.fact.id === 'bf-ouagadougou')?.locative).toBe(false);
  });

  it('does not take where a convoy was heading for where it was attacked', () => {
    const traders = findPlaceMentions(makeDocument('Attaque', "Les victimes sont des commerçants qui partaient s'approvisionner à Ouagadougou.", { lang: 'fr' }), gazetteer, notBackground);
    expect(traders.find((m) => m.fact.id === 'bf-ouagadougou')?.locative).toBe(false);
    const convoy = findPlaceMentions(makeDocument('Convoy hit', 'A convoy heading to Ouagadougou was ambushed in Djibo.'), gazetteer, notBackground);
    expect(convoy.filter((m) => m.locative).map((m) => m.fact.id)).toEqual(['bf-djibo']);
  });

  it('reads a locality whose name opens with an elided letter, and a border list with articles', () => {
    const mentions = findPlaceMentions(
      makeDocument('Niger : enlèvement de deux Chinois', "Deux Chinois travaillant près de la frontière avec le Mali et le Burkina Faso ont été enlevés dans la localité de M’banga.", { lang: 'fr' }),
      gazetteer,
      notBackground,
    );
    expect(mentions.map((m) => [m.fact.id, m.border === true])).toEqual([['ne', false], ['ml', true], ['bf', true], ['ne-loc-mbanga', false]]);
  });

  it('reads countries joined by a hyphen, by a verb of linking or as where a link leads as the ends of a link, not where things happened', () => {
    const hyphen = findPlaceMentions(makeDocument('Pipeline Bénin-Niger : six soldats tués', 'Six soldats ont été tués.', { lang: 'fr' }), gazetteer, notBackground);
    expect(hyphen.filter((m) => m.fact.evidence.sentence === 0).map((m) => [m.fact.id, m.border === true])).toEqual([['bj', true], ['ne', true]]);
    const linking = findPlaceMentions(
      makeDocument('Six soldats tués', "Six soldats du Niger chargés de protéger un oléoduc reliant le Bénin ont été tués. L'attaque a eu lieu dans la localité de Salkam", { lang: 'fr' }),
      gazetteer,
      notBackground,
    );
    expect(linking.map((m) => [m.fact.id, m.border === true])).toEqual([['ne', false], ['bj', true], ['ne-loc-salkam', false]]);
    const to = findPlaceMentions(makeDocument('Sabotage', 'Niger is investigating the sabotage of the oil pipeline to Benin.'), gazetteer, notBackground);
    expect(to.find((m) => m.fact.id === 'bj')?.border).toBe(true);
    const spaced = findPlaceMentions(makeDocument('Attack', 'Gunmen attacked a town in Mali - Burkina Faso sent troops.'), gazetteer, notBackground);
    expect(spaced.find((m) => m.fact.id === 'ml')?.border).toBeUndefined();
  });

  it("reads \"le village peul d'Ogossagou\" as a place, and not an operation's name", () => {
    const village = findPlaceMentions(makeDocument('Attaque', "Des hommes armés ont attaqué le village peul d'Ogossagou.", { lang: 'fr' }), gazetteer, notBackground);
    expect(village.find((m) => m.fact.id === 'ml-ogossagou')?.locative).toBe(true);
    const operation = findPlaceMentions(
      makeDocument('Bilan', 'Le Mali et le Niger ont monté une opération bilatérale dénommée Tongo Tongo. Une patrouille a été attaquée à Tabankort.', { lang: 'fr' }),
      gazetteer,
      notBackground,
    );
    expect(operation.map((m) => m.fact.id)).not.toContain('ne-tongo-tongo');
  });

  it('takes the target of an attack told with its time ("an attack this morning on Ogossagou") for where it happened', () => {
    const mentions = findPlaceMentions(makeDocument('Statement on Mali', 'At least 134 civilians were killed following an attack this morning on Ogossagou village, Mopti region.'), gazetteer, notBackground);
    expect(mentions.find((m) => m.fact.id === 'ml-ogossagou')?.locative).toBe(true);
  });

  it('does not take the town where the wounded are treated for where things happened', () => {
    const english = findPlaceMentions(makeDocument('Soldiers killed in ambush', 'Three soldiers were killed in an ambush. The two wounded are being treated for their wounds in Niamey, the capital.'), gazetteer, notBackground);
    expect(english.find((m) => m.fact.id === 'ne-niamey')?.locative).toBe(false);
    const french = findPlaceMentions(makeDocument('Embuscade', 'Les blessés sont soignés à Niamey.', { lang: 'fr' }), gazetteer, notBackground);
    expect(french.find((m) => m.fact.id === 'ne-niamey')?.locative).toBe(false);
    const struck = findPlaceMentions(makeDocument('Attack', 'Gunmen killed two guards in Niamey.'), gazetteer, notBackground);
    expect(struck.find((m) => m.fact.id === 'ne-niamey')?.locative).toBe(true);
  });

  it('takes a town that opens the text before a colon for where the report was filed', () => {
    const filed = findPlaceMentions(makeDocument('President vows to free kidnapped couple', 'Ouagadougou: the head of state vowed to secure the release of the couple taken in the north.'), gazetteer, notBackground);
    expect(filed.find((m) => m.fact.id === 'bf-ouagadougou')?.institutional).toBe(true);
    const headline = findPlaceMentions(makeDocument('Boulkessi : le camp attaqué', 'Des jihadistes ont attaqué le camp.', { lang: 'fr' }), gazetteer, notBackground);
    expect(headline.find((m) => m.fact.id === 'ml-boulkessi')?.institutional).toBe(false);
  });

  it('does not take the country people come from for where things happened', () => {
    const mentions = findPlaceMentions(makeDocument('Blast kills soldiers', 'A roadside bomb killed six peacekeepers from Chad near Kidal.'), gazetteer, notBackground);
    expect(mentions.filter((m) => m.locative).map((m) => m.fact.id)).toEqual(['ml-kidal']);
    const from = findPlaceMentions(makeDocument('Convoy attacked', 'Gunmen attacked a convoy from Gao.'), gazetteer, notBackground);
    expect(from.find((m) => m.fact.id === 'ml-gao')?.locative).toBe(true);
  });

  it("takes a country's capital named as such for the capital", () => {
    expect(ids("Gunmen attacked a luxury hotel in Mali's capital.")).toContain('ml-bamako');
    expect(ids('Une attaque a visé la capitale malienne.')).toContain('ml-bamako');
    expect(ids('Des explosions ont été entendues dans la capitale du Burkina Faso.')).toContain('bf-ouagadougou');
    expect(ids("Protesters gathered in Niger's capital.")).toContain('ne-niamey');
    expect(ids('The capital of the region was calm.')).toEqual([]);
  });

  it('knows Burkina Faso by the short name its own press gives it', () => {
    expect(ids('Des soldats avaient prévu un assaut sur la Présidence du Faso.')).toEqual(['bf']);
    expect(ids('Gunmen attacked an army post in Burkina Faso.')).toEqual(['bf']);
  });

  it('matches names with or without accents, in French or English', () => {
    expect(ids('Gunmen struck near Segou.')).toEqual(['ml-segou']);
    expect(ids('Des hommes armés ont frappé près de Ségou.')).toEqual(['ml-segou']);
    expect(ids('The airport of Timbuktu was shelled.')).toEqual(['ml-tombouctou']);
    expect(ids("L'aéroport de Tombouctou a été visé.")).toEqual(['ml-tombouctou']);
    expect(ids('Nioro du Sahel and Diboli were hit.')).toEqual(['ml-nioro', 'ml-diboli']);
    expect(ids('Militants entered Fada N’Gourma.')).toEqual(['bf-fada-ngourma']);
    expect(ids('Il se rendait à son bureau de vote à Niafounké.')).toEqual(['ml-niafunke']);
  });

  it('tells the town a report was filed from apart from where things happened', () => {
    const mentions = findPlaceMentions(sentenceDocument('Bamako, 13/09/2023 (MAP) - Ten soldiers were killed in an attack on a camp in Bourem.'), gazetteer, notBackground);
    expect(mentions.map((m) => [m.fact.id, m.institutional])).toEqual([['ml-bamako', true], ['ml-bourem', false]]);
    const plain = findPlaceMentions(sentenceDocument('Bamako (the capital) was calm.'), gazetteer, notBackground);
    expect(plain.map((m) => m.institutional)).toEqual([false]);
  });

  it('tells where a source speaks from apart from where things happened', () => {
    const mentions = findPlaceMentions(sentenceDocument('Soldiers were killed in Boulkessi, a security source in Bamako said.'), gazetteer, notBackground);
    expect(mentions.map((m) => [m.fact.id, m.institutional])).toEqual([['ml-boulkessi', false], ['ml-bamako', true]]);
  });

  it('does not place an event in a country it was only near, and reads compass words as places', () => {
    const mentions = findPlaceMentions(sentenceDocument('Jihadists stormed a base in the northeast of Burkina Faso, near Niger.'), gazetteer, notBackground);
    expect(mentions.map((m) => [m.fact.id, m.locative])).toEqual([['bf', true], ['ne', false]]);
  });

  it('does not place an event in a neighbouring country', () => {
    const mentions = findPlaceMentions(sentenceDocument('The army fights jihadist groups based in neighbouring Burkina Faso.'), gazetteer, notBackground);
    expect(mentions.map((m) => [m.fact.id, m.locative])).toEqual([['bf', false]]);
    const french = findPlaceMentions(sentenceDocument('Les groupes jihadistes viennent du Burkina Faso voisin.'), gazetteer, notBackground);
    expect(french.map((m) => [m.fact.id, m.locative])).toEqual([['bf', false]]);
  });

  it('does not place an event in the country whose border it was near', () => {
    const [algeria] = findPlaceMentions(sentenceDocument('Fighting raged near the Algerian border for two days.'), gazetteer, notBackground);
    expect(algeria).toMatchObject({ fact: { id: 'dz' }, locative: false });
    const [mali] = findPlaceMentions(sentenceDocument('Fighting raged in northern Mali for two days.'), gazetteer, notBackground);
    expect(mali).toMatchObject({ fact: { id: 'ml' }, locative: true });
  });

  it('places a town the gazetteer lacks in the country it lies in, not the one whose border it is on', () => {
    const doc = makeDocument(
      "Côte d'Ivoire : au moins 12 soldats tués",
      "L'attaque a visé une base militaire à Kafolo, située dans le nord-est du pays, à la frontière du Burkina Faso.",
      { lang: 'fr' },
    );
    const kafolo = extractPlaces(doc, gazetteer, notBackground).find((p) => p.name === 'Kafolo');
    expect(kafolo).toMatchObject({ country: 'ci' });
    const bordering = findPlaceMentions(sentenceDocument('Une petite ville frontalière avec le Burkina Faso a été attaquée.'), gazetteer, notBackground);
    expect(bordering.map((m) => [m.fact.id, m.locative])).toEqual([['bf', false]]);
    const borders = findPlaceMentions(sentenceDocument('In Benin, JNIM killed soldiers near the border with Burkina Faso and Niger.'), gazetteer, notBackground);
    expect(borders.map((m) => [m.fact.id, m.locative])).toEqual([['bj', true], ['bf', false], ['ne', false]]);
  });

  it('names a locality the gazetteer lacks when the text calls it one, in the country the sentence gives', () => {
    const doc = makeDocument('Deadly attack in Burkina Faso', 'Jihadists stormed a military detachment in the town of Kelbo, in the northeast of Burkina Faso, near the Niger border');
    const unlisted = extractPlaces(doc, gazetteer, notBackground).find((p) => p.unlisted === true);
    expect(unlisted).toMatchObject({ id: 'bf-loc-kelbo', name: 'Kelbo', kind: 'town', country: 'bf' });
    const nearTown = makeDocument('Italians kidnapped in Mali', 'Gunmen seized an Italian family in the village of Sincina, near Koutiala');
    expect(extractPlaces(nearTown, gazetteer, notBackground).find((p) => p.unlisted === true)).toMatchObject({ id: 'ml-loc-sincina', region: 'ml-r-koutiala' });
    expect(extractPlaces(sentenceDocument('The village of Kayes was attacked.'), gazetteer, notBackground).map((p) => p.id)).toEqual(['ml-kayes']);
    expect(extractPlaces(sentenceDocument('Residents of the town of Springfield met.'), gazetteer, notBackground)).toEqual([]);
  });

  it('spells a locality as it sounds: one name in two spellings is one place, and a listed town spelt another way is that town', () => {
    const ids = (body: string, lang: 'en' | 'fr') => extractPlaces(makeDocument('Attaque', body, { lang }), gazetteer, notBackground).map((p) => p.id);
    const french = ids("Des hommes armés ont attaqué le village d'Agaï, dans la région de Tillabéri.", 'fr');
    const english = ids('Gunmen attacked the village of Aghay, in the Tillabéri region.', 'en');
    expect(french.find((id) => id.includes('-loc-'))).toBe('ne-loc-agai');
    expect(english.find((id) => id.includes('-loc-'))).toBe('ne-loc-agai');
    expect(ids('Gunmen attacked the town of Jibo, in northern Burkina Faso.', 'en')).toContain('bf-djibo');
  });

  it('names a locality the gazetteer lacks when the sentence goes on to say where it is', () => {
    const unlisted = (title: string, body: string, lang: 'en' | 'fr') =>
      extractPlaces(makeDocument(title, body, { lang }), gazetteer, notBackground).filter((p) => p.unlisted === true).map((p) => `${p.id}/${p.region ?? ''}`);
    expect(unlisted('Attaque au Togo', "Des hommes armés ont attaqué un poste à Kpekpakandi, dans la région des Savanes, au nord du Togo", 'fr')).toEqual(['tg-loc-kpekpakandi/tg-r-savanes']);
    expect(unlisted('Attaque au Togo', "Des hommes armés ont attaqué un poste avancé à Kpekpakandi, au nord du pays", 'fr')).toEqual(['tg-loc-kpekpakandi/']);
    expect(unlisted('Attack in Niger', "The attack took place in Tassia in Niger's south-western Tillabéri region", 'en')).toEqual(['ne-loc-tasia/']);
    // Months and places the sentence does not go on to place do not make localities.
    expect(unlisted('Mali', 'In August, in Mali, militants attacked a convoy', 'en')).toEqual([]);
    expect(unlisted('Mali', 'Talks in Geneva, in Switzerland, ended without a deal on Mali', 'en')).toEqual([]);
    // A country's border places a locality on this side of it.
    expect(unlisted('Benin', 'JNIM claimed a post in Basso, located only a few miles from Nigeria’s border', 'en')).toEqual(['bj-loc-baso/']);
    expect(unlisted('Burkina Faso', "Fighters stormed a gold mining site outside Silgadji village in Burkina Faso's Yagha province", 'en')).toEqual(['bf-loc-silgaji/']);
    expect(unlisted('Benin', 'Seven villagers in the Segbana commune had their throats slit', 'en')).toEqual(['bj-loc-segbana/']);
    expect(unlisted('Mali', 'Men dressed as Dozo hunters attacked Kouloghon village in central Mali early Tuesday', 'en')).toEqual(['ml-loc-kulogon/']);
    // "Koulogon Peul" is the Fulani quarter of Koulogon, spelt as the village.
    expect(unlisted('Mali', 'Le village de Koulogon Peul, dans le cercle de Bankass, a été attaqué', 'fr')).toEqual(['ml-loc-kulogon/ml-r-bandiagara']);
    expect(unlisted('Mali', 'Fighters crossed into the Liptako zone, north of Gao', 'en')).toEqual([]);
    // A people is no place: "a village of Fulani herders", "à Dogon, dans le centre".
    expect(unlisted('Mali', 'Gunmen attacked Ogossagou, a village of Fulani herders in central Mali', 'en')).toEqual([]);
    expect(unlisted('Mali', 'Des chasseurs ont attaqué un hameau à Dogon, dans le centre du Mali', 'fr')).toEqual([]);
  });

  it('finds small localities of the news with their region', () => {
    const [kobri] = extractPlaces(sentenceDocument('Five Indians were kidnapped near Kobri, in the Kayes region.'), gazetteer, notBackground);
    expect(kobri).toMatchObject({ id: 'ml-kobri', kind: 'town', region: 'ml-r-kayes', country: 'ml' });
    expect(ids('Cinq Indiens ont été enlevés près de la localité de Kobri.')).toEqual(['ml-kobri']);
  });

  it("places Burkina Faso's towns in their regions and reads its provinces, without taking compass words for regions", () => {
    const [djibo] = extractPlaces(sentenceDocument('Jihadists attacked the army base in Djibo.'), gazetteer, notBackground);
    expect(djibo).toMatchObject({ id: 'bf-djibo', region: 'bf-r-sahel', country: 'bf' });
    expect(ids('Des attaques ont visé la province du Soum.')).toEqual(['bf-c-soum']);
    expect(ids('Soldiers were killed in the Centre-Nord region.')).toEqual(['bf-r-centre-nord']);
    expect(ids("Des civils ont été tués dans la région du Centre-Nord.")).toEqual(['bf-r-centre-nord']);
    expect(ids('Des élèves ont été enlevés dans le centre-ouest du Nigeria.')).toEqual(['ng']);
    expect(ids('Floods hit the Po Valley and the town of Pô was spared.')).toEqual(['bf-po']);
  });

  it('does not find Mali inside other words, but reads "Malian" as Mali', () => {
    expect(ids('Pirates operate off Somalia.')).toEqual([]);
    expect(ids('The Malian army said it repelled the attack.')).toEqual(['ml']);
  });

  it('needs context for names that are also common words or personal names', () => {
    expect(ids('Mr San said the word san means three.')).toEqual([]);
    expect(ids('Fighting was reported in San.')).toEqual(['ml-san']);
    expect(ids('Flights to San Francisco were cancelled.')).toEqual([]);
    expect(ids('Former president Boni Yayi spoke.')).toEqual([]);
    expect(ids('Soldiers were ambushed near Boni.')).toEqual(['ml-boni']);
    expect(ids('Analyst Gao Feng said so.')).toEqual([]);
    expect(ids('the gao of the story')).toEqual([]);
    expect(ids('Gao was shelled overnight.')).toEqual(['ml-gao']);
    expect(ids('Nara is a city in Japan famous for deer.')).toEqual([]);
    expect(ids('Attacks hit Kayes, Diboli and Nara.')).toEqual(['ml-kayes', 'ml-diboli', 'ml-nara']);
  });

  it('leaves out names inside longer names that mean something else', () => {
    expect(ids('Boats sank on the Niger River.')).toEqual([]);
    expect(ids('Soldiers from Niger crossed the border.')).toEqual(['ne']);
    expect(ids('Piracy in the Gulf of Guinea rose.')).toEqual([]);
    expect(ids('Guinea-Bissau held elections.')).toEqual([]);
    expect(ids('Katiba Macina fighters attacked.')).toEqual([]);
  });

  it('reads "the West African country" as the country last named', () => {
    expect(ids('Attacks hit several towns in Mali, and the West African country declared mourning.')).toEqual(['ml']);
    const doc = makeDocument('Three Indians kidnapped in Mali', 'Attacks hit several towns in the West African country.');
    expect(extractPlaces(doc, gazetteer, notBackground).map((p) => [p.id, p.evidence.sentence])).toEqual([['ml', 0], ['ml', 1]]);
    expect(ids('Attacks hit several towns in the West African country.')).toEqual([]);
  });

  it('flags places in sentences that recall the past', () => {
    const doc = sentenceDocument('Earlier this year, three Indian nationals were kidnapped in Kayes.');
    expect(extractPlaces(doc, gazetteer, allBackground)[0]?.background).toBe(true);
    expect(extractPlaces(doc, gazetteer)[0]?.background).toBe(true);
  });

  it('keeps one fact per place and sentence', () => {
    expect(ids('Kayes and again Kayes, then Kayes.')).toEqual(['ml-kayes']);
  });
});

describe('findPlaceMentions', () => {
  it('carries the preposition along a list of places', () => {
    const doc = sentenceDocument("Des attaques ont visé sept localités de l'ouest du pays : Niono, Molodo et Kayes, près de Kéniéba.", 'fr');
    expect(findPlaceMentions(doc, gazetteer, notBackground).map((m) => [m.fact.id, m.locative])).toEqual([
      ['ml-niono', true],
      ['ml-molodo', true],
      ['ml-kayes', true],
      ['ml-kenieba', true],
    ]);
  });

  it('places an event at the town of the site it struck', () => {
    const locative = (text: string) => findPlaceMentions(sentenceDocument(text), gazetteer, notBackground).map((m) => [m.fact.id, m.locative]);
    expect(locative('The Nampala military camp has been under the control of armed men since Tuesday.')).toEqual([['ml-nampala', true]]);
    expect(locative('Heavily armed men attacked the Nampala camp.')).toEqual([['ml-nampala', true]]);
    expect(locative('Nampala residents fled to the fields.')).toEqual([['ml-nampala', false]]);
  });

  it('takes the town of the outlet that published a statement for where it came out, not where things happened', () => {
    const doc = sentenceDocument("Ahmed Diop, rédacteur en chef du journal Alakhbar à Nouakchott, a reçu le communiqué d'Aqmi sur l'attaque de Grand-Bassam.", 'fr');
    expect(findPlaceMentions(doc, gazetteer, notBackground).map((m) => [m.fact.id, m.institutional])).toEqual([
      ['mr-nouakchott', true],
      ['ci-grand-bassam', false],
    ]);
  });

  it('says whether a place is named with a preposition or inside an institution', () => {
    const doc = sentenceDocument('The Embassy of India in Bamako said the attack in Kayes spread, isolating Gao.');
    const mentions = findPlaceMentions(doc, gazetteer, notBackground);
    expect(mentions.map((m) => [m.fact.id, m.locative, m.institutional])).toEqual([
      ['ml-bamako', true, true],
      ['ml-kayes', true, false],
      ['ml-gao', false, false],
    ]);
  });
});
