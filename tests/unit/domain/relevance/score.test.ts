import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Facts, KeywordRule } from '../../../../src/domain/model.js';
import { compileRules } from '../../../../src/domain/relevance/compile.js';
import { explainRelevance } from '../../../../src/domain/relevance/explain.js';
import { parseKeywordFile } from '../../../../src/domain/relevance/schema.js';
import { BODY_FACTOR, scoreRelevance } from '../../../../src/domain/relevance/score.js';
import { makeDoc } from './doc.js';

const place: KeywordRule = { id: 'place', kind: 'include', group: 'where', terms: ['mali', 'kayes'], weight: 2 };
const town: KeywordRule = { id: 'town', kind: 'include', group: 'where', terms: ['bamako'], weight: 1.5 };
const violence: KeywordRule = { id: 'violence', kind: 'context', terms: ['kidnap*', 'attack*'], weight: 1.5 };
const sport: KeywordRule = { id: 'sport', kind: 'exclude', terms: ['football'], weight: 3, unless: ['jihadist*'] };
const rules = [place, town, violence, sport];

function shipped(): readonly KeywordRule[] {
  const parsed = parseKeywordFile(JSON.parse(readFileSync('config/keywords.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.rules;
}

describe('scoreRelevance mechanics', () => {
  it('adds an include and a context that share the lead', () => {
    const r = scoreRelevance(makeDoc('Three workers kidnapped in Kayes', 'Gunmen struck at dawn.'), undefined, rules);
    expect(r).toMatchObject({ relevant: true, score: 3.5, threshold: 3 });
    expect(r.hits).toEqual([
      { rule: 'place', kind: 'include', weight: 2, matched: 'kayes' },
      { rule: 'violence', kind: 'context', weight: 1.5, matched: 'kidnapped' },
    ]);
  });

  it('ignores context words when no include fired', () => {
    const r = scoreRelevance(makeDoc('Workers kidnapped in a raid', 'They were attacked at night.'), undefined, rules);
    expect(r).toMatchObject({ relevant: false, score: 0, hits: [] });
  });

  it('counts a group once, with its strongest rule', () => {
    const r = scoreRelevance(makeDoc('Attack in Bamako, Mali', 'Nothing else.'), undefined, rules);
    expect(r.hits.filter((h) => h.kind === 'include')).toEqual([{ rule: 'place', kind: 'include', weight: 2, matched: 'mali' }]);
    expect(r.score).toBe(3.5);
  });

  it('discounts signals that only appear deep in the body', () => {
    const body = 'The convoy left at dawn. Drivers waited for hours. Later, near Kayes, men kidnapped two drivers.';
    const r = scoreRelevance(makeDoc('A long wait on the road', body), undefined, rules);
    // Both in the same body sentence: the place is discounted, the context word counts in full beside it.
    expect(r.score).toBeCloseTo(2 * BODY_FACTOR + 1.5, 2);
  });

  it('discounts a context word that stands apart from the place', () => {
    const body = 'The convoy was attacked. Officials met. Traders in Mali complained about prices.';
    const r = scoreRelevance(makeDoc('Traders wait', body), undefined, rules);
    expect(r.hits.find((h) => h.rule === 'violence')?.weight).toBeCloseTo(1.5 * BODY_FACTOR, 2);
  });

  it('subtracts excludes, which an unless term can switch off', () => {
    const match = scoreRelevance(makeDoc('Mali football team attack wins', 'Football fans cheered.'), undefined, rules);
    expect(match.score).toBe(0.5);
    expect(match.hits.at(-1)).toEqual({ rule: 'sport', kind: 'exclude', weight: -3, matched: 'football' });
    const raid = scoreRelevance(makeDoc('Jihadists attack football pitch in Mali', 'Players fled.'), undefined, rules);
    expect(raid.hits.some((h) => h.rule === 'sport')).toBe(false);
  });

  it('fires a rule with requires only when a required term is present', () => {
    const gated: KeywordRule = { ...place, id: 'gated', requires: ['bamako', 'africa'] };
    const alone = scoreRelevance(makeDoc('Rahul Mali attacked', 'Police said.'), undefined, [gated, violence]);
    expect(alone.score).toBe(0);
    const withContext = scoreRelevance(makeDoc('Attack in Mali, West Africa', 'Police said.'), undefined, [gated, violence]);
    expect(withContext.score).toBe(3.5);
  });

  it('applies language-tagged rules only to documents in that language or of unknown language', () => {
    const fr: KeywordRule = { id: 'fr', kind: 'context', terms: ['tue'], weight: 1.5, lang: 'fr' };
    const en = scoreRelevance(makeDoc('Mali talks on Tue', 'Nothing.', 'en'), undefined, [place, fr]);
    expect(en.score).toBe(2);
    const french = scoreRelevance(makeDoc('Un soldat tué au Mali', 'Rien.', 'fr'), undefined, [place, { ...fr, terms: ['tue'] }]);
    expect(french.score).toBe(3.5);
    const unknown = scoreRelevance(makeDoc('Un soldat tué au Mali', 'Rien.', 'und'), undefined, [place, fr]);
    expect(unknown.score).toBe(3.5);
  });

  it('honours a custom threshold', () => {
    const r = scoreRelevance(makeDoc('Mali', ''), undefined, rules, { threshold: 2 });
    expect(r).toMatchObject({ relevant: true, score: 2, threshold: 2 });
  });

  it('compiles a rule array once', () => {
    expect(compileRules(rules)).toBe(compileRules(rules));
    expect(compileRules([...rules])).not.toBe(compileRules(rules));
  });

  it('scores the sum of its hits and explains them', () => {
    const r = scoreRelevance(makeDoc('Three workers kidnapped in Kayes', 'Gunmen struck. Police came. Football later.'), undefined, rules);
    expect(r.score).toBe(Math.round(r.hits.reduce((s, h) => s + h.weight, 0) * 100) / 100);
    expect(explainRelevance(r)).toBe('not relevant (1.7 < 3): place "kayes" +2, violence "kidnapped" +1.5, sport "football" -1.8');
  });
});

describe('facts as evidence', () => {
  const evidence = (sentence: number) => ({ sentence, text: '' });
  const facts: Facts = {
    events: [{ type: 'kidnapping', trigger: 'seized', background: false, evidence: evidence(0) }],
    dates: [],
    places: [{ id: 'ml-kobri', name: 'Kobri', kind: 'town', region: 'ml-kayes-region', country: 'ml', background: false, evidence: evidence(1) }],
    victims: [],
    sites: [],
    actors: [],
    advice: [],
    figures: [],
    main: { places: ['ml-kobri'], actors: [], changes: [] },
  };
  const doc = makeDoc('Five workers seized', 'The men were taken near Kobri.');

  it('adds a Sahel place and a security event the keywords missed', () => {
    const r = scoreRelevance(doc, facts, []);
    expect(r.hits.map((h) => h.rule)).toEqual(['fact.place', 'fact.event']);
    expect(r.relevant).toBe(true);
  });

  it("does not take the Islamic State's wars outside the Sahel for the Sahel's", () => {
    const rules = shipped();
    const claimed: Facts = {
      ...facts,
      places: [],
      events: [{ type: 'attack', trigger: 'attacked', background: false, evidence: evidence(1) }],
      actors: [{ id: 'is-sahel', name: 'Islamic State Sahel Province', kind: 'armed_group', role: 'claimed', about: 'main', evidence: evidence(0) }],
      main: { places: [], actors: ['is-sahel'], changes: [] },
    };
    const elsewhere = makeDoc('Islamic State claims two new attacks in northern Mozambique', 'The group said its fighters attacked villages and killed soldiers in Cabo Delgado.');
    expect(scoreRelevance(elsewhere, claimed, rules).relevant).toBe(false);
    const sahel = makeDoc('Islamic State claims attack in Mali', 'The group, which also fights in Mozambique, said its fighters attacked soldiers near Ménaka.');
    expect(scoreRelevance(sahel, claimed, rules).relevant).toBe(true);
  });

  it('takes a coup in the headline or the first sentence for security news, whatever politics the story speaks of', () => {
    const rules = shipped();
    const coup = (background: boolean, sentence: number): Facts => ({ ...facts, places: [], events: [{ type: 'coup', trigger: 'coup', background, evidence: evidence(sentence) }] });
    const text = makeDoc('Soldiers in Niger announce a coup on national television', 'The military said it had suspended the constitution and closed the borders.');
    expect(scoreRelevance(text, coup(false, 0), rules)).toMatchObject({ relevant: true });
    expect(scoreRelevance(text, coup(false, 0), rules).hits.map((h) => h.rule)).toContain('fact.coup');
    expect(scoreRelevance(text, coup(true, 0), rules).relevant).toBe(false);
    expect(scoreRelevance(text, coup(false, 1), rules).hits.map((h) => h.rule)).toContain('fact.coup');
    // Further down, a coup is mostly the one the junta came from.
    expect(scoreRelevance(text, coup(false, 2), rules).hits.map((h) => h.rule)).not.toContain('fact.coup');
    expect(scoreRelevance(text, { ...facts, places: [], events: [] }, rules).relevant).toBe(false);
  });

  it('does not let a fact and a keyword of the same group count twice', () => {
    const r = scoreRelevance(makeDoc('Five workers seized near Kobri, Mali', ''), facts, shipped());
    const includes = r.hits.filter((h) => h.kind === 'include');
    expect(includes).toHaveLength(1);
    expect(includes[0]?.rule).toMatch(/^place\./);
  });

  it('leaves a bare country to the keyword rules, which can tell Mali from a surname', () => {
    const country: Facts = { ...facts, events: [], places: [{ ...facts.places[0]!, id: 'ml', name: 'Mali', kind: 'country' }] };
    expect(scoreRelevance(makeDoc('Rahul Mali opens a garden', 'Residents came.'), country, []).score).toBe(0);
  });

  it('counts the Sahel armed groups only, not the placeholder for an unclaimed act', () => {
    const actor = (id: string) => ({ id, name: id, kind: 'armed_group' as const, role: 'claimed' as const, about: 'main' as const, evidence: evidence(0) });
    const scored = (id: string) => scoreRelevance(doc, { ...facts, places: [], events: [], actors: [actor(id)] }, []);
    expect(scored('jnim').hits).toEqual([{ rule: 'fact.actor', kind: 'include', weight: 2.5, matched: 'jnim' }]);
    expect(scored('unknown').hits).toEqual([]);
    expect(scored('boko-haram').hits).toEqual([]);
  });

  it('ignores background places and places outside the Sahel', () => {
    const outside: Facts = { ...facts, places: [{ ...facts.places[0]!, country: 'ng' }] };
    expect(scoreRelevance(doc, outside, []).score).toBe(0);
    const recalled: Facts = { ...facts, places: [{ ...facts.places[0]!, background: true }] };
    expect(scoreRelevance(doc, recalled, []).score).toBe(0);
  });
});

describe('the shipped rules', () => {
  const rules = shipped();
  const verdict = (title: string, body: string, lang: 'en' | 'fr' = 'en') => scoreRelevance(makeDoc(title, body, lang), undefined, rules).relevant;

  it.each([
    ['Five Indians kidnapped in western Mali', 'Gunmen seized the workers near Kobri in the Kayes region on Thursday.', 'en'],
    ['Cinq Indiens enlevés dans l\'ouest du Mali', 'Des hommes armés ont enlevé les travailleurs près de Kobri.', 'fr'],
    ['JNIM claims attack on army post in northern Benin', 'The group said it killed soldiers near Park W.', 'en'],
    ['Jihadists kill soldiers in northern Benin', 'The attack took place near the border with Niger and Burkina Faso.', 'en'],
    ['UK tells Britons to leave Mali', 'The Foreign Office updated its travel advice for Mali on Tuesday.', 'en'],
    ['Attaque contre un camp militaire à Boulkessi', 'Des dizaines de soldats ont été tués, selon des sources sécuritaires.', 'fr'],
    ['Mali : une embuscade fait plusieurs morts près de Gao', 'Des hommes armés ont attaqué un convoi sur la route de Gao.', 'fr'],
    ['Niger army says it killed 30 terrorists near Tillaberi', 'The defence ministry said the operation followed an attack on a patrol.', 'en'],
    ['Suspected jihadists kill soldiers in northern Togo', 'The army post in the Savanes region lies near the border with Burkina Faso.', 'en'],
    ['Tombouctou : tirs d\'obus sur la ville', 'Plusieurs obus sont tombés sur des quartiers de Tombouctou, selon des habitants.', 'fr'],
    ['Kidnappers of five Indians in Mali demand ransom', 'The kidnappers of the workers abducted in western Mali have demanded a ransom, relatives said.', 'en'],
    ['Des otages libérés au Mali', 'Les ravisseurs ont relâché trois ouvriers enlevés dans le sud du Mali.', 'fr'],
    ['Douze soldats tués dans une attaque au parc W', 'Une position de l\'armée a été attaquée dans le parc national du W.', 'fr'],
    ['German priest kidnapped in Bamako, Mali', 'The priest, who shares the values of the institute where he taught, was abducted on Sunday.', 'en'],
    ["Massacre in Burkina Faso: militias allied with the military junta accused", 'Videos show dozens of civilians dead. Human Rights Watch documented the killings in and around Solenzo.', 'en'],
    ['Barrick staff kidnapped near gold mine in Mali', 'Gunmen seized two workers on the road to the Loulo-Gounkoto mine, the company said.', 'en'],
    ['Mali : le massacre du village pourrait être un crime contre l\'humanité', 'La Minusma a conclu que le massacre de 160 habitants peuls avait été planifié.', 'fr'],
    ['Un prêtre allemand porté disparu à Bamako', 'Le prêtre n\'a plus donné signe de vie depuis dimanche, selon son ordre.', 'fr'],
    ['German priest reported missing in Bamako', 'The priest has not been seen since Sunday, his order said.', 'en'],
    // "profitant du calme" is taking advantage of the calm, not business news.
    [
      'Les Français très prochainement évacués du Niger',
      "Face à la dégradation de la situation sécuritaire au Niger, et profitant du calme relatif dans Niamey, une opération d'évacuation est en préparation, selon l'ambassade.",
      'fr',
    ],
    ['US orders evacuation of non-emergency staff from Niger', 'The State Department said it would help evacuate its citizens from the country.', 'en'],
    ["Côte d'Ivoire : trois militaires tués par un engin explosif", 'Des jihadistes présumés ont visé une patrouille dans le nord du pays.', 'fr'],
    ['Niger : la France annonce la fermeture de son ambassade', "Les relations entre Paris et Niamey se sont dégradées depuis le coup d'État, et l'ambassade ne peut plus fonctionner.", 'fr'],
    ['Ouagadougou : une partie de l’ambassade de France en feu', 'Des manifestants ont pris à partie l’ambassade samedi soir.', 'fr'],
    ['Gunmen attack health centre in central Mali', 'Armed men stormed a clinic during a vaccination campaign against measles, killing two nurses.', 'en'],
    ['Gunmen kidnap migrants near Agadez in Niger', 'The armed men seized twelve migrants travelling north to Libya.', 'en'],
    ['US troops ambushed in Niger', 'A squad of special forces came under fire near the border with Mali, officials said.', 'en'],
    ['Mali : des camions-citernes attaqués malgré la fermeture des frontières', 'Des jihadistes du JNIM ont attaqué un convoi de carburant près de Kayes.', 'fr'],
    ['L’Inde appelle ses ressortissants à quitter le Niger', 'Le gouvernement conseille aux Indiens de quitter le pays au plus vite, face aux tensions sous le régime militaire.', 'fr'],
    ['Niger : au moins 12 morts dans une attaque contre un poste de police', "À ce stade, l'assaut n'a pas été revendiqué, selon des sources sécuritaires.", 'fr'],
    ['India urges citizens to leave Niger amid escalating tensions', 'India advised its nationals to go as soon as possible, after the overthrow of the president by a military junta.', 'en'],
    ['British embassy in Niger to reduce staff numbers', 'Britain will temporarily reduce staff at its embassy in Niamey after the military takeover.', 'en'],
    ['Hungry and besieged in Burkina Faso', 'In the northern town of Djibo, residents are cut off by a blockade. The livestock market is empty.', 'en'],
    ['Commune de Gorgadji : 10 VDP tués dans un affrontement', "Des hommes armés ont emporté le bétail des habitants près de Dori, au Burkina Faso. Les volontaires qui les poursuivaient sont tombés dans une embuscade.", 'fr'],
    ["Sept agents de la CENI tués dans l'explosion de leur véhicule à Dargol (Tillabéri)", "Le véhicule, réquisitionné auprès de la direction de l'Agriculture, a sauté sur une mine.", 'fr'],
    ['Burkina names new defence minister after attack kills 30 soldiers', 'The attack on an army post near Djibo was the deadliest this year.', 'en'],
    [
      'Tragédie à Sobame Da (région de Mopti) : 102 civils exécutés, 24 portés disparus, des greniers et du bétail incendiés',
      'Quelque 95 corps ont été recensés dans le village dogon, selon les premiers décomptes.',
      'fr',
    ],
    [
      'Deux soldats sénégalais tués dans un attentat à Kidal',
      "Un attentat à la voiture piégée a tué samedi deux casques bleus au Mali. L'effondrement du bâtiment voisin a fait des blessés.",
      'fr',
    ],
    [
      "Une vingtaine d'Espagnols parviennent à être évacués du Niger grâce à la France",
      "Le ministre a annoncé l'arrivée à Paris d'Espagnols partis après le coup d'État. Ils se trouvaient au Niger lorsqu'une junte militaire a déposé le président.",
      'fr',
    ],
    // Prisoners taken at a livestock fair and executed: the fair does not make it farming news.
    [
      'Au Mali, une vingtaine de personnes arrêtées par l’armée ont été exécutées',
      'Les hommes avaient été arrêtés par des militaires à la foire au bétail de Diafarabé.',
      'fr',
    ],
    // A climate of fear is not the weather.
    [
      'Le Burkina Faso entièrement déconseillé aux voyageurs',
      "La carte du Quai d'Orsay classe le pays en zone formellement déconseillée. « Cela contribue à instaurer un climat de psychose », estime une source.",
      'fr',
    ],
  ] as const)('keeps "%s"', (title, body, lang) => {
    expect(verdict(title, body, lang)).toBe(true);
  });

  it.each([
    ['Mali coach names squad for qualifier', 'The Eagles face a tough match in the Africa Cup of Nations qualifiers.', 'en'],
    ['Mali : l’ambassade de l’Inde célèbre la fête nationale', 'Les diplomates ont reçu leurs invités à Bamako.', 'fr'],
    ["Côte d'Ivoire: cocoa farmers protest prices", 'Farmers in the west of the country blocked roads to demand better prices.', 'en'],
    ['Rahul Mali arrested after attack on neighbour', 'Police in Pune said the man was held on Sunday.', 'en'],
    ['Kidnappers of Sunil Mali demand ransom in Pune', 'Police said the kidnappers of the gardener called his family.', 'en'],
    ['Gunmen kidnap students in Niger State', 'The attackers stormed the school in Nigeria before dawn.', 'en'],
    ['Floods kill dozens in Niger', 'Heavy rains have destroyed homes across the country, officials said.', 'en'],
    ['Etoile du Sahel fans clash after defeat', 'Supporters attacked buses outside the stadium in Sousse.', 'en'],
    ['Barrick shares rise as Mali dispute eases', 'Investors welcomed talks with the government in Bamako.', 'en'],
    ['Bandits kidnap travellers in northern Nigeria', 'The gunmen demanded a ransom for the release of the victims.', 'en'],
    ['Mali : le stade du 26 Mars accueille la finale de la coupe', 'Les supporters des Aigles ont rempli les tribunes à Bamako, où la sécurité avait été renforcée.', 'fr'],
    ['Le Mali en fête pour le festival de Ségou', 'Des musiciens venus de toute l\'Afrique se produisent.', 'fr'],
    ['Tour du Faso : un Burkinabè en jaune à Bolgatanga', 'Le coureur a placé une attaque à dix kilomètres de l\'arrivée de l\'étape et endosse le maillot jaune.', 'fr'],
    ['Gunmen kill five in attack on village in Plateau State', 'Police in Nigeria said the attackers fled before troops arrived.', 'en'],
    ['Heatwave grips the Sahel as temperatures pass 45C', 'Hospitals in Mali and Burkina Faso report a surge in patients as the weather stays extreme.', 'en'],
    ['Bandits kidnap villagers in northern Benin', 'The kidnappers demanded a ransom from the families.', 'en'],
    ['Barrick : enlèvement du stock d\'or de la mine malienne', 'Le litige fiscal entre la compagnie et Bamako se durcit.', 'fr'],
    ['Uranium company to suspend Arlit mine activities', 'Financial difficulties facing its subsidiary since July 2023, when the president of Niger was deposed in a coup, have grown.', 'en'],
    ['Mali junta dissolves political parties', 'The decree follows a national consultation that recommended a five-year term for the military leader.', 'en'],
    ['Niger : des milliers de sinistrés après les inondations', 'Les pluies ont fait 50 morts dans le pays. Les crues ont détruit des maisons. Des routes sont coupées. Les secours manquent. Certaines zones sont aussi exposées aux attaques jihadistes.', 'fr'],
    ['Niger: at least 44 migrants died after their vehicle broke down', 'The migrants, who were trying to reach Libya, died of thirst in the desert, local officials and soldiers said.', 'en'],
    ['Mali : des dizaines de morts pendant la canicule', 'Les hôpitaux de Bamako ont enregistré de nombreux décès dus à une vague de chaleur.', 'fr'],
    [
      'At least 21 deaths and 600 cases of dengue fever in Mali',
      'Dengue fever is on the rise in Mali, a country facing rising threats of terrorism. Officials said 21 people had died and 600 had been infected by the virus.',
      'en',
    ],
    ["Questions over Mali's Ebola response", 'The failure of a hospital to detect cases of Ebola has raised questions. The government released an emergency plan after a girl died.', 'en'],
    ['Burkina Faso, Mali, Niger to exit ECOWAS by 2025', 'The withdrawal follows their military takeovers. Their military regimes accused the bloc of serving France.', 'en'],
    ['Mali : la Cédéao décrète un blocus du pays', 'Les chefs d\'État ont annoncé la fermeture des frontières et le gel des avoirs du Mali, accusé de prendre le pays en otage.', 'fr'],
    ['West African leaders impose embargo on Mali', 'The bloc closed its borders with the country and ordered an asset freeze after the junta delayed the vote.', 'en'],
    [
      'Barrick resolves dispute, regains control of Malian gold mine',
      'Barrick and the government of Mali settled their arbitration over the Loulo-Gounkoto mine. Shareholders welcomed the deal. Four employees detained in Bamako will be freed. The settlement comes as Mali faces a fuel blockade imposed by the jihadist group JNIM, whose attacks on convoys have killed drivers.',
      'en',
    ],
    [
      "Burkina : nomination d'un nouveau Premier ministre",
      'M. Christophe Dabiré est nommé Premier ministre, a déclaré le secrétaire général du gouvernement. Les forces de sécurité peinent face aux groupes jihadistes.',
      'fr',
    ],
    ['Burkina : Chérif Sy nommé ministre de la Défense', 'Le Premier ministre a constitué un gouvernement de 32 membres. M. Sy va aussi s\'occuper des Anciens Combattants et des jihadistes.', 'fr'],
  ] as const)('drops "%s"', (title, body, lang) => {
    expect(verdict(title, body, lang)).toBe(false);
  });
});
