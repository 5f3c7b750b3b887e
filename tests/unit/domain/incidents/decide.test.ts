import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_MATCH_POLICY } from '../../../../src/domain/incidents/decide.js';
import { createIncident, type Story } from '../../../../src/domain/incidents/merge.js';
import type { Facts, Incident, MainEvent, PlaceFact } from '../../../../src/domain/model.js';
import {
  actor, doc, facts, julyKidnapping, KAYES, MALI, MENAKA, NIAMEY, NOT_RELEVANT, RELEVANT, site, story, victims,
} from './stories.js';

const policy = { nationalitiesOfInterest: ['Indian'] };

function filed(first: Story, id = 'inc-20250701-kayes-kidnapping'): Incident {
  return createIncident(first, { id, type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00.000Z' }, policy);
}

const codes = (reasons: readonly { code: string }[]) => reasons.map((r) => r.code);

describe('decide', () => {
  it('ignores a story that is not relevant, whatever it resembles', () => {
    const verdict = decide(julyKidnapping('other'), NOT_RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('ignored');
    expect(verdict.reasons[0]?.code).toBe('relevance');
    expect(verdict.reasons[0]?.message).toContain('not relevant');
  });

  it('opens a new incident when nothing is known', () => {
    const verdict = decide(julyKidnapping(), RELEVANT, [], DEFAULT_MATCH_POLICY);
    expect(verdict).toMatchObject({ action: 'new', type: 'kidnapping', country: 'ml' });
    expect(codes(verdict.reasons)).toEqual(['relevance', 'new']);
  });

  it('calls a second report of the same facts a duplicate, with the matching slots and their weights', () => {
    const verdict = decide(
      julyKidnapping('paper-2', 'Gunmen seized three Indian workers at the Diamond Cement Factory near Kayes on Tuesday.'),
      RELEVANT,
      [filed(julyKidnapping())],
      DEFAULT_MATCH_POLICY,
    );
    expect(verdict.action).toBe('duplicate');
    if (verdict.action !== 'duplicate') return;
    expect(verdict.incident.id).toBe('inc-20250701-kayes-kidnapping');
    expect(codes(verdict.reasons)).toEqual(expect.arrayContaining(['place', 'date', 'type', 'victims', 'site']));
    expect(verdict.reasons.find((r) => r.code === 'site')?.weight).toBe(0.2);
  });

  it('calls a claim of responsibility on a known incident an update and names the change', () => {
    const claimed = story(
      doc('claim-1', 'JNIM claims abduction of three Indians in Kayes', ['JNIM said it kidnapped the three Indian workers on July 1.']),
      facts(
        {
          type: 'kidnapping',
          date: '2025-07-01',
          datePrecision: 'day',
          country: 'ml',
          places: ['ml-kayes'],
          victims: { count: 3, nationality: 'Indian' },
          actors: ['jnim'],
          changes: ['claim'],
        },
        { places: [KAYES], victims: [victims(3, 'Indian')], actors: [actor('jnim', 'claimed')] },
      ),
    );
    const verdict = decide(claimed, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('update');
    if (verdict.action !== 'update') return;
    expect(verdict.changes).toEqual(['claim', 'actor: JNIM claimed']);
  });

  it('vetoes the same kind of event at the same site months later: a new incident', () => {
    const later = story(
      doc('oct-1', 'Gunmen kidnap workers at Diamond Cement Factory in Kayes', ['Three Indian workers were abducted on October 14.'], { published: '2025-10-15' }),
      facts(
        {
          type: 'kidnapping',
          date: '2025-10-14',
          datePrecision: 'day',
          country: 'ml',
          places: ['ml-kayes'],
          victims: { count: 3, nationality: 'Indian' },
          site: 'diamond cement',
        },
        { places: [KAYES], victims: [victims(3, 'Indian')], sites: [site('Diamond Cement Factory', 'diamond cement')] },
      ),
    );
    const verdict = decide(later, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('new');
    const veto = verdict.reasons.find((r) => r.code === 'veto:date');
    expect(veto?.message).toContain('inc-20250701-kayes-kidnapping');
    expect(veto?.message).toContain('105 day(s) apart');
  });

  it('vetoes the same facts in another country', () => {
    const niger = story(
      doc('ne-1', 'Three Indians kidnapped at cement factory in Niger', ['Three Indian nationals were abducted in Niamey on July 1.']),
      facts(
        { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ne', places: ['ne-niamey'], victims: { count: 3, nationality: 'Indian' } },
        { places: [NIAMEY], victims: [victims(3, 'Indian')] },
      ),
    );
    const verdict = decide(niger, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('new');
    expect(codes(verdict.reasons)).toContain('veto:country');
  });

  it('vetoes five hostages against three of the same nationality', () => {
    const five = story(
      doc('nov-1', 'Five Indians kidnapped in Mali', ['Five Indian nationals were kidnapped in Mali, the embassy said.'], { published: '2025-07-05' }),
      facts({ type: 'kidnapping', country: 'ml', places: ['ml'], victims: { count: 5, nationality: 'Indian' } }, { places: [MALI], victims: [victims(5, 'Indian')] }),
    );
    const verdict = decide(five, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('new');
    expect(verdict.reasons.find((r) => r.code === 'veto:victims')?.message).toBe('5 indian hostages against 3 in inc-20250701-kayes-kidnapping');
  });

  it('takes another count of hostages told for the day of the kidnapping for a revised count', () => {
    const counted = (main: Partial<MainEvent>) =>
      story(
        doc('rev-1', 'Two Indians kidnapped in Kayes', ['Two Indian nationals were kidnapped in Kayes on July 1, the embassy said.'], { published: '2025-07-03' }),
        facts({ type: 'kidnapping', country: 'ml', places: ['ml-kayes'], victims: { count: 2, nationality: 'Indian' }, ...main }, { places: [KAYES], victims: [victims(2, 'Indian')] }),
      );
    const sameDay = decide(counted({ date: '2025-07-01', datePrecision: 'day' }), RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(codes(sameDay.reasons)).not.toContain('veto:victims');
    expect(sameDay.action).not.toBe('new');
    const sameMonth = decide(counted({ date: '2025-07-01', datePrecision: 'month' }), RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(codes(sameMonth.reasons)).not.toContain('veto:victims');
    const estimated = decide(counted({ date: '2025-07-03', datePrecision: 'day', dateEstimated: true }), RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(codes(estimated.reasons)).toContain('veto:victims');
  });

  it('takes one hostage freed for one of those an incident took together, but not three freed for three of five', () => {
    const freed = (count: number) =>
      story(
        doc('f-1', 'Indian hostage freed in Mali', ['An Indian hostage was freed in Kayes, the embassy said.'], { published: '2025-09-20' }),
        facts({ type: 'kidnapping', date: '2025-09-19', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count, nationality: 'Indian' }, changes: ['release'] }, {
          places: [KAYES], victims: [victims(count, 'Indian')],
        }),
      );
    const one = decide(freed(1), RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(codes(one.reasons)).not.toContain('veto:victims');
    const five = story(
      doc('k-5', 'Five Indians kidnapped in Kayes', ['Five Indian nationals were kidnapped in Kayes on July 1.'], { published: '2025-07-02' }),
      facts({ type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 5, nationality: 'Indian' } }, { places: [KAYES], victims: [victims(5, 'Indian')] }),
    );
    expect(codes(decide(freed(3), RELEVANT, [filed(five)], DEFAULT_MATCH_POLICY).reasons)).toContain('veto:victims');
  });

  it('does not update an incident that a story only recalls as background', () => {
    const recall = story(
      doc('recall-1', 'Attack on army post in Ménaka', ['Gunmen attacked an army post in Ménaka.', 'Earlier this year three Indians were kidnapped at the Diamond Cement Factory.'], {
        published: '2025-07-20',
      }),
      facts(
        { type: 'attack', country: 'ml', places: ['ml-menaka'] },
        {
          places: [MENAKA],
          sites: [site('Diamond Cement Factory', 'diamond cement', true)],
          victims: [victims(3, 'Indian', { background: true })],
        },
      ),
    );
    const verdict = decide(recall, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('new');
    expect(verdict.reasons.find((r) => r.code === 'veto:recall')?.message).toContain('as background only');
  });

  it('does not take a kind of site a story recalls for the incident that has a site of that kind', () => {
    const first = story(
      doc('mine-1', 'Niger : huit personnes tuées près d’une mine d’or', ['Huit ouvriers ont été tués vendredi par un engin explosif près de la mine d’or.'], { published: '2025-05-13', lang: 'fr' }),
      facts({ type: 'killing', date: '2025-05-09', datePrecision: 'day', country: 'ne', places: [], victims: { count: 8 }, site: 'gold mine' }, { sites: [site('mine d’or', 'gold mine')] }),
    );
    const later = story(
      doc('mine-2', 'Bomb kills eight gold miners in Niger', ['The workers died on Friday after their vehicle ran over a bomb.', 'Since 2004 Samira has been home to the country’s only industrial gold mine.'], {
        published: '2025-05-13',
      }),
      facts(
        { type: 'killing', date: '2025-05-09', datePrecision: 'day', country: 'ne', places: [], victims: { count: 8 }, site: 'samira gold' },
        { sites: [site('Samira gold mine', 'samira gold'), site('gold mine', 'gold mine', true)] },
      ),
    );
    const incident = createIncident(first, { id: 'inc-20250509-niger-killing', type: 'killing', country: 'ne', at: '2025-05-13T12:00:00Z' }, policy);
    const verdict = decide(later, RELEVANT, [incident], DEFAULT_MATCH_POLICY);
    expect(codes(verdict.reasons)).not.toContain('veto:recall');
    expect(verdict.action).not.toBe('new');
  });

  it('does not take a story dated only by its report for an event of the same kind years before', () => {
    const TAHOUA: PlaceFact = { id: 'ne-r-tahoua', name: 'Tahoua', kind: 'region', country: 'ne', background: false, evidence: MENAKA.evidence };
    const kidnapping = (id: string, published: string, estimated: boolean) =>
      story(
        doc(id, 'American kidnapped in Niger', ['Gunmen kidnapped an American in the Tahoua region.'], { published }),
        facts(
          { type: 'kidnapping', country: 'ne', places: ['ne-r-tahoua'], date: published, datePrecision: 'day', ...(estimated ? { dateEstimated: true } : {}), victims: { count: 1, nationality: 'American', role: 'hostage' } },
          { places: [TAHOUA], victims: [victims(1, 'American')] },
        ),
      );
    const first = createIncident(kidnapping('k-1', '2016-10-14', false), { id: 'inc-20161014-tahoua-kidnapping', type: 'kidnapping', country: 'ne', at: '2016-10-15T12:00:00.000Z' }, policy);
    const years = decide(kidnapping('k-2', '2020-10-27', true), RELEVANT, [first], DEFAULT_MATCH_POLICY);
    expect(years.action).toBe('new');
    expect(years.reasons.find((r) => r.code === 'veto:date')?.message).toContain('1474 days from when this story can be about');
    const days = decide(kidnapping('k-3', '2016-10-20', true), RELEVANT, [first], DEFAULT_MATCH_POLICY);
    expect(days.action).not.toBe('new');
  });

  it('does not take a story of a new attack for one that happened well before it came out', () => {
    const attack = (id: string, title: string, published: string) =>
      story(
        doc(id, title, ['Gunmen attacked villages in the Ménaka region overnight.'], { published }),
        facts({ type: 'attack', country: 'ml', places: ['ml-menaka'], date: published, datePrecision: 'day', ...(id === 'm-1' ? {} : { dateEstimated: true }) }, { places: [MENAKA] }),
      );
    const first = createIncident(attack('m-1', 'Gunmen attack villages near Ménaka', '2025-05-10'), { id: 'inc-20250510-menaka-attack', type: 'attack', country: 'ml', at: '2025-05-10T12:00:00.000Z' }, policy);
    const later = decide(attack('m-2', 'Mali: new attack near Ménaka', '2025-05-19'), RELEVANT, [first], DEFAULT_MATCH_POLICY);
    expect(later.action).toBe('new');
    expect(later.reasons.find((r) => r.code === 'veto:fresh')?.message).toContain('9 days before');
    const sameDays = decide(attack('m-3', 'Mali: new attack near Ménaka', '2025-05-12'), RELEVANT, [first], DEFAULT_MATCH_POLICY);
    expect(sameDays.action).not.toBe('new');
    expect(codes(sameDays.reasons)).not.toContain('veto:fresh');
  });

  it('does not take the day of its own event, named again beside a recalled one, for background', () => {
    const day = (date: string, background: boolean, sentence: number) => ({
      date, precision: 'day' as const, role: 'event' as const, background, matched: 'Friday', evidence: { sentence, text: '' },
    });
    const report = (id: string, title: string) =>
      story(
        doc(id, title, ['Gunmen attacked an army post in Mali on Friday.', 'The post, attacked on Friday, was overrun last year.'], { published: '2025-07-19' }),
        facts(
          { type: 'attack', date: '2025-07-18', datePrecision: 'day', country: 'ml', places: ['ml'] },
          { places: [MALI], dates: [day('2025-07-18', false, 1), day('2025-07-18', true, 2)] },
        ),
      );
    const first = createIncident(report('post-1', 'Army post attacked again in Mali'), { id: 'inc-20250718-mali-attack', type: 'attack', country: 'ml', at: '2025-07-19T12:00:00.000Z' }, policy);
    const verdict = decide(report('post-2', 'Gunmen overrun Malian army post for the second time'), RELEVANT, [first], DEFAULT_MATCH_POLICY);
    expect(codes(verdict.reasons)).not.toContain('veto:recall');
    expect(verdict.action).toBe('duplicate');
  });

  it('takes a story that names a massacre after its town for news of it, a year on', () => {
    const report = (id: string, title: string, lead: string, published: string, date: Partial<MainEvent>) =>
      story(
        doc(id, title, [lead], { published }),
        facts({ type: 'killing', country: 'ml', places: ['ml-menaka'], ...date }, { places: [MENAKA] }),
      );
    const first = report('m-1', 'Dozens of civilians killed in Mali', 'Soldiers killed dozens of civilians in Ménaka on Sunday.', '2024-03-04', {
      date: '2024-03-03', datePrecision: 'day',
    });
    const massacre = createIncident(first, { id: 'inc-20240303-menaka-killing', type: 'killing', country: 'ml', at: '2024-03-04T12:00:00.000Z' }, policy);
    const inquiry = report('m-2', 'UN inquiry into Mali killings', 'The Ménaka massacre left at least 300 dead, UN investigators say.', '2025-05-15', {
      date: '2025-05-15', datePrecision: 'day', dateEstimated: true,
    });
    const verdict = decide(inquiry, RELEVANT, [massacre], DEFAULT_MATCH_POLICY);
    expect(verdict.action).not.toBe('new');
    expect(verdict.reasons.find((r) => r.code === 'massacre')).toMatchObject({ weight: 0.25, message: 'names the massacre of ml-menaka' });
    // A killing of its own on another day is another event, whatever it is called.
    const another = report('m-3', 'New massacre in Mali', 'Gunmen killed 20 villagers in Ménaka on Friday, in a new massacre.', '2025-05-10', {
      date: '2025-05-09', datePrecision: 'day',
    });
    expect(decide(another, RELEVANT, [massacre], DEFAULT_MATCH_POLICY).action).toBe('new');
    // What a government says of the killings in the town a year on is news of them, though its headline says no "massacre".
    const denial = report('m-4', 'Mali slams UN report on military operation killings', 'The junta says no civilian died during the military operation in Ménaka.', '2025-05-17', {
      date: '2025-05-17', datePrecision: 'day', changes: ['statement'],
    });
    expect(decide(denial, RELEVANT, [massacre], DEFAULT_MATCH_POLICY).action).not.toBe('new');
  });

  it('keeps an attack on the town apart from the kidnapping of foreigners there the same day, unless it speaks of them', () => {
    const offensive = (id: string, lead: string, main: Partial<MainEvent> = {}, extra: Partial<Facts> = {}) =>
      story(
        doc(id, 'JNIM attacks army positions in western Mali', [lead], { published: '2025-07-01' }),
        facts(
          { type: 'attack', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], actors: ['jnim'], ...main },
          { places: [KAYES], actors: [actor('jnim', 'claimed')], ...extra },
        ),
      );
    const apart = decide(offensive('off-1', 'JNIM fighters attacked army camps in Kayes, Diboli and Nioro du Sahel on Tuesday.'), RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(apart.action).toBe('new');
    expect(apart.reasons.find((r) => r.code === 'veto:kind')?.message).toBe("the story's attack and the kidnapping of inc-20250701-kayes-kidnapping share neither victims nor site: two events");
    const withHostages = offensive(
      'off-2',
      'During the attacks on Kayes, gunmen abducted three Indian workers at the Diamond Cement Factory.',
      { victims: { count: 3, nationality: 'Indian', role: 'hostage' }, site: 'diamond cement' },
      { victims: [victims(3, 'Indian')], sites: [site('Diamond Cement Factory', 'diamond cement')] },
    );
    expect(decide(withHostages, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY).action).not.toBe('new');
  });

  it('takes a video of a named hostage months later for news of the kidnapping, not a kidnapping of its own day', () => {
    const gao: PlaceFact = { ...KAYES, id: 'ml-gao', name: 'Gao', region: 'ml-r-gao' };
    const taken = story(
      doc('p-1', 'French aid worker kidnapped in Gao', ['Sophie Pétronin, a French aid worker, was kidnapped in Gao on Saturday.'], { published: '2016-12-26' }),
      facts({ type: 'kidnapping', date: '2016-12-24', datePrecision: 'day', country: 'ml', places: ['ml-gao'], victims: { count: 1, nationality: 'French', role: 'hostage' } }, {
        places: [gao], victims: [victims(1, 'French', { names: ['Sophie Pétronin'] })],
      }),
    );
    const kidnapping = createIncident(taken, { id: 'inc-20161224-gao-kidnapping', type: 'kidnapping', country: 'ml', at: '2016-12-26T12:00:00.000Z' }, policy);
    const video = (lead: string, trigger: string) =>
      story(
        doc('p-2', 'Video shows French hostage Sophie Pétronin', [lead], { published: '2017-07-02' }),
        facts({ type: 'kidnapping', date: '2017-07-02', datePrecision: 'day', country: 'ml', places: ['ml'], victims: { count: 1, nationality: 'French', role: 'hostage' } }, {
          places: [MALI], victims: [victims(1, 'French', { names: ['Sophie Pétronin'] })],
          events: [{ type: 'kidnapping', trigger, background: false, evidence: { sentence: 1, text: lead } }],
        }),
      );
    const held = video('A video shows six hostages, including the French hostage Sophie Pétronin.', 'hostages');
    expect(held.probe.captive).toBe(true);
    expect(decide(held, RELEVANT, [kidnapping], DEFAULT_MATCH_POLICY)).toMatchObject({ incident: { id: 'inc-20161224-gao-kidnapping' } });
    // Taken on its own day, she would be the hostage of another kidnapping.
    const again = video('Sophie Pétronin, a French aid worker, was abducted again on Sunday.', 'abducted');
    expect(again.probe.captive).toBeUndefined();
    expect(decide(again, RELEVANT, [kidnapping], DEFAULT_MATCH_POLICY).action).toBe('new');
    // A headline that tells of a hostage still held is news of the captivity, whatever verb its lead uses.
    const alive = (title: string) =>
      story(
        doc('p-3', title, ['The aid worker was abducted from his home in 2016.'], { published: '2019-10-10' }),
        facts({ type: 'kidnapping', date: '2019-10-10', datePrecision: 'day', country: 'ne', places: ['ne'], victims: { count: 1, nationality: 'American', role: 'hostage' } }, {
          victims: [victims(1, 'American')],
          events: [{ type: 'kidnapping', trigger: 'abducted', background: false, evidence: { sentence: 1, text: 'abducted' } }],
        }),
      ).probe.captive;
    expect(alive('Niger president says kidnapped U.S. aid worker still alive')).toBe(true);
    expect(alive('Niger town calls for release of abducted US aid worker')).toBe(true);
    expect(alive('US aid worker abducted in Niger')).toBeUndefined();
    // A hostage's death in captivity is news of that captivity, however long after the kidnapping.
    expect(alive('Switzerland says Swiss hostage in Mali has been killed')).toBe(true);
    expect(alive("L'otage française est morte en captivité")).toBe(true);
    expect(alive("L'otage français au Mali Gilberto Rodrigues Leal est mort, selon un groupe djihadiste")).toBe(true);
    expect(alive('Aqmi annonce avoir exécuté un otage français au Mali')).toBe(true);
    expect(alive('Gunmen killed two soldiers and took hostages in Mali')).toBeUndefined();
  });

  it('keeps the place clash for news of a hostage still held, which names where the hostage was taken', () => {
    const hombori: PlaceFact = { ...KAYES, id: 'ml-hombori', name: 'Hombori', region: 'ml-r-douentza' };
    const kidnapping = filed(julyKidnapping());
    const news = (lead: string, trigger: string, changes: MainEvent['changes']) =>
      story(
        doc('h-1', 'French hostage in Mali', [lead], { published: '2025-12-20' }),
        facts({ type: 'kidnapping', date: '2025-12-20', datePrecision: 'day', country: 'ml', places: ['ml-hombori'], victims: { count: 3, nationality: 'Indian', role: 'hostage' }, changes }, {
          places: [hombori], victims: [victims(3, 'Indian')],
          events: [{ type: changes.length > 0 ? 'release' : 'kidnapping', trigger, background: false, evidence: { sentence: 1, text: lead } }],
        }),
      );
    const held = news('A video shows the three Indian hostages held near Hombori.', 'hostages', []);
    expect(held.probe.captive).toBe(true);
    const heldVerdict = decide(held, RELEVANT, [kidnapping], DEFAULT_MATCH_POLICY);
    expect(heldVerdict.action).toBe('new');
    expect(heldVerdict.reasons.find((r) => r.code === 'weak')?.message).toContain('place:clash -0.1');
    // Freed, hostages turn up far from where they were taken.
    const freed = news('The three Indian hostages were freed near Hombori.', 'freed', ['release']);
    const freedVerdict = decide(freed, RELEVANT, [kidnapping], DEFAULT_MATCH_POLICY);
    expect(freedVerdict.action).toBe('update');
    expect(codes(freedVerdict.reasons)).not.toContain('place:clash');
  });

  it('does not take one priest gone missing for the one soldier an attack in the same town killed', () => {
    const attack = story(
      doc('kati-1', 'Attack on Kati base near Bamako', ['Car bombs hit the Kati base outside Bamako on Friday, killing one soldier.'], { published: '2022-07-22' }),
      facts({ type: 'attack', date: '2022-07-22', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 1, role: 'killed' } }, {
        places: [KAYES], victims: [victims(1, undefined, { role: 'killed' })],
      }),
    );
    const base = createIncident(attack, { id: 'inc-20220722-kati-attack', type: 'attack', country: 'ml', at: '2022-07-22T12:00:00.000Z' }, policy);
    const missing = story(
      doc('priest-1', 'German priest missing in Mali', ['A German priest was reported missing on Sunday in Kayes.'], { published: '2022-07-24' }),
      facts({ type: 'kidnapping', date: '2022-07-24', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 1, nationality: 'German', role: 'missing' } }, {
        places: [KAYES], victims: [victims(1, 'German', { role: 'missing' })],
      }),
    );
    const verdict = decide(missing, RELEVANT, [base], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('new');
    expect(verdict.reasons.map((r) => r.code)).toContain('veto:kind');
    expect(verdict.reasons.some((r) => r.code === 'victims')).toBe(false);
  });

  it('takes a story of hostages freed that recalls how they were taken for news of them, not background', () => {
    const freed = story(
      doc('freed-1', 'Three citizens kidnapped in Mali freed', ['The three hostages were freed on Sunday.', 'Three Indian workers had been kidnapped in Kayes in July.'], {
        published: '2025-11-24',
      }),
      facts(
        { type: 'kidnapping', date: '2025-11-23', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, role: 'released' }, changes: ['release'] },
        { places: [KAYES], victims: [victims(3, undefined, { role: 'released' }), victims(3, 'Indian', { background: true })] },
      ),
    );
    const verdict = decide(freed, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(codes(verdict.reasons)).not.toContain('veto:recall');
    expect(verdict.action).toBe('update');
  });

  it('joins a wire copy from another outlet even when its extracted slots are thin', () => {
    const first = julyKidnapping();
    const copy = story(
      doc('copy-1', 'Three Indians kidnapped at cement factory in western Mali', first.doc.sentences.slice(1).map((s) => s.text)),
      facts({ type: 'kidnapping', country: 'ml', places: ['ml'] }, { places: [MALI] }),
    );
    const verdict = decide(copy, RELEVANT, [filed(first)], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('duplicate');
    expect(verdict.reasons.find((r) => r.code === 'wire')?.message).toContain('copy of wire-1');
  });

  it('ignores a relevant story that names no event and matches nothing', () => {
    const essay = story(doc('essay', 'Who is JNIM?', ['The group formed in 2017.']), facts({ country: 'ml', places: ['ml'] }, { places: [MALI] }));
    const verdict = decide(essay, RELEVANT, [], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('ignored');
    expect(codes(verdict.reasons)).toContain('no-event');
  });

  it('explains a weak candidate with its score and slots', () => {
    const elsewhere = story(
      doc('menaka-1', 'Kidnapping in Ménaka', ['Three Chinese workers were kidnapped near Ménaka on July 2.']),
      facts(
        { type: 'kidnapping', date: '2025-07-02', datePrecision: 'day', country: 'ml', places: ['ml-menaka'], victims: { count: 3, nationality: 'Chinese' } },
        { places: [MENAKA], victims: [victims(3, 'Chinese')] },
      ),
    );
    const verdict = decide(elsewhere, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('new');
    const weak = verdict.reasons.find((r) => r.code === 'weak');
    expect(weak?.message).toMatch(/^inc-20250701-kayes-kidnapping scored [0-9.]+ < 0.38 \(/);
    expect(weak?.message).toContain('victims:clash -0.15');
  });

  it('vetoes hostages taken whose count and nationality both differ from those of a kidnapping', () => {
    const chinese = story(
      doc('kayes-2', 'Chinese miners kidnapped in Kayes', ['Two Chinese miners were kidnapped near a gold mine in Kayes on July 1.']),
      facts(
        { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 2, nationality: 'Chinese' } },
        { places: [KAYES], victims: [victims(2, 'Chinese')] },
      ),
    );
    const verdict = decide(chinese, RELEVANT, [filed(julyKidnapping())], DEFAULT_MATCH_POLICY);
    expect(verdict.action).toBe('new');
    expect(verdict.reasons.find((r) => r.code === 'veto:victims')?.message).toBe('2 chinese hostages against Indian in inc-20250701-kayes-kidnapping');
  });
});

describe('dates in the future', () => {
  it('sets aside a publication date and an event date that lie in the future, and says so', () => {
    const ahead = story(
      doc('f1', 'Three Indians kidnapped at cement factory in western Mali', ['Three Indian nationals were abducted in Kayes.'], {
        published: '2031-01-01',
        seenAt: '2025-07-03T12:00:00.000Z',
      }),
      facts({ type: 'kidnapping', date: '2031-01-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
    );
    expect(ahead.probe.published).toBe('2025-07-03');
    expect(ahead.probe.date).toBeUndefined();
    const verdict = decide(ahead, RELEVANT, [], DEFAULT_MATCH_POLICY);
    expect(verdict.reasons.filter((r) => r.code === 'date:ignored').map((r) => r.message)).toEqual([
      'publication date 2031-01-01 is in the future; the day it was seen (2025-07-03) is used',
      'event date 2031-01-01 is after the publication date 2025-07-03; it is not used for matching',
    ]);
  });
});
