import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../../src/domain/extract/facts.js';
import type { Document, Facts } from '../../../../src/domain/model.js';
import { buildDocument } from '../../../../src/domain/text/document.js';
import { makeDocument, projectCatalogs } from './make-document.js';

const catalogs = projectCatalogs();

function seed(prefix: string): { doc: Document; facts: Facts } {
  const names = ['000_d4e0ef1cefdd2423', '001_3555185c32d66887', '002_0a1bbdf9d2019882', '003_70a82910eb186e36', '004_a568f1b4803a3c77'];
  const name = names.find((n) => n.startsWith(prefix)) as string;
  const body = readFileSync(new URL(`../../../../seeds/${name}.txt`, import.meta.url), 'utf8');
  const built = buildDocument({ id: name, kind: 'seed', source: name, body, seenAt: '2025-11-20T09:00:00Z' });
  if (!built.ok) throw new Error(built.error.message);
  return { doc: built.value, facts: extractFacts(built.value, catalogs) };
}

const actor = (facts: Facts, id: string, role: string, about: string) =>
  facts.actors.filter((a) => a.id === id && a.role === role && a.about === about);

describe('extractFacts on the seeds', () => {
  it('000: three Indians kidnapped at the Diamond Cement Factory in Kayes on July 1; JNIM claimed other attacks', () => {
    const { facts } = seed('000');
    expect(facts.main).toMatchObject({
      type: 'kidnapping',
      date: '2025-07-01',
      datePrecision: 'day',
      country: 'ml',
      victims: { count: 3, nationality: 'Indian' },
      site: 'diamond cement',
      actors: [],
    });
    expect(facts.main.places[0]).toBe('ml-kayes');
    expect(facts.main.places).toContain('ml');
    expect(facts.places.find((p) => p.id === 'ml-kayes')).toMatchObject({ kind: 'town', region: 'ml-r-kayes', country: 'ml' });
    const claims = actor(facts, 'jnim', 'claimed', 'other');
    expect(claims.length).toBeGreaterThan(0);
    expect(claims[0]?.evidence.text).toContain('claimed responsibility for the coordinated attacks');
    expect(actor(facts, 'jnim', 'claimed', 'main')).toEqual([]);
    expect(facts.victims.some((v) => v.count === 80)).toBe(false);
    expect(facts.advice[0]?.text).toMatch(/^exercise utmost caution, remain vigilant, and stay in close contact with the Embassy of India in Bamako/);
  });

  it('001: the abduction is not claimed, the broader attacks are; 400 Indians live in Mali', () => {
    const { facts } = seed('001');
    expect(facts.main).toMatchObject({ type: 'kidnapping', date: '2025-07-01', victims: { count: 3, nationality: 'Indian' }, actors: [] });
    expect(actor(facts, 'jnim', 'not_claimed', 'main')[0]?.evidence.text).toContain('has not yet claimed responsibility for the abduction');
    expect(actor(facts, 'jnim', 'claimed', 'other')).toHaveLength(1);
    expect(facts.figures).toEqual([
      expect.objectContaining({ value: 400, what: 'Indians living in Mali', evidence: expect.objectContaining({ text: expect.stringContaining('approximately 400 Indians reside in Mali') }) }),
    ]);
    expect(facts.advice[0]).toMatchObject({ by: 'in-gov' });
  });

  it('002: no group claimed the kidnapping, JNIM is suspected', () => {
    const { facts } = seed('002');
    expect(facts.main).toMatchObject({ type: 'kidnapping', date: '2025-07-01', country: 'ml', site: 'diamond cement', actors: ['jnim'] });
    expect(actor(facts, 'unknown', 'not_claimed', 'main')[0]?.evidence.text).toContain('no entity has formally claimed responsibility');
    expect(actor(facts, 'jnim', 'suspected', 'main').length).toBeGreaterThan(0);
    expect(actor(facts, 'jnim', 'claimed', 'main')).toEqual([]);
    expect(facts.advice[0]).toMatchObject({ by: 'in-mea', text: 'maintain caution and remain in close contact with the embassy' });
  });

  it('003: five Indians kidnapped on November 6 in Mali; the July kidnapping in Kayes is background', () => {
    const { facts } = seed('003');
    expect(facts.main).toMatchObject({ type: 'kidnapping', date: '2025-11-06', country: 'ml', places: ['ml'], victims: { count: 5, nationality: 'Indian' } });
    expect(facts.main.site).toBeUndefined();
    const kayes = facts.places.filter((p) => p.id === 'ml-kayes');
    expect(kayes.length).toBeGreaterThan(0);
    expect(kayes.every((p) => p.background && p.evidence.text.startsWith('Earlier this year'))).toBe(true);
    expect(facts.victims.find((v) => v.count === 3)).toMatchObject({ nationality: 'Indian', role: 'hostage', background: true });
    expect(facts.figures).toEqual([
      expect.objectContaining({ value: 8, what: 'Indians kidnapped in Mali this year', evidence: expect.objectContaining({ text: expect.stringContaining('to eight') }) }),
    ]);
    expect(facts.advice[0]?.text).toBe('leave Mali owing to the volatile security situation');
  });

  it('004: JNIM claimed the kidnapping and demands a ransom', () => {
    const { facts } = seed('004');
    expect(facts.main).toMatchObject({ type: 'kidnapping', date: '2025-07-01', country: 'ml', victims: { count: 3, nationality: 'Indian' }, site: 'diamond cement' });
    expect(facts.main.places[0]).toBe('ml-kayes');
    expect(facts.main.actors).toContain('jnim');
    expect(actor(facts, 'jnim', 'claimed', 'main')[0]?.evidence.text).toContain('took responsibility for the kidnapping');
    expect(facts.main.changes).toEqual(expect.arrayContaining(['claim', 'ransom']));
  });

  it('keeps the seeds’ disagreement on who claimed the July kidnapping', () => {
    const claimedMain = ['000', '001', '002', '004'].filter((p) => actor(seed(p).facts, 'jnim', 'claimed', 'main').length > 0);
    expect(claimedMain).toEqual(['004']);
  });
});

describe('extractFacts on small documents', () => {
  it('prefers the kidnapping to the attack it came with', () => {
    const doc = makeDocument('Gunmen attack a gold mine near Kéniéba and kidnap two Chinese workers', 'The attack took place on Monday');
    expect(extractFacts(doc, catalogs).main).toMatchObject({ type: 'kidnapping', places: ['ml-kenieba'], victims: { count: 2, nationality: 'Chinese' } });
  });

  it('reads a follow-up whose news dates the event it follows by "last year" as news, not as background', () => {
    const freed = extractFacts(
      makeDocument('German priest freed in Mali', 'A German priest who was kidnapped in Bamako last year has been freed. Last year, gunmen had also kidnapped two Chinese workers in the area'),
      catalogs,
    );
    expect(freed.victims.map((v) => [v.count, v.nationality, v.background])).toEqual([
      [1, 'German', false],
      [1, 'German', false],
      [2, 'Chinese', true],
    ]);
    expect(freed.main).toMatchObject({ changes: ['release'], places: ['ml-bamako', 'ml'] });
    // Recalled, not followed: "previously" still looks back, whatever became of them.
    const recalled = extractFacts(makeDocument('Attack in Kayes', 'Two Chinese workers previously kidnapped in Kayes were freed'), catalogs);
    expect(recalled.victims.every((v) => v.background)).toBe(true);
  });

  it('reads a lead that opens on a month weeks before the report as its news, and one months before as background', () => {
    const body = 'In March 2025, more than 100 civilians were killed near Solenzo, according to a new report. Witnesses blamed militias';
    const told = (published: string) => extractFacts(makeDocument('Burkina Faso accused of mass killing near Solenzo', body, { lang: 'en', published }), catalogs);
    const weeksLater = told('2025-05-12T09:00:00Z');
    expect(weeksLater.victims.map((v) => [v.count, v.background])).toEqual([[100, false]]);
    expect(weeksLater.main).toMatchObject({ date: '2025-03-01', datePrecision: 'month', victims: { count: 100 } });
    expect(told('2025-12-12T09:00:00Z').victims.map((v) => [v.count, v.background])).toEqual([[100, true]]);
  });

  it('counts the dead of an attack', () => {
    const doc = makeDocument('Twelve soldiers killed in an attack on the army camp in Boulkessi', 'The army said the attackers fled');
    expect(extractFacts(doc, catalogs).main).toMatchObject({ type: 'attack', victims: { count: 12 }, places: ['ml-boulkessi'], country: 'ml' });
  });

  it('dates the event, not the statement about it', () => {
    const doc = makeDocument(
      'Five Indians kidnapped in Mali',
      'Five Indian nationals were kidnapped near Kayes, officials said on Saturday. Armed men kidnapped the Indians on Thursday',
      { published: '2025-11-08T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-11-06', datePrecision: 'day' });
  });

  it('does not date the event by a day the body gives to another event, days before the report the lead dates', () => {
    const doc = makeDocument(
      'Mali : 46 terroristes et 10 soldats tués dans une attaque',
      "Dix soldats maliens ont été tués dans une attaque contre un camp de l'armée à Bourem, a indiqué mardi soir l'armée dans un communiqué. L'attaque a aussi fait 13 blessés. Les blessés ont été évacués à Gao. Jeudi dernier, une double attaque contre une position de l'armée et un bateau a fait 64 morts",
      { lang: 'fr', published: '2023-09-13T08:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2023-09-12', dateEstimated: true, places: expect.arrayContaining(['ml-bourem']) });
  });

  it('still dates the event by the body when the report the lead dates came within days of it', () => {
    const doc = makeDocument(
      'Soldiers killed in attack on Bourem camp',
      'Ten soldiers were killed in an attack on the army camp in Bourem, the army said on Tuesday. Thirteen were wounded. The wounded were taken to Gao. The attack began on Sunday night',
      { published: '2023-09-13T08:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2023-09-10' });
  });

  it('does not date the event by the day a state of things began', () => {
    const doc = makeDocument(
      'Niger : la France annonce la fermeture de son ambassade',
      "Depuis le coup d'État du 26 juillet 2023, les relations entre les deux pays se sont détériorées. L'ambassade ne peut plus fonctionner",
      { lang: 'fr', published: '2023-12-22T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2023-12-22', dateEstimated: true });
    const fighting = makeDocument(
      'Heavy fighting near Tinzaouaten',
      'Troops and rebels fought for several days around Tinzaouaten, both sides said on Sunday. The rebels said an army column had moved towards the town since Thursday',
      { published: '2024-07-28T09:00:00Z' },
    );
    expect(extractFacts(fighting, catalogs).main).toMatchObject({ date: '2024-07-25' });
  });

  it('takes the day a statement came out, its agent named before the day, for an estimate', () => {
    const doc = makeDocument(
      '54 soldats béninois tués dans une attaque du JNIM',
      "Une attaque coordonnée du JNIM a visé des postes militaires dans le département de l’Alibori, provoquant la mort de 54 soldats béninois, selon le bilan officiel communiqué par le gouvernement le 23 avril.",
      { lang: 'fr', published: '2025-04-24T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-04-23', dateEstimated: true });
  });

  it('dates an attack by the day it happened rather than the day sources told a news agency of it', () => {
    const told = makeDocument(
      'Improvised explosive device kills eight gold miners in Niger',
      'A bomb blast in west Niger has killed at least eight workers at a gold mine in the Tillaberi region, local sources told AFP on Tuesday. The workers died on Friday after their vehicle ran over an improvised explosive device.',
      { published: '2025-05-13T18:00:00Z' },
    );
    expect(extractFacts(told, catalogs).main).toMatchObject({ date: '2025-05-09' });
    const reported = makeDocument(
      'Niger : huit personnes tuées dans l’explosion d’une mine',
      "Au moins huit personnes ont trouvé la mort dans l’explosion d’un engin explosif improvisé dans la région de Tillabéri. C’est ce qu’a rapporté l’agence de presse AFP le 13 mai, citant des sources locales. Selon ces sources, l’explosion s’est produite le vendredi 9 mai.",
      { lang: 'fr', published: '2025-05-13T10:00:00Z' },
    );
    expect(extractFacts(reported, catalogs).main).toMatchObject({ date: '2025-05-09' });
  });

  it('does not date a kidnapping by the earlier one its lead counts back to in months', () => {
    const doc = makeDocument(
      'Swiss woman abducted in Niger: officials',
      'A Swiss woman has been kidnapped in the same Niger city that saw the abduction of an Austrian three months ago, officials said. The foreign ministry said it had been informed of the kidnapping of a Swiss citizen. "The Swiss diplomatic mission in Niamey is in contact with the local authorities. Clarifications are under way." Agadez has been largely deserted by tourists since the 1990s. The governor said the woman was abducted late Sunday from her home in Agadez.',
      { published: '2025-04-14T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-04-13', datePrecision: 'day' });
  });

  it('dates a massacre by its month rather than by the day a report on it came out or an envoy asked for access', () => {
    const report = makeDocument(
      "L'ONU accuse l'armée malienne d'un massacre",
      'Selon une enquête, au moins 500 civils ont été assassinés à Moura en mars 2022. Les 41 pages du rapport, officiellement publiées le 12 mai, accusent les militaires',
      { lang: 'fr', published: '2022-05-14T10:00:00Z' },
    );
    expect(extractFacts(report, catalogs).main).toMatchObject({ date: '2022-03-01', datePrecision: 'month' });
    const envoy = makeDocument(
      "Massacre au Mali : l'ONU réclame un accès à Moura",
      "L'émissaire de l'ONU pour le Mali a demandé jeudi un accès à la localité de Moura, où l'armée est accusée d'un massacre fin mars",
      { lang: 'fr', published: '2022-04-08T10:00:00Z' },
    );
    expect(extractFacts(envoy, catalogs).main).toMatchObject({ date: '2022-03-01', datePrecision: 'month' });
  });

  it('places the event in the one country the headline names, not where a victim was coming from', () => {
    const doc = makeDocument(
      'Jihadists kill Spanish priest in Burkina Faso',
      'A Spanish priest has been murdered by suspected jihadists in Burkina Faso. Antonio César Fernández was returning from a meeting in Lome, Togo, when his car was attacked at a checkpoint.',
      { published: '2019-02-16T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ country: 'bf', places: ['bf'] });
  });

  it('takes the day of the meeting at which a toll was given for an estimate', () => {
    const doc = makeDocument(
      "Attaque d'Inata : le bilan s'alourdit",
      "Le décompte macabre continue à Inata, dans la province du Soum. Au terme du Conseil des ministres de ce mercredi 17 novembre, le ministre porte-parole du gouvernement a donné un nouveau bilan de 53 morts.",
      { lang: 'fr', published: '2021-11-18T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2021-11-17', dateEstimated: true });
  });

  it('does not date the event by the day of earlier attacks an opening clause says it came after', () => {
    const doc = makeDocument(
      'Attaque de Yirgou : le maire de Barsalogho raconte',
      "Après les attaques de Baffina et de Guendbila dans la commune de Barsalogho le mercredi 2 mai 2018, c'est au tour du village de Yirgou de subir les affres des présumés terroristes. L'attaque a eu lieu dans la nuit du 31 décembre 2018 au 1er janvier 2019.",
      { lang: 'fr', published: '2019-01-04T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2019-01-01' });
    const byPlace = makeDocument(
      "Attaque contre le camp militaire d'Indelimane",
      "Après Boulkessi, le 1er octobre dernier, où au moins 40 militaires ont été tués, c'est le camp de l'armée d'Indelimane, dans la région de Gao, qui a été visé, le vendredi 1er novembre dernier.",
      { lang: 'fr', published: '2019-11-01T18:00:00Z' },
    );
    expect(extractFacts(byPlace, catalogs).main).toMatchObject({ date: '2019-11-01' });
    const followUp = makeDocument(
      'Mali: army launches sweep after attack',
      'After the attack on Monday near Ménaka, the army launched a sweep of the area, officials said.',
      { published: '2024-03-06T10:00:00Z' },
    );
    expect(extractFacts(followUp, catalogs).main).toMatchObject({ date: '2024-03-04' });
  });

  it('does not place the event where another event came days before it, unless the opening says so of its own news', () => {
    const doc = makeDocument(
      'Mali: more than 100 killed in the attack on a Fulani village',
      "Saturday's attack on a Fulani village in central Mali has left more than 100 dead, local officials said. Witnesses said the huts were burned. The attack comes six days after a jihadist attack in Dioura, against an army camp",
      { published: '2019-03-25T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.places).toEqual(['ml']);
    const opening = makeDocument(
      "Timbuktu attack shows jihadists' reach",
      "Monday's attack on the army camp in Timbuktu came a day after the assault on Boulkessi, the army said",
      { published: '2025-06-04T08:00:00Z' },
    );
    expect(extractFacts(opening, catalogs).main).toMatchObject({ date: '2025-06-02' });
  });

  it("does not count the victims of the event a French sentence says the news came after", () => {
    const doc = makeDocument(
      "Niger : attaque repoussée d'une prison",
      "La prison de Koutoukalé a été attaquée à 4h00 par des hommes armés qui ont été repoussés, a assuré lundi le ministre. L'ennemi a été repoussé. L'attaque survient après l'enlèvement vendredi d'un humanitaire américain",
      { lang: 'fr', published: '2016-10-17T10:38:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.victims).toBeUndefined();
  });

  it('does not date the event by a day a clause gives of what happened before at a place', () => {
    const later = makeDocument(
      'Gunmen kill 13 Niger gendarmes in attack near Mali border',
      'Gunmen killed 13 gendarmes in an attack on their base in western Niger, security sources said on Saturday. The village is a few dozen kilometres from where militants killed four US soldiers in an ambush on Oct 4',
      { published: '2017-10-22T10:00:00Z' },
    );
    expect(extractFacts(later, catalogs).main).toMatchObject({ date: '2017-10-21' });
    const sameSentence = makeDocument(
      'Islamic State claims it killed 28 Nigerien soldiers',
      "Tuesday's ambush occurred near Tongo Tongo, where fighters killed four US Special Forces in an ambush on October 4",
      { published: '2019-05-17T10:00:00Z' },
    );
    expect(extractFacts(sameSentence, catalogs).main).toMatchObject({ date: '2019-05-14' });
    const news = makeDocument('Ménaka: civilians killed', 'Fighting goes on in Ménaka, where gunmen killed 20 civilians on Sunday, officials said', { published: '2024-03-05T10:00:00Z' });
    expect(extractFacts(news, catalogs).main).toMatchObject({ date: '2024-03-03' });
  });

  it('places the event in the village a report names by "called" or "appelé"', () => {
    const english = makeDocument('Around 100 killed in attack on village', 'Almost 100 people have been confirmed dead in an attack on a Mali village. The attack occurred on a village called Sobane Da, inhabited by Dogons');
    expect(extractFacts(english, catalogs).main.places).toContain('ml-sobane-da');
    const french = makeDocument('Une centaine de morts dans un village', 'Une centaine de personnes ont été tuées dans un village du Mali. Les assaillants ont attaqué un village appelé Sobane Da, dans le centre', { lang: 'fr' });
    expect(extractFacts(french, catalogs).main.places).toContain('ml-sobane-da');
  });

  it("dates a government's advice by the sentence that gives it, not by the events it cites", () => {
    const doc = makeDocument(
      'US orders evacuation of non-emergency personnel from Niger',
      'The State Department ordered the evacuation of non-emergency personnel and family members from Niger. "On July 26, President Mohamed Bazoum was placed under house arrest," the department said. "On August 2, 2023, the Department ordered the departure of non-emergency U.S. government employees," it said',
      { published: '2023-08-03T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ type: 'evacuation', date: '2023-08-02' });
  });

  it('does not date the event nor count victims by a body sentence placed only in another country, and keeps the day of "Today\'s attack comes after"', () => {
    const body = [
      'Gunmen killed a priest and five parishioners during Mass in an attack on a Catholic church in Dablo, northern Burkina Faso.',
      'The attackers set fire to the church.',
      'Reinforcements were sent from Barsalogho.',
      'People are holed up in their homes.',
      'The operation was ordered to free the French hostage Patrick Picque, who disappeared while on holiday in the Pendjari National Park in Benin on 1 May.',
    ];
    const doc = makeDocument('Gunmen kill six during Mass at church in Burkina Faso', body.join(' '), { published: '2019-05-12T18:00:00Z' });
    expect(extractFacts(doc, catalogs).main).toMatchObject({ country: 'bf', date: '2019-05-12' });
    expect(extractFacts(doc, catalogs).main.named).toBeUndefined();
    const today = makeDocument(
      'Gunmen kill six during Mass at church in Burkina Faso',
      [...body, "Today's attack comes two weeks after a similar attack against a Protestant church in Silgadji."].join(' '),
      { published: '2019-05-13T09:00:00Z' },
    );
    expect(extractFacts(today, catalogs).main).toMatchObject({ date: '2019-05-13' });
    expect(extractFacts(today, catalogs).main.dateUntold).toBeUndefined();
  });

  it('reads people gone missing, in a story that tells of no other event, as feared taken', () => {
    const missing = makeDocument('Quebec woman and travel companion feared missing in Burkina Faso, family says', 'The family of a Quebec woman say they are worried she and her Italian friend have gone missing.');
    expect(extractFacts(missing, catalogs).main.type).toBe('kidnapping');
    const french = makeDocument("Burkina Faso : disparition d'un prêtre catholique", "Le prêtre n'a plus donné signe de vie depuis dimanche.", { lang: 'fr' });
    expect(extractFacts(french, catalogs).main.type).toBe('kidnapping');
    const ambush = makeDocument('Niger soldiers missing after ambush near Tongo Tongo', 'Seventeen soldiers were killed and eleven are missing after the ambush.');
    expect(extractFacts(ambush, catalogs).main.type).toBe('attack');
  });

  it('reads the repatriation a headline tells beside a release as the freed hostage flown home, not an evacuation', () => {
    const freed = makeDocument(
      "Mali : libération et rapatriement d'un prêtre allemand, porté disparu depuis un an",
      'Le prêtre allemand, probablement enlevé depuis le 20 novembre 2022 à Bamako, a été libéré et rapatrié en Allemagne.',
      { lang: 'fr', published: '2023-11-27T09:00:00Z' },
    );
    expect(extractFacts(freed, catalogs).main.type).toBe('kidnapping');
    const flown = makeDocument("Mali : rapatriement des ressortissants allemands", 'Berlin a organisé le rapatriement de ses ressortissants depuis Bamako.', { lang: 'fr' });
    expect(extractFacts(flown, catalogs).main.type).toBe('evacuation');
  });

  it('does not date the event by a body sentence that names only a town of another region', () => {
    const doc = makeDocument(
      '9 Nigerian soldiers killed in militant ambush on peacekeeping forces in Mali',
      'Nine peacekeepers have been killed in an ambush by unidentified militants in the northern city of Gao. Gunmen riding motorcycles attacked the troops. The UN condemned the attack. On September 18, five peacekeepers were killed and three others wounded in a bomb attack in Kidal.',
      { published: '2014-10-04T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ places: expect.arrayContaining(['ml-gao']), date: '2014-10-04' });
  });

  it('does not date an attack by a body sentence that tells only of another kind of event', () => {
    const doc = makeDocument(
      'More than 40 fuel tankers destroyed in militant attack on convoy in Mali',
      'Militants of JNIM attacked a convoy of fuel tankers in the Kayes region. The convoy was ambushed under military escort. Around 40 fuel tankers were burned, a union said. The army confirmed the attack. On 3 September, JNIM announced a blockade on fuel imports in the regions of Kayes and Nioro',
      { published: '2025-09-16T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ type: 'attack', date: '2025-09-16' });
  });

  it('names the victims the story tells of, not a hostage it recalls, and reads a name after a title', () => {
    const doc = makeDocument(
      'Kidnapped German priest freed',
      "German missionary Fr Hans Joachim Lohre who was kidnapped in Mali's capital Bamako last year has been freed, a church official said on Sunday. The government of Mali did not immediately respond to a request for comment. A spokesperson for the German foreign office declined to comment. He taught in the Malian capital at an institute for inter-religious dialogue. Fr Lohre is the second German to be freed in less than a year in the Sahel, following the release in December 2022 of German humanitarian Jörg Lange, who was kidnapped on 11 April 2018 in western Niger",
      { published: '2023-11-27T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.named).toEqual(['Hans Joachim Lohre']);
    const freed = makeDocument(
      'Mali: deux ex-otages occidentaux libérés',
      "La Canadienne Édith Blais, enlevée en décembre 2018 au Burkina Faso, a été libérée au Mali. Elle a été remise aux autorités à Kidal.",
      { lang: 'fr', published: '2020-03-14T10:00:00Z' },
    );
    expect(extractFacts(freed, catalogs).main.named).toEqual(['Édith Blais']);
  });

  it('says when the day of the event is named by its weekday alone', () => {
    const weekday = makeDocument('Une Autrichienne enlevée au Niger', 'Une Autrichienne de 73 ans a été enlevée samedi soir à Agadez, dans le nord du Niger.', { lang: 'fr', published: '2025-01-20T10:00:00Z' });
    expect(extractFacts(weekday, catalogs).main).toMatchObject({ date: '2025-01-18', dateWeekdayOnly: true });
    const dated = makeDocument('Une Autrichienne enlevée au Niger', 'Une Autrichienne de 73 ans a été enlevée le samedi 11 janvier à Agadez, dans le nord du Niger.', { lang: 'fr', published: '2025-01-20T10:00:00Z' });
    expect(extractFacts(dated, catalogs).main).toMatchObject({ date: '2025-01-11' });
    expect(extractFacts(dated, catalogs).main.dateWeekdayOnly).toBeUndefined();
  });

  it('does not name among the hostages one of another nationality than theirs', () => {
    const doc = makeDocument(
      'Une Autrichienne enlevée à Agadez, dans le nord du Niger',
      "Une ressortissante autrichienne a été kidnappée dans le nord du Niger, a confirmé dimanche le ministère autrichien. Des hommes armés l'ont emmenée à bord d'un pick-up. Le groupe avait libéré ses derniers otages occidentaux. Avaient suivi le Roumain Iulian Ghergut, plus ancien otage occidental au Sahel, et le médecin australien Kenneth Elliott.",
      { lang: 'fr', published: '2025-01-12T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ victims: { nationality: 'Austrian' } });
    expect(extractFacts(doc, catalogs).main.named).toBeUndefined();
  });

  it('does not place the event across the border the text names, nor by the nationality beside it', () => {
    const doc = makeDocument(
      'Rebels fighting Wagner and Malian army: 21 people killed',
      'The information was released by Tuareg rebels. The town, located near the border with Algeria, was the target of drone attacks, causing the death of 21 civilians. In addition, dozens of others were injured. Location of Mali on the map. The rebel alliance blamed the Malian army and Wagner mercenaries, and said Burkina Faso operated the drones in the attack.',
      { published: '2024-08-26T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.country).toBe('ml');
  });

  it("does not take the hostages' nationality for the country where they were taken", () => {
    const named = makeDocument('Trois Italiens et un Togolais enlevés', 'Des hommes armés ont enlevé trois Italiens et un Togolais jeudi au Mali.', { lang: 'fr', published: '2022-05-20T10:00:00Z' });
    expect(extractFacts(named, catalogs).main.country).toBe('ml');
    const locality = makeDocument(
      'Mali : quatre étrangers enlevés',
      "Des hommes armés ont enlevé trois ressortissants italiens et un Togolais jeudi. L'enlèvement s'est produit dans la localité de Sincina",
      { lang: 'fr', published: '2022-05-20T10:00:00Z' },
    );
    expect(extractFacts(locality, catalogs).main).toMatchObject({ country: 'ml', places: ['ml-loc-sincina'] });
    const unnamed = makeDocument('Un Togolais enlevé', 'Un Togolais a été enlevé jeudi par des hommes armés.', { lang: 'fr', published: '2022-05-20T10:00:00Z' });
    expect(extractFacts(unnamed, catalogs).main.country).toBe('tg');
  });

  it('gives the hostages of the lead the nationality the text gives later to as many of them', () => {
    const doc = makeDocument(
      'Trois ressortissants remis aux autorités',
      "L'ambassade a annoncé, samedi 29 novembre 2025, que trois de ses ressortissants enlevés au début du mois ont été remis aux autorités. Cette libération intervient après plusieurs semaines d'échanges. Les trois hommes avaient disparu entre Ségou et Bamako. Quelques jours après leur disparition, le JNIM avait revendiqué leur enlèvement en indiquant détenir trois ressortissants égyptiens",
      { lang: 'fr', published: '2025-11-30T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.victims).toMatchObject({ count: 3, nationality: 'Egyptian' });
  });

  it('gives hostages of several nationalities listed together no single nationality', () => {
    const doc = makeDocument(
      'Otages du JNIM : un Pakistanais et un Iranien enlevés à Sanankoroba',
      'Les deux hommes avaient été enlevés le 23 septembre près de Sanankoroba par des hommes armés.',
      { lang: 'fr', published: '2025-11-02T10:00:00Z' },
    );
    const victims = extractFacts(doc, catalogs).main.victims;
    expect(victims).toMatchObject({ count: 2, role: 'hostage' });
    expect(victims?.nationality).toBeUndefined();
    const one = makeDocument('Un Pakistanais enlevé à Sanankoroba', 'Un Pakistanais a été enlevé le 23 septembre près de Sanankoroba.', { lang: 'fr', published: '2025-09-25T10:00:00Z' });
    expect(extractFacts(one, catalogs).main.victims).toMatchObject({ count: 1, nationality: 'Pakistani' });
  });

  it("does not date a government's advice by the day of the coup it follows", () => {
    const doc = makeDocument(
      'UK urges Britons to leave Mali amid coup chaos',
      'The Foreign Office has changed its travel advice to Britons in Mali, urging all but those with urgent business there to leave. The new advice follows an attempted coup in the west African country on 21 March and warns those in the capital to be cautious.',
      { published: '2012-03-31T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ type: 'evacuation', date: '2012-03-31' });
  });

  it("dates a government's advice by the day of the statement that gives it", () => {
    const doc = makeDocument(
      'US embassy tells Americans to leave Mali',
      'The U.S. Embassy in Mali has called on American citizens to leave the country immediately. In a statement issued Tuesday, the embassy warned of the unpredictability of the security situation, urging Americans to depart using commercial aviation. The advisory follows a directive from the State Department last Friday authorizing the departure of non-emergency personnel',
      { published: '2025-10-29T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ type: 'evacuation', date: '2025-10-28' });
  });

  it('reads a headline of advice that gives violence as its reason as advice', () => {
    const doc = makeDocument('Italy urges citizens to exit Mali amid escalating fuel shortages and militant attacks', 'Italy has called on its citizens to leave Mali immediately');
    expect(extractFacts(doc, catalogs).main).toMatchObject({ type: 'evacuation' });
    const topic = makeDocument('Attaques terroristes : la France déconseille les zones frontalières du nord du Bénin', 'Le Quai d’Orsay a placé le nord du pays en zone rouge', { lang: 'fr' });
    expect(extractFacts(topic, catalogs).main).toMatchObject({ type: 'advisory' });
    const attack = makeDocument('Gunmen attack convoy as Italy urges citizens to leave Mali', 'Gunmen attacked a fuel convoy near Kayes on Monday');
    expect(extractFacts(attack, catalogs).main).toMatchObject({ type: 'attack' });
  });

  it('does not date the event by a day a bracket points the reader to', () => {
    const doc = makeDocument(
      'Paris recommande un départ temporaire du Mali',
      "La France recommande à ses ressortissants de prévoir un départ temporaire du Mali dès que possible. La situation est extrêmement préoccupante dans le pays (voir post du 2 novembre) avec la pénurie de carburant",
      { lang: 'fr', published: '2025-11-07T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-11-07' });
  });

  it('places the event in the camps a pronoun stands for ("celui de Mondoro")', () => {
    const doc = makeDocument(
      "Au Mali, l'armée paie par le sang",
      "Des dizaines d'éléments armés ont attaqué deux camps militaires, celui de Mondoro et celui de Boulkessi",
      { lang: 'fr', published: '2019-10-16T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.places).toEqual(expect.arrayContaining(['ml-mondoro', 'ml-boulkessi']));
  });

  it('takes the day a subject spoke on for the day of its statement, not of the event', () => {
    const subject = makeDocument(
      'Islamic State claims responsibility for Niger army base attack',
      "Islamic State's West Africa affiliate on Tuesday claimed responsibility for an attack on an army base in Niger. Its fighters killed 100 soldiers in the raid last Thursday on the base in Chinagodrar",
      { published: '2020-01-14T18:00:00Z' },
    );
    expect(extractFacts(subject, catalogs).main).toMatchObject({ date: '2020-01-09' });
    const issued = makeDocument(
      'Islamic State kills soldiers in Niger',
      'The Islamic State issued a statement on 14 January claiming responsibility for a major assault on a military base in Chinagodrar on 9 January',
      { published: '2020-01-20T18:00:00Z' },
    );
    expect(extractFacts(issued, catalogs).main).toMatchObject({ date: '2020-01-09' });
    const dated = makeDocument(
      "L'Etat islamique revendique l'attaque de Kouré",
      "Dans sa lettre Al-Naba, datée du 17 septembre, l'Etat islamique revendique l'attaque commise le 9 août contre un véhicule de l'ONG Acted",
      { lang: 'fr', published: '2020-09-18T10:00:00Z' },
    );
    expect(extractFacts(dated, catalogs).main).toMatchObject({ date: '2020-08-09' });
  });

  it("takes the day of a leader's visit to the scene for an estimate, not the event day", () => {
    const doc = makeDocument(
      'Massacre de peuls à Koulogon : le président était sur place',
      'Le président a effectué ce vendredi 4 janvier 2019 une visite surprise dans le village de Koulogon, où 37 habitants ont été tués',
      { lang: 'fr' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2019-01-04', dateEstimated: true });
  });

  it('does not date the event by a day something is awaited on', () => {
    const doc = makeDocument(
      'Soldier killed in Ivory Coast attack',
      'The attack comes just ahead of Thursday’s inauguration of an academy for fighting terrorism. A soldier was killed in an attack in northeastern Ivory Coast, the military said Tuesday. Armed individuals late Monday attacked the village of Tougbo',
      { published: '2021-06-08T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2021-06-07', datePrecision: 'day' });
  });

  it('marks the date of a story that gives none as untold', () => {
    const stream = { publishedAfter: '2019-06-12', publishedBefore: '2019-11-04' };
    const untold = { ...makeDocument('Mali : attaque de deux camps', "Des jihadistes ont attaqué deux camps de l'armée.", { lang: 'fr' }), ...stream };
    expect(extractFacts(untold, catalogs).main).toMatchObject({ date: '2019-06-12', dateEstimated: true, dateUntold: true });
    const told = { ...makeDocument('Mali : attaque de deux camps', "Des jihadistes ont attaqué lundi deux camps de l'armée.", { lang: 'fr' }), ...stream };
    expect(extractFacts(told, catalogs).main.dateUntold).toBeUndefined();
  });

  it('does not date the event by a day told in a relative clause in the pluperfect, of what had happened before', () => {
    // Undated, between two dated items of a stream: its weekdays are estimates, which a month it gives would outrank.
    const doc = {
      ...makeDocument(
        'Mali : nouvelle tuerie à Ogossagou',
        "Des hommes armés ont attaqué dans la nuit de jeudi à vendredi le village d'Ogossagou, où des dizaines d'habitants avaient été tués en mars 2019, selon le maire.",
        { lang: 'fr' },
      ),
      publishedAfter: '2020-02-10',
      publishedBefore: '2020-02-20',
    };
    const main = extractFacts(doc, catalogs).main;
    expect(main.date?.slice(0, 7)).toBe('2020-02');
    expect(main.dateEstimated).toBe(true);
    const longClause = {
      ...makeDocument(
        'Niger : 28 soldats tués dans une embuscade',
        "Vingt-huit soldats ont été tués mardi dans une embuscade près de Tongo Tongo, où quatre militaires américains et quatre soldats nigériens avaient été tués en octobre 2017.",
        { lang: 'fr' },
      ),
      publishedAfter: '2019-05-10',
      publishedBefore: '2019-05-20',
    };
    expect(extractFacts(longClause, catalogs).main.date?.slice(0, 7)).toBe('2019-05');
  });

  it('takes the day a report came out by a named agency for the day of the report, not of the event', () => {
    const doc = makeDocument(
      'JNIM claims killing of 200 soldiers in Burkina Faso',
      'JNIM claimed responsibility for killing 200 soldiers at a military base in Burkina Faso. This was reported by SITE Intelligence Group on Thursday. The base in Djibo was overwhelmed by JNIM fighters on Sunday.',
      { published: '2025-05-15T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-05-11', datePrecision: 'day' });
  });

  it('takes the day of a press conference for the day something was said', () => {
    const doc = makeDocument(
      'Burkina Faso authorities under fire after uniformed men massacre 150 villagers',
      'Pressure is mounting after more than 150 civilians were massacred in northern villages. At a press conference on Saturday, survivors accused the army. Men in military uniforms killed more than 130 people in the village of Karma on April 20.',
      { published: '2023-04-30T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2023-04-20', datePrecision: 'day' });
  });

  it('takes a day that opens a statement given in apposition for the day something was said', () => {
    const doc = makeDocument(
      'Boungou mine suspends operations after convoy attack',
      'Semafo suspended operations at its Boungou mine in eastern Burkina Faso following the attack on a convoy of its workers. The company said the mine would stay closed. Security was tightened. On November 11, Benoit Desormeaux, chief executive of Semafo, said in a statement that the company had begun flying people out.',
      { published: '2019-11-11T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2019-11-11', dateEstimated: true });
  });

  it('takes the day a body was found for when it came to light, not for the event', () => {
    const doc = makeDocument(
      'Benin tour guides mourn colleague after kidnapping',
      'Benin is reeling over the death of a tour guide whose body was discovered Saturday. He went missing May 1 with two French tourists kidnapped in Pendjari National Park.',
      { published: '2019-05-09T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2019-05-01', datePrecision: 'day' });
  });

  it('takes the day a briefing headline gives for when it was said', () => {
    const doc = makeDocument(
      'Daily press briefing by the Office of the Spokesperson: 4 November 2019 - Mali',
      'The spokesperson said the United Nations was outraged by the attack. We are outraged by Friday’s attack against the army camp in Indelimane, in Mali’s Ménaka region.',
      { published: '2019-11-04T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2019-11-01', datePrecision: 'day' });
  });

  it('does not date the event by the day of what a state of things has lasted since', () => {
    const doc = makeDocument(
      'First suicide bombing in Gao',
      'A suicide bomber blew himself up at a checkpoint on the outskirts of Gao. It is the first known suicide attack in Mali since France sent some 4,000 troops into the north on 11 January to oust the militants.',
      { published: '2013-02-08T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.date).not.toBe('2013-01-11');
    const closed = makeDocument(
      "L'ambassade de France au Niger fermée jusqu'à nouvel ordre",
      "L'ambassade a été fermée, a déclaré le ministère. La fermeture intervient alors que les relations se sont dégradées depuis juillet dernier, quand l'armée a pris le pouvoir",
      { published: '2024-01-02T12:00:00Z', lang: 'fr' },
    );
    expect(extractFacts(closed, catalogs).main.date).not.toBe('2023-07-01');
  });

  it('does not date the event by the day of the cabinet meeting that gave the toll', () => {
    const doc = makeDocument(
      'Inata : 53 morts dont 49 gendarmes',
      'Le bilan est passé à 53 morts, selon le conseil des ministres du 17 novembre 2021. Une position de la gendarmerie à Inata a été attaquée le dimanche 14 novembre 2021',
      { published: '2021-11-18T12:00:00Z', lang: 'fr' },
    );
    expect(extractFacts(doc, catalogs).main.date).toBe('2021-11-14');
  });

  it('does not date an attack by the day of protests planned after it', () => {
    const doc = makeDocument(
      'Extremists kill 19, burn down a health center in Burkina Faso',
      'At least 19 people have been killed during an attack by suspected extremists in Foube, the government press agency said Tuesday. The attack also burned down a health centre. A civil society group is now demanding the resignation of the president, with protests planned for November 27.',
      { published: '2021-11-28T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.date).toBe('2021-11-23');
  });

  it('does not date the event by a day in a clause that tells what is to come', () => {
    const doc = makeDocument(
      'Mali closes schools as the fuel blockade declared by JNIM bites',
      'Mali will close schools for two weeks as the blockade on fuel imports imposed by armed groups in September goes on. The minister said supplies must be restored before schools resume classes on November 10',
      { published: '2025-10-27T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-09-01', datePrecision: 'month' });
    const french = makeDocument(
      'Mali : les écoles fermées à cause du blocus du JNIM',
      'Le blocus imposé en septembre se poursuit. Les cours reprendront le 10 novembre, selon le ministre',
      { lang: 'fr', published: '2025-10-27T12:00:00Z' },
    );
    expect(extractFacts(french, catalogs).main).toMatchObject({ date: '2025-09-01', datePrecision: 'month' });
    const purpose = makeDocument(
      'Mali : les écoles fermées à cause du blocus du JNIM',
      "Le blocus imposé en septembre se poursuit. Les autorités font tout pour mettre fin à la crise afin de reprendre les cours le 10 novembre",
      { lang: 'fr', published: '2025-10-27T12:00:00Z' },
    );
    expect(extractFacts(purpose, catalogs).main).toMatchObject({ date: '2025-09-01', datePrecision: 'month' });
  });

  it('takes the day a measure starts from for an estimate, not the event day', () => {
    const doc = makeDocument(
      'Niger: government confirms 89 soldiers killed in Chinagodrar attack',
      'The government confirmed that 89 soldiers were killed in the attack on the camp. Three days of mourning were declared starting Monday, January 13, 2020',
      { published: '2020-01-14T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2020-01-13', dateEstimated: true });
    const future = makeDocument(
      'Niger: soldiers killed in attack near Téra',
      'Gunmen attacked an army post near Téra, killing 20 soldiers, the ministry said. Three days of national mourning will commence on Wednesday',
      { published: '2024-06-25T12:00:00Z' },
    );
    expect(extractFacts(future, catalogs).main).toMatchObject({ dateEstimated: true });
    const french = makeDocument(
      'Niger : 20 soldats tués près de Téra',
      "Des hommes armés ont attaqué un poste de l'armée près de Téra, a indiqué le ministère. Un deuil national sera observé à compter de ce mercredi 26 juin 2024",
      { lang: 'fr', published: '2024-06-25T12:00:00Z' },
    );
    expect(extractFacts(french, catalogs).main).toMatchObject({ dateEstimated: true });
  });

  it('does not date the event by a month that names another event ("a July coup")', () => {
    const doc = makeDocument(
      'Niger says 23 soldiers killed in ambush',
      'Niger said 23 of its soldiers were killed in an ambush in Tillaberi. Niger is ruled by military leaders who seized power in a July coup. Jihadist violence has continued. The soldiers were attacked on Tuesday, the ministry said',
      { published: '2024-03-22T12:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2024-03-19', datePrecision: 'day' });
  });

  it('falls back to the publication date only when the text gives none, as an estimate', () => {
    const doc = makeDocument('Three Chinese nationals kidnapped in Kayes', '', { published: '2025-08-04T10:00:00Z' });
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-08-04', datePrecision: 'day', dateEstimated: true });
  });

  it('takes the day of a statement, or a day worked out from "last week" or "a few days ago", as an estimate only', () => {
    const claimed = makeDocument('JNIM claims ambush near Tinzaouaten', 'The group claimed on Tuesday an ambush on a convoy near Tinzaouaten', { published: '2024-07-31T12:00:00Z' });
    expect(extractFacts(claimed, catalogs).main).toMatchObject({ date: '2024-07-30', dateEstimated: true });
    const week = makeDocument('Five Indians kidnapped in Mali', 'Gunmen kidnapped five Indian workers near Kobri last week', { published: '2025-11-10T12:00:00Z' });
    expect(extractFacts(week, catalogs).main).toMatchObject({ date: '2025-11-03', dateEstimated: true });
    const weeks = makeDocument('Army takes Kidal', 'The army entered Kidal two weeks ago after days of fighting', { published: '2023-11-14T12:00:00Z' });
    expect(extractFacts(weeks, catalogs).main).toMatchObject({ date: '2023-10-31', dateEstimated: true });
    const span = makeDocument('Opération militaire au Mali', "Du 23 au 31 mars, l'armée a mené une opération dans la zone de Moura", { lang: 'fr', published: '2022-04-01T12:00:00Z' });
    expect(extractFacts(span, catalogs).main).toMatchObject({ date: '2022-03-31', dateEstimated: true, places: expect.arrayContaining(['ml-moura']) });
    const between = makeDocument('Massacre au Mali', "Des centaines de civils ont été tués à Moura entre le 27 et le 31 mars", { lang: 'fr', published: '2022-04-05T12:00:00Z' });
    expect(extractFacts(between, catalogs).main).toMatchObject({ date: '2022-03-31', dateEstimated: true });
    const lastTuesday = makeDocument('Indiens enlevés au Mali', 'Trois Indiens ont été enlevés mardi dernier à Kayes', { lang: 'fr', published: '2025-07-09T12:00:00Z' });
    expect(extractFacts(lastTuesday, catalogs).main).toMatchObject({ date: '2025-07-08', dateEstimated: true });
    const fewDays = makeDocument('Deux Chinois enlevés à Naréna', "Une attaque a visé, il y a quelques jours, une mine d'or à Naréna", { lang: 'fr', published: '2025-05-26T12:00:00Z' });
    expect(extractFacts(fewDays, catalogs).main).toMatchObject({ date: '2025-05-23', dateEstimated: true });
    const severalDays = makeDocument('Chinese workers kidnapped in Mali', 'Gunmen kidnapped two Chinese workers at a gold mine near Narena several days ago', { published: '2025-05-26T12:00:00Z' });
    expect(extractFacts(severalDays, catalogs).main).toMatchObject({ dateEstimated: true });
    const exact = makeDocument('Five Indians kidnapped in Mali', 'Gunmen kidnapped five Indian workers near Kobri on Thursday', { published: '2025-11-08T12:00:00Z' });
    expect(extractFacts(exact, catalogs).main.dateEstimated).toBeUndefined();
  });

  it('only estimates a day read against the day an undated story was seen', () => {
    const relative = makeDocument('Gunmen attack army post near Gao', 'Gunmen attacked an army post near Gao on Sunday');
    expect(extractFacts(relative, catalogs).main).toMatchObject({ datePrecision: 'day', dateEstimated: true });
    const written = makeDocument('Gunmen attack army post near Gao', 'Gunmen attacked an army post near Gao on 3 March 2024');
    expect(extractFacts(written, catalogs).main).toMatchObject({ date: '2024-03-03' });
    expect(extractFacts(written, catalogs).main.dateEstimated).toBeUndefined();
  });

  it('takes the day of the month an undated story of a stream gives, between the items around it, as its day', () => {
    const story = (bounds: { publishedAfter?: string; publishedBefore?: string }) => {
      const built = buildDocument({
        id: 'u', kind: 'news', source: 'S', title: 'Attaque meurtrière à Barsalogho', lang: 'fr', seenAt: '2024-07-28T10:00:00Z', ...bounds,
        body: 'Des hommes armés ont tué des dizaines de civils le 24 août à Barsalogho, selon des sources locales.',
      });
      if (!built.ok) throw new Error(built.error.message);
      return extractFacts(built.value, catalogs).main;
    };
    const bounded = story({ publishedAfter: '2024-07-28T10:00:00Z', publishedBefore: '2024-09-02T10:00:00Z' });
    expect(bounded).toMatchObject({ date: '2024-08-24', datePrecision: 'day' });
    expect(bounded.dateEstimated).toBeUndefined();
    // Seen on a day with nothing to bound it, the same words are a guess at the year.
    expect(story({})).toMatchObject({ date: '2023-08-24', dateEstimated: true });
  });

  it('takes an undated story of a stream that gives no date to be about the days the stream had got to, as an estimate', () => {
    const built = buildDocument({
      id: 'n', kind: 'news', source: 'S', title: 'Rebels kill 40 civilians in Djibo', lang: 'en', seenAt: '2023-11-28T10:00:00Z', publishedAfter: '2023-11-28T10:00:00Z',
      body: 'At least 40 civilians were killed in a recent attack by al-Qaida-linked rebels in Djibo, a town in northern Burkina Faso.',
    });
    if (!built.ok) throw new Error(built.error.message);
    expect(extractFacts(built.value, catalogs).main).toMatchObject({ date: '2023-11-28', datePrecision: 'day', dateEstimated: true });
  });

  it('dates an undated wire story of a stream by its dateline in the days before the next dated item', () => {
    const built = buildDocument({
      id: 'k', kind: 'news', source: 'S', title: "Al Qaeda affiliate claims attack on Mali's main military base", lang: 'en',
      seenAt: '2022-07-22T00:00:00Z', publishedAfter: '2022-07-22T00:00:00Z', publishedBefore: '2022-07-24T00:00:00Z',
      body: "DAKAR, July 23 (Reuters) - Al Qaeda's affiliate in Mali claimed responsibility on Saturday for an attack on the country's main military base.\n\nFriday's raid on the Kati base outside the capital Bamako killed at least one soldier.",
    });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.published?.slice(0, 10)).toBe('2022-07-23');
    expect(extractFacts(built.value, catalogs).main).toMatchObject({ date: '2022-07-23', datePrecision: 'day' });
  });

  it('takes a weekday an undated story gives for its day when the stream leaves it one such day', () => {
    const story = (publishedBefore: string) => {
      const built = buildDocument({
        id: 'e', kind: 'news', source: 'S', title: 'US orders evacuation of embassy staff from Niger', lang: 'en',
        seenAt: '2023-08-03T10:00:00Z', publishedAfter: '2023-08-03T10:00:00Z', publishedBefore,
        body: 'The State Department on Wednesday ordered the departure of non-emergency staff from the embassy in Niamey.\n\nOn July 26, President Mohamed Bazoum was placed under house arrest by his guard.',
      });
      if (!built.ok) throw new Error(built.error.message);
      return extractFacts(built.value, catalogs).main.date;
    };
    expect(story('2023-08-04T10:00:00Z')).toBe('2023-08-02');
    // Two weeks on, "Wednesday" may be any of three, but the day the body gives is the coup's, not the advice's.
    expect(story('2023-08-17T10:00:00Z')).toBe('2023-08-02');
  });

  it('marks a day and month an undated story gives as of an unknown year when the stream leaves it more than one', () => {
    const story = (publishedAfter: string) => {
      const built = buildDocument({
        id: 'y', kind: 'news', source: 'S', title: "Togo : lutte contre le terrorisme après l'attaque", lang: 'fr',
        seenAt: `${publishedAfter}T00:00:00Z`, publishedAfter: `${publishedAfter}T00:00:00Z`, publishedBefore: '2021-11-14T00:00:00Z',
        body: "L'attaque a été signalée dans la nuit du 9 au 10 novembre dans la localité de Sanloaga, dans le nord du Togo.",
      });
      if (!built.ok) throw new Error(built.error.message);
      return extractFacts(built.value, catalogs).main;
    };
    expect(story('2020-08-15')).toMatchObject({ dateEstimated: true, dateYearUnknown: true });
    expect(story('2021-06-01').dateYearUnknown).toBeUndefined();
  });

  it('takes "last week" in an undated story of a stream for no day at all', () => {
    const story = (publishedBefore: string) => {
      const built = buildDocument({
        id: 'w', kind: 'news', source: 'S', title: "Nouveau bilan d'une attaque jihadiste dans le nord du Bénin", lang: 'fr',
        seenAt: '2025-04-11T00:00:00Z', publishedAfter: '2025-04-11T00:00:00Z', publishedBefore,
        body: 'Cinquante-quatre militaires béninois ont été tués la semaine dernière dans une attaque dans le parc national du W.',
      });
      if (!built.ok) throw new Error(built.error.message);
      return extractFacts(built.value, catalogs).main;
    };
    expect(story('2025-11-19T00:00:00Z')).toMatchObject({ dateEstimated: true, dateUntold: true });
  });

  it('prefers a day the body pins down to a weekday an undated story leaves to be guessed', () => {
    const built = buildDocument({
      id: 'w', kind: 'news', source: 'S', title: 'Al Qaeda network claims attack that killed six soldiers in Togo', lang: 'en',
      seenAt: '2024-03-22T10:00:00Z', publishedAfter: '2024-03-22T10:00:00Z', publishedBefore: '2024-07-24T10:00:00Z',
      body: 'The network claimed the attack on an army post in northern Togo, which killed six soldiers on Saturday last weekend.\n\nThe group said its fighters controlled the army barracks on July 20 and killed six soldiers.',
    });
    if (!built.ok) throw new Error(built.error.message);
    expect(extractFacts(built.value, catalogs).main).toMatchObject({ date: '2024-07-20' });
  });

  it('does not date a story by the day a measure it reports will end', () => {
    const closed = makeDocument(
      'Mali : les écoles fermées jusqu\'au 9 novembre',
      "Les écoles et universités maliennes sont fermées jusqu'au 9 novembre en raison de la pénurie de carburant provoquée par le blocus du JNIM.",
      { lang: 'fr', published: '2025-10-27T10:00:00Z' },
    );
    expect(extractFacts(closed, catalogs).main).toMatchObject({ date: '2025-10-27', dateEstimated: true });
  });

  it('does not date a story by the first day of a span it reports, but keeps a night from one weekday to the next', () => {
    const span = makeDocument(
      'Niger confirms 29 soldiers killed near Tabatol',
      'From September 26 to October 2, 2023, the army conducted an operation near Tabatol, where 29 soldiers were killed in an attack.',
      { published: '2023-10-03T10:00:00Z' },
    );
    expect(extractFacts(span, catalogs).main).toMatchObject({ date: '2023-10-02' });
    const night = makeDocument('Massacre à Solhan', 'Une centaine de civils ont été tués dans la nuit du vendredi au samedi 5 juin 2021 à Solhan.', { lang: 'fr', published: '2021-06-06T10:00:00Z' });
    expect(extractFacts(night, catalogs).main).toMatchObject({ date: '2021-06-04' });
  });

  it("gives the hostage the one nationality the headline gives its victims when the hostage's own words give none", () => {
    const story = (title: string) =>
      extractFacts(
        makeDocument(title, 'Officials said DNA tests confirmed the body of the hostage, a missionary taken hostage by the group in 2016, has been identified.', {
          published: '2021-03-31T10:00:00Z',
        }),
        catalogs,
      ).main.victims;
    expect(story('Body of Swiss hostage killed in Mali recovered')).toMatchObject({ count: 1, nationality: 'Swiss', role: 'hostage' });
    // Two French soldiers are not the one hostage.
    expect(story('Two French soldiers killed as body of hostage recovered in Mali')?.nationality).toBeUndefined();
  });

  it('takes the victims the headline names for the main ones, rather than others its lead says were freed with them', () => {
    const deal = makeDocument(
      'Deal reached to free UAE hostages in Mali',
      'A deal has been reached to free two Emirati hostages held by JNIM in Mali, sources said on Thursday. An Iranian hostage was also freed.',
      { published: '2025-10-24T10:00:00Z' },
    );
    expect(extractFacts(deal, catalogs).main.victims).toMatchObject({ count: 2, nationality: 'Emirati' });
  });

  it('does not count the victims of another event that an opening clause of contrast sets beside the story', () => {
    const beside = makeDocument(
      'Trois touristes enlevés à Tombouctou',
      "Alors que deux Français ont été enlevés jeudi à Hombori, trois touristes, deux Hollandais et un Sud-Africain, ont été victimes d'un rapt vendredi à Tombouctou.",
      { lang: 'fr', published: '2011-11-26T10:00:00Z' },
    );
    expect(extractFacts(beside, catalogs).main.victims?.nationality).not.toBe('French');
  });

  it('does not date a story by the day of another event an opening clause of contrast sets beside it', () => {
    const beside = makeDocument(
      'Trois touristes enlevés à Tombouctou',
      "Alors que deux Français ont été enlevés le 24 novembre à Hombori, trois touristes ont été enlevés le 25 novembre à Tombouctou.",
      { lang: 'fr', published: '2011-11-26T10:00:00Z' },
    );
    expect(extractFacts(beside, catalogs).main.date).toBe('2011-11-25');
  });

  it('takes the hostage the headline names by name for the main victim, not another freed with her', () => {
    const freed = makeDocument(
      'Mali : Sophie Pétronin, dernière otage française, libérée',
      "La Française Sophie Pétronin, retenue en otage avec le Malien Soumaïla Cissé, a été libérée, a annoncé la présidence.",
      { lang: 'fr', published: '2020-10-08T10:00:00Z' },
    );
    expect(extractFacts(freed, catalogs).main.victims).toMatchObject({ count: 1, nationality: 'French' });
  });

  it('takes someone reported missing for the victim of a kidnapping story', () => {
    const missing = makeDocument('German priest missing in Mali', 'A German priest who has lived in Bamako for thirty years was reported missing on Sunday. A colleague said he was kidnapped.', { published: '2022-11-21T10:00:00Z' });
    expect(extractFacts(missing, catalogs).main).toMatchObject({ type: 'kidnapping', victims: { count: 1, nationality: 'German', role: 'missing' } });
  });

  it('takes the freed for the victims of a story whose main event is a release', () => {
    const freed = makeDocument('Le journaliste français Olivier Dubois libéré', "Le journaliste français Olivier Dubois a été libéré après presque deux ans de captivité au Mali", { lang: 'fr', published: '2023-03-20T10:00:00Z' });
    expect(extractFacts(freed, catalogs).main).toMatchObject({ type: 'release', victims: { count: 1, nationality: 'French', role: 'released' } });
  });

  it('dates the event, not "today", the day the authorities announced a new toll', () => {
    const toll = makeDocument('Toll of the Tessit attack rises', 'Today, Wednesday, the Malian authorities announced a new toll for the attack in Tesset last Sunday', { published: '2022-08-10T12:00:00Z' });
    expect(extractFacts(toll, catalogs).main).toMatchObject({ date: '2022-08-07', places: expect.arrayContaining(['ml-tessit']) });
  });

  it('dates the event, not the day a group released a statement about it', () => {
    const claimed = makeDocument(
      'JNIM attacks army camp in Burkina Faso',
      'JNIM said it killed 60 soldiers. But on Thursday, May 15, they released another statement, claiming 200 soldiers killed. The army base in Djibo came under attack on Sunday morning',
      { published: '2025-05-16T10:00:00Z' },
    );
    expect(extractFacts(claimed, catalogs).main).toMatchObject({ date: '2025-05-11' });
  });

  it('takes the day a group named in apposition claimed an attack for the claim, not the attack', () => {
    const doc = makeDocument(
      'Al-Qaeda affiliate claims ambush kills 50 Wagner mercenaries in northern Mali',
      "On July 30, 2024, an al Qaeda affiliate, Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM), claimed responsibility for an ambush that killed 50 Wagner mercenaries near Tinzaouaten",
      { published: '2024-07-30T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2024-07-30', dateEstimated: true });
  });

  it('dates the event, not a sentence that opens on the day something was announced or published', () => {
    const announced = makeDocument(
      'Austrian hostage seen alive',
      'Ce 29 avril 2025, le média Aïr Info a publié une photo de l\'otage. Elle avait été enlevée le 11 janvier à Agadez',
      { lang: 'fr', published: '2025-04-29T10:00:00Z' },
    );
    expect(extractFacts(announced, catalogs).main).toMatchObject({ date: '2025-01-11' });
    const reported = makeDocument('Five Indians kidnapped near Kobri', 'Armed men kidnapped five Indian nationals near Kobri on Thursday, security sources said', { published: '2025-11-07T10:00:00Z' });
    expect(extractFacts(reported, catalogs).main).toMatchObject({ date: '2025-11-06' });
    expect(extractFacts(reported, catalogs).main.dateEstimated).toBeUndefined();
    // A phrase that says where the claim came out may come before its day.
    const weekly = makeDocument(
      'Français tués au Niger : le groupe État islamique revendique l\'attaque',
      'Dans son hebdomadaire Al-Naba ce jeudi, l\'EI revendique l\'attaque sanglante de Kouré',
      { lang: 'fr', published: '2020-09-17T10:00:00Z' },
    );
    expect(extractFacts(weekly, catalogs).main).toMatchObject({ dateEstimated: true, actors: ['is-sahel'], changes: expect.arrayContaining(['claim']) });
  });

  it('counts a kidnapping story that tells of a foreigner freed by the freed', () => {
    const freed = makeDocument(
      'Un Australien libéré 7 ans après son enlèvement au Burkina Faso',
      "L'Australien avait été enlevé en 2016 avec son épouse. Six otages sont encore détenus dans la région, selon des sources locales.",
      { lang: 'fr', published: '2023-05-19T10:00:00Z' },
    );
    expect(extractFacts(freed, catalogs).main).toMatchObject({ victims: { count: 1, nationality: 'Australian', role: 'released' } });
  });

  it('does not take "today" in a headline for the day of the event', () => {
    const doc = makeDocument('Switzerland Today', 'A Swiss woman was abducted from her home in Agadez on Saturday', { published: '2025-04-17T10:00:00Z' });
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-04-12' });
  });

  it('takes advice to leave a country under a blockade to be about the advice', () => {
    const doc = makeDocument('France tells its citizens to leave Mali as a jihadist blockade chokes Bamako', 'Citizens should leave by commercial flights', { published: '2025-11-07T10:00:00Z' });
    expect(extractFacts(doc, catalogs).main.type).not.toBe('blockade');
  });

  it('does not date the event by a day only the body recalls, weeks before the story', () => {
    const doc = makeDocument(
      'Gunmen kill villagers near Bankass',
      'Gunmen killed dozens of villagers near Bankass, officials said. Aid was promised. Families fled. Schools closed. The region was last hit on 3 December 2021 when a bus was attacked',
      { published: '2022-06-20T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2022-06-20', dateEstimated: true });
  });

  it('does not place the event in the country whose border it names', () => {
    const doc = makeDocument(
      'Togo : au moins 08 morts dans une attaque terroriste au Nord à la frontière burkinabè',
      "Des hommes armés ont attaqué un poste de sécurité frontalier avec le Burkina Faso. L'attaque aurait fait au moins 8 morts, près de la frontière avec le Burkina Faso",
      { lang: 'fr', published: '2022-05-11T10:00:00Z' },
    );
    expect(extractFacts(doc, catalogs).main.country).toBe('tg');
  });

  it('places the event in the country most of its places are in, not next to it', () => {
    const doc = makeDocument('Soldiers killed in an ambush near Mali', 'Troops moving between Boni and Torodi were ambushed near the border with Mali, in the Tillaberi region');
    expect(extractFacts(doc, catalogs).main.country).toBe('ne');
  });

  it('does not date the event by a year the story recalls', () => {
    const doc = makeDocument('Jihadists attack army camp in Timbuktu', 'The city, occupied by jihadists in 2012, was attacked at dawn', { published: '2025-06-02T10:00:00Z' });
    expect(extractFacts(doc, catalogs).main).toMatchObject({ date: '2025-06-02', dateEstimated: true });
  });

  it('takes the town from the body when title and lead name only the country', () => {
    const doc = makeDocument(
      'More than 100 killed in jihadist attack in northern Burkina Faso',
      'Jihadists killed more than 100 people, mostly soldiers, residents said. Officials gave no toll. The government met on Monday. The attack targeted the army base in Djibo at dawn. Survivors were flown to Ouagadougou',
      { published: '2025-05-12T10:00:00Z' },
    );
    const main = extractFacts(doc, catalogs).main;
    expect(main).toMatchObject({ type: 'attack', country: 'bf' });
    expect(main.places).toContain('bf-djibo');
    expect(main.places).not.toContain('bf-ouagadougou');
  });

  it('takes the town from the body when the lead names a town only where people came from', () => {
    const doc = makeDocument(
      'Journalistes français de RFI tués au Mali',
      "Les deux envoyés spéciaux de RFI ont été assassinés samedi par leurs ravisseurs. Ils étaient arrivés mardi dernier à Bamako pour rencontrer la force Serval. Le parquet de Paris a ouvert une enquête. Samedi, les deux journalistes ont été tués à Kidal par un commando",
      { lang: 'fr', published: '2013-11-02T20:00:00Z' },
    );
    const main = extractFacts(doc, catalogs).main;
    expect(main).toMatchObject({ type: 'killing', country: 'ml' });
    expect(main.places).toContain('ml-kidal');
    expect(main.places).not.toContain('ml-bamako');
    // A lead town in a sentence that tells the event stays where it happened.
    const told = makeDocument('Journalistes français tués au Mali', 'Les deux journalistes ont été tués à Kidal samedi. Ils étaient arrivés à Bamako mardi', { lang: 'fr', published: '2013-11-02T20:00:00Z' });
    expect(extractFacts(told, catalogs).main.places).toContain('ml-kidal');
  });

  it('takes a headline that names a blockade to be about the blockade', () => {
    const doc = makeDocument('JNIM attack: fuel blockade on the Dakar-Bamako corridor chokes trade', 'Hundreds of tankers are stuck at the border near Kayes');
    expect(extractFacts(doc, catalogs).main.type).toBe('blockade');
    const kidnapped = makeDocument('Two drivers kidnapped as blockade bites', 'Gunmen seized two tanker drivers near Kayes');
    expect(extractFacts(kidnapped, catalogs).main.type).toBe('kidnapping');
    const killed = makeDocument('Eleven soldiers killed in attack on supply convoy during the Djibo blockade', 'The convoy was attacked near Gaskindé');
    expect(extractFacts(killed, catalogs).main.type).toBe('attack');
  });

  it('takes no place or victims from a sentence that tells only of days long past', () => {
    const kafolo = makeDocument(
      'Ivory Coast soldiers killed in jihadist attack near Burkina border',
      'Dozens of suspected jihadists attacked a frontier post at Kafolo before dawn on Thursday, killing about ten soldiers. It is the first such assault since March 2016, when a raid on Grand-Bassam left 19 people dead.',
      { published: '2020-06-11T12:00:00Z' },
    );
    expect(extractFacts(kafolo, catalogs).main.places).not.toContain('ci-grand-bassam');
    const dosso = makeDocument(
      'Two Indians killed, one abducted in Niger',
      'Two Indian nationals were shot dead in the Dosso region and a third was abducted by an armed group. The Indian embassy confirmed the attack. The workers were at a construction site. Attacks on foreigners have grown. In April 2025, five Indian technicians were kidnapped in an attack north of Sakoira.',
      { published: '2025-07-19T12:00:00Z' },
    );
    expect(extractFacts(dosso, catalogs).main.victims).not.toMatchObject({ count: 5 });
  });

  it('takes a coup in the headline or lead for the event, and not one only the body recalls', () => {
    const coup = makeDocument('Soldiers in Niger announce a coup on national television', 'Soldiers said they had removed the president and closed the borders.');
    expect(extractFacts(coup, catalogs).main).toMatchObject({ type: 'coup', country: 'ne' });
    const recalled = makeDocument(
      "Saving Timbuktu's manuscripts, one page at a time",
      'Scholars in Bamako are restoring the manuscripts saved from Timbuktu. A project to catalogue them has begun. Unesco manages it from its office. The country is still recovering from the crisis. It went through an insurgency and a military coup and a dive deeper into poverty.',
    );
    expect(extractFacts(recalled, catalogs).main.type).toBeUndefined();
  });

  it('takes a headline of fuel running short because of attacks to be about the blockade they enforce', () => {
    const shortage = makeDocument(
      'Les habitants de Bamako face à une pénurie de carburant en raison des attaques du JNIM',
      'Les files d’attente s’allongent devant les stations-service de la capitale',
      { lang: 'fr' },
    );
    expect(extractFacts(shortage, catalogs).main.type).toBe('blockade');
    const killed = makeDocument('Fuel shortage deepens after attack kills twelve drivers near Kayes', 'Gunmen attacked a convoy of tankers near Kayes');
    expect(extractFacts(killed, catalogs).main.type).toBe('attack');
    const quarrel = makeDocument('Niger expels Chinese oil executives amid fuel shortage', 'The junta accused the companies of breaking the law');
    expect(extractFacts(quarrel, catalogs).main.type).not.toBe('blockade');
  });

  it('reads deaths reported with fighting as the toll of an attack', () => {
    const doc = makeDocument('Rebels say they killed dozens of soldiers', 'Tuareg rebels said they killed dozens of soldiers in two days of fighting near Tinzaouaten');
    expect(extractFacts(doc, catalogs).main.type).toBe('attack');
  });

  it('returns an empty main event for a text about nothing it knows', () => {
    const doc = makeDocument('Weather in Lisbon', 'It was sunny');
    expect(extractFacts(doc, catalogs).main).toMatchObject({ places: [], actors: [], changes: [] });
    expect(extractFacts(doc, catalogs).main.type).toBeUndefined();
  });
});

describe('extractFacts on headlines', () => {
  const facts = (title: string, body: string, lang: 'en' | 'fr' = 'en') => extractFacts(makeDocument(title, body, { lang }), catalogs);

  it('takes the place a French headline names without a preposition', () => {
    const { main } = facts(
      'Mali : attaque jihadiste meurtrière contre le camp de Boulkessi',
      'Des jihadistes ont attaqué dimanche le camp militaire de Boulkessi, dans le centre du Mali, tuant des dizaines de soldats.',
      'fr',
    );
    expect(main.places).toContain('ml-boulkessi');
  });

  it('keeps a place the lead mentions about another event out of the headline story', () => {
    const { main } = facts(
      'Tombouctou : l\'armée repousse une attaque contre son camp',
      'L\'armée malienne affirme avoir repoussé lundi une attaque jihadiste contre son camp de Tombouctou, au lendemain de l\'attaque meurtrière contre la base de Boulkessi.',
      'fr',
    );
    expect(main.places).toContain('ml-tombouctou');
    expect(main.places).not.toContain('ml-boulkessi');
  });

  it('types travel advice as such and names the government that gave it', () => {
    const found = facts(
      'US orders non-emergency staff out of embassy in Bamako',
      'The embassy urged US citizens to leave the country immediately. Mali remains at Level 4: Do Not Travel, with risks of terrorism, kidnapping and crime.',
    );
    expect(found.main.type).toBe('evacuation');
    expect(found.main.actors).toContain('us-gov');
    expect(found.actors.filter((a) => a.id === 'us-gov' && a.role === 'spoke' && a.about === 'main')).toHaveLength(1);
  });

  it('lets the headline\'s event lead over the attacks its body retells', () => {
    const { main } = facts(
      'Mali shuts schools as jihadist fuel blockade bites',
      'The government has closed schools for two weeks. JNIM has been attacking fuel convoys since September.',
    );
    expect(main.type).toBe('blockade');
  });
});
