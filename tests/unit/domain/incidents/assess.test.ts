import { describe, expect, it } from 'vitest';
import { assess } from '../../../../src/domain/incidents/assess.js';
import { buildProbe, personKey } from '../../../../src/domain/incidents/probe.js';
import { buildDocument } from '../../../../src/domain/text/document.js';
import { incidentKeys, probeKeys } from '../../../../src/domain/incidents/keys.js';
import { DEFAULT_MATCH_POLICY } from '../../../../src/domain/incidents/decide.js';
import { createIncident } from '../../../../src/domain/incidents/merge.js';
import { incidentTitle } from '../../../../src/domain/incidents/title.js';
import type { MainEvent, PlaceFact } from '../../../../src/domain/model.js';

const GAO: PlaceFact = { id: 'ml-gao', name: 'Gao', kind: 'town', region: 'ml-r-gao', country: 'ml', background: false, evidence: { sentence: 1, text: '' } };
import { actor, doc, facts, julyKidnapping, KAYES, story, victims } from './stories.js';

const policy = { nationalitiesOfInterest: [] };
const july = createIncident(julyKidnapping(), { id: 'inc-1', type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);

function dated(date: string, precision: 'day' | 'month', type: 'kidnapping' | 'release' = 'kidnapping', published = '2025-12-01') {
  return story(
    doc('d', 'Indians held in Kayes', ['Workers were held.'], { published }),
    facts(
      { type, date, datePrecision: precision, country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' } },
      { places: [KAYES], victims: [victims(3, 'Indian')] },
    ),
  ).probe;
}

describe('assess', () => {
  it('lets date agreement decay with the days between event dates', () => {
    const weight = (date: string) => assess(dated(date, 'day'), july).matches.find((m) => m.code === 'date')?.weight;
    expect(weight('2025-07-01')).toBe(0.2);
    expect(weight('2025-07-03')).toBeCloseTo(0.2 * Math.exp(-4 / 18), 3);
    expect(assess(dated('2025-07-04', 'day'), july).vetoes.map((v) => v.code)).toEqual(['veto:date']);
  });

  it('takes a locality the gazetteer does not list for no place within the country: it cannot disagree with a town', () => {
    const TASSIA: PlaceFact = { id: 'ne-loc-tassia', name: 'Tassia', kind: 'town', country: 'ne', background: false, evidence: { sentence: 1, text: '' }, unlisted: true };
    const TERA: PlaceFact = { id: 'ne-tera', name: 'Téra', kind: 'town', region: 'ne-r-tillaberi', country: 'ne', background: false, evidence: { sentence: 1, text: '' } };
    const attack = (id: string, place: PlaceFact) =>
      story(
        doc(id, `Soldiers killed near ${place.name}`, ['Gunmen attacked an army post.'], { published: '2024-06-26' }),
        facts({ type: 'attack', date: '2024-06-25', datePrecision: 'day', country: 'ne', places: [place.id] }, { places: [place] }),
      );
    const first = createIncident(attack('a', TASSIA), { id: 'inc-t', type: 'attack', country: 'ne', at: '2024-06-26T12:00:00Z' }, policy);
    expect(assess(attack('b', TERA).probe, first).matches.find((m) => m.code === 'country')).toMatchObject({ weight: 0.08 });
    const nearby = createIncident(attack('c', { ...TERA, id: 'ne-dargol', name: 'Dargol' }), { id: 'inc-d', type: 'attack', country: 'ne', at: '2024-06-26T12:00:00Z' }, policy);
    // Two towns the gazetteer places in one region are two places of it (Inates and Chinégodar, both in Tillabéri).
    expect(assess(attack('e', TERA).probe, nearby).matches.find((m) => m.code === 'region')).toMatchObject({ weight: 0.04 });
    const TILLABERI: PlaceFact = { ...TERA, id: 'ne-r-tillaberi', name: 'Tillabéri', kind: 'region' };
    const regional = createIncident(attack('f', TILLABERI), { id: 'inc-r', type: 'attack', country: 'ne', at: '2024-06-26T12:00:00Z' }, policy);
    expect(assess(attack('g', TERA).probe, regional).matches.find((m) => m.code === 'region')).toMatchObject({ weight: 0.12 });
    // A park the gazetteer lists as an area of the region is no town that could differ.
    const PARK: PlaceFact = { ...TERA, id: 'ne-park-w', name: 'W National Park', kind: 'region' };
    expect(assess(attack('h', PARK).probe, nearby).matches.find((m) => m.code === 'region')).toMatchObject({ weight: 0.12 });
  });

  it('vetoes an event of the same kind long after an incident known only from an undated report', () => {
    const undated = createIncident(
      story(
        doc('u', 'American aid worker kidnapped in Niger', ['Gunmen seized an American aid worker.'], { published: '2016-10-16', publishedFrom: 'seen' }),
        facts({ type: 'kidnapping', country: 'ne' }, { victims: [victims(1, 'American')] }),
      ),
      { id: 'inc-u', type: 'kidnapping', country: 'ne', at: '2016-10-16T12:00:00Z' },
      policy,
    );
    expect(undated.eventDate).toBeUndefined();
    const kidnapping = (date: string) =>
      story(
        doc('k', 'American kidnapped in Niamey', ['An American was kidnapped.'], { published: date }),
        facts({ type: 'kidnapping', date, datePrecision: 'day', country: 'ne' }, { victims: [victims(1, 'American')] }),
      ).probe;
    expect(assess(kidnapping('2025-10-21'), undated).vetoes.map((v) => v.code)).toEqual(['veto:date']);
    expect(assess(kidnapping('2016-10-15'), undated).vetoes).toEqual([]);
    // A story that only estimates its day, from where it stands in a stream, is another event all the same.
    const estimated = (date: string, after: string, before: string) =>
      story(
        doc('s', 'American kidnapped in Niamey', ['An American was kidnapped on Tuesday.'], { publishedFrom: 'seen', publishedAfter: after, publishedBefore: before, published: after }),
        facts({ type: 'kidnapping', date, datePrecision: 'day', dateEstimated: true, country: 'ne' }, { victims: [victims(1, 'American')] }),
      ).probe;
    expect(assess(estimated('2020-03-03', '2020-03-01', '2020-03-20'), undated).vetoes.map((v) => v.code)).toEqual(['veto:date']);
    expect(assess(estimated('2016-10-11', '2016-10-10', '2016-10-30'), undated).vetoes).toEqual([]);
    // An incident first reported by an undated story of a stream may be any day up to the latest that story came out.
    const streamed = createIncident(
      story(
        doc('w', 'American kidnapped in Niger', ['Gunmen seized an American.'], { published: '2017-02-18', publishedFrom: 'seen', publishedAfter: '2017-02-18', publishedBefore: '2017-06-25' }),
        facts({ type: 'kidnapping', country: 'ne' }, { victims: [victims(1, 'American')] }),
      ),
      { id: 'inc-w', type: 'kidnapping', country: 'ne', at: '2017-02-18T12:00:00Z' },
      policy,
    );
    expect(assess(estimated('2017-06-13', '2017-06-13', '2017-10-17'), streamed).vetoes).toEqual([]);
  });

  it('takes any day an undated story that gives no date can be about for a possible event date', () => {
    const attack = (id: string, main: Partial<MainEvent>, extra: object) =>
      story(doc(id, 'Army posts attacked in central Mali', ['Two army posts were attacked.'], extra), facts({ type: 'attack', country: 'ml', places: ['ml-gao'], ...main }, { places: [GAO] }));
    const known = createIncident(attack('k', { date: '2019-09-30', datePrecision: 'day' }, { published: '2019-10-01' }), { id: 'inc-k', type: 'attack', country: 'ml', at: '2019-10-01T12:00:00Z' }, policy);
    const stream = { publishedFrom: 'seen' as const, publishedAfter: '2019-06-12', publishedBefore: '2019-11-04', published: '2019-06-12' };
    const untold = attack('u', { date: '2019-06-12', datePrecision: 'day', dateEstimated: true, dateUntold: true }, stream).probe;
    expect(assess(untold, known).matches.find((m) => m.code === 'date')).toMatchObject({ weight: 0.06 });
    // The day its window opens is no closer than another: only the week before it closes is, when the story came out.
    const opening = createIncident(attack('o', { date: '2019-06-12', datePrecision: 'day' }, { published: '2019-06-12' }), { id: 'inc-o', type: 'attack', country: 'ml', at: '2019-06-12T12:00:00Z' }, policy);
    expect(assess(untold, opening).matches.find((m) => m.code === 'date')).toMatchObject({ weight: 0.06 });
    const closing = createIncident(attack('c', { date: '2019-11-02', datePrecision: 'day' }, { published: '2019-11-02' }), { id: 'inc-c', type: 'attack', country: 'ml', at: '2019-11-02T12:00:00Z' }, policy);
    expect(assess(untold, closing).matches.find((m) => m.code === 'date')).toMatchObject({ weight: 0.2 });
    const weekday = attack('w', { date: '2019-06-12', datePrecision: 'day', dateEstimated: true }, stream).probe;
    expect(assess(weekday, known).matches.find((m) => m.code === 'date')).toBeUndefined();
  });

  it('does not veto a later state change of the incident on its date alone', () => {
    const release = assess(dated('2025-09-20', 'day', 'release'), july);
    expect(release.vetoes).toEqual([]);
    expect(release.matches.find((m) => m.code === 'type')?.message).toBe('related event types: release and kidnapping');
  });

  it('takes a coup and the shooting that began it for related kinds of event', () => {
    const shooting = (id: string, type: 'attack' | 'coup') =>
      story(doc(id, 'Gunfire in Bamako', ['Soldiers fired shots in Bamako.'], { published: '2012-03-22' }), facts({ type, date: '2012-03-21', datePrecision: 'day', country: 'ml', places: [] }));
    const gunfire = createIncident(shooting('g', 'attack'), { id: 'inc-g', type: 'attack', country: 'ml', at: '2012-03-22T12:00:00Z' }, policy);
    expect(assess(shooting('c', 'coup').probe, gunfire).matches.find((m) => m.code === 'type')?.message).toBe('related event types: coup and attack');
  });

  it('weighs the freedom of as many hostages of the nationality an incident holds as news of those hostages', () => {
    const freed = (type: 'kidnapping' | 'release') =>
      story(
        doc('f', 'Three Indian hostages freed in Mali', ['Three Indians held since July were freed.'], { published: '2025-12-01' }),
        facts({ type, country: 'ml', victims: { count: 3, nationality: 'Indian', role: 'hostage' } }, { victims: [victims(3, 'Indian')] }),
      ).probe;
    expect(assess(freed('release'), july).matches.find((m) => m.code === 'victims')).toMatchObject({ weight: 0.3, message: 'same hostages: 3 indian' });
    expect(assess(freed('kidnapping'), july).matches.find((m) => m.code === 'victims')?.weight).toBe(0.2);
  });

  it('takes the freedom of foreign hostages for news of an incident that holds hostages of theirs, when either side gives no number', () => {
    const held = (nationality: string) =>
      createIncident(
        story(
          doc('k', 'Nun kidnapped in Mali', ['A nun was kidnapped.'], { published: '2017-02-10' }),
          facts({ type: 'kidnapping', date: '2017-02-08', datePrecision: 'day', country: 'ml' }, { victims: [victims(null, nationality)] }),
        ),
        { id: 'inc-n', type: 'kidnapping', country: 'ml', at: '2017-02-10T12:00:00Z' },
        policy,
      );
    const freed = (nationality: string) =>
      story(
        doc('f', 'Hostage freed in Mali', ['A hostage held since 2017 was freed.'], { published: '2021-10-09' }),
        facts({ type: 'kidnapping', date: '2021-10-09', datePrecision: 'day', country: 'ml', victims: { count: 1, nationality, role: 'hostage' }, changes: ['release'] }),
      ).probe;
    expect(assess(freed('Colombian'), held('Colombian')).matches.find((m) => m.code === 'victims')).toMatchObject({ weight: 0.3, message: 'same hostages: 1 colombian' });
    // Local hostages are many: their number has to agree.
    expect(assess(freed('Malian'), held('Malian')).matches.find((m) => m.code === 'victims')?.weight).toBe(0.1);
  });

  it('lets an undated story of a stream that gives only a weekday agree with that weekday in any week it may mean', () => {
    // Known only to have come out between 3 and 10 July, "on Tuesday" is read as 1 July but may be 8 July.
    const undated = (after: string, before: string) =>
      story(
        doc('u', 'Indians held in Kayes', ['Workers were taken on Tuesday.'], { publishedFrom: 'seen', publishedAfter: after, publishedBefore: before }),
        facts({ type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
      ).probe;
    const later = createIncident(julyKidnapping(), { id: 'inc-8', type: 'kidnapping', country: 'ml', at: '2025-07-09T12:00:00Z' }, policy);
    const eighth = { ...later, eventDate: '2025-07-08' };
    const date = (probe: ReturnType<typeof undated>, incident: typeof july) => assess(probe, incident).matches.find((m) => m.code === 'date');
    expect(undated('2025-07-03', '2025-07-10').dateWindow).toEqual({ from: '2025-06-27', to: '2025-07-10' });
    // News comes out within days of what it reports: the week before the latest it can have come out
    // is as likely as the week before the earliest, and each weighs as much as a day it pins down.
    expect(date(undated('2025-07-03', '2025-07-10'), eighth)?.weight).toBe(0.2);
    // A week in between is one of three, or of many, the story may mean; the weekday it names still counts.
    expect(date(undated('2025-07-03', '2025-07-17'), { ...later, eventDate: '2025-07-08' })?.weight).toBe(0.067);
    expect(date(undated('2025-07-03', '2025-10-30'), { ...later, eventDate: '2025-07-15' })?.weight).toBe(0.06);
    expect(date(undated('2025-07-03', '2025-07-10'), { ...later, eventDate: '2025-07-09' })?.weight).toBeLessThan(0.05);
    expect(date(undated('2025-07-03', '2025-07-05'), eighth)?.weight).toBeLessThan(0.05);
    expect(date(undated('2025-07-03', '2025-07-10'), july)?.weight).toBe(0.2);
    // Out some day of five weeks, the Tuesday before the earliest and the one before the latest are both guesses.
    expect(date(undated('2025-07-03', '2025-07-31'), july)?.weight).toBe(0.1);
    expect(date(undated('2025-07-03', '2025-07-31'), { ...later, eventDate: '2025-07-29' })?.weight).toBe(0.1);
  });

  it('lets an undated story that gives a day and month agree with that day in any year it may have come out in', () => {
    // Out between August 2020 and 14 November 2021, "le 10 novembre" is read as 2020 but may be 2021.
    const undated = (yearUnknown: boolean) =>
      story(
        doc('y', 'Togo : attaque à Sanloaga', ["L'attaque a eu lieu dans la nuit du 9 au 10 novembre."], { publishedFrom: 'seen', publishedAfter: '2020-08-15', publishedBefore: '2021-11-14' }),
        facts({ type: 'attack', date: '2020-11-10', datePrecision: 'day', dateEstimated: true, ...(yearUnknown ? { dateYearUnknown: true } : {}), country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
      ).probe;
    const incident = { ...createIncident(julyKidnapping(), { id: 'inc-y', type: 'attack', country: 'ml', at: '2021-11-11T12:00:00Z' }, policy), eventDate: '2021-11-10' };
    expect(undated(true).dateYearUnknown).toBe(true);
    expect(assess(undated(true), incident).matches.find((m) => m.code === 'date')).toMatchObject({ weight: 0.2 });
    expect(assess(undated(false), incident).matches.find((m) => m.code === 'date')).toBeUndefined();
    // It looks the incident up around 10 November of both years.
    expect(probeKeys(undated(true))).toEqual(expect.arrayContaining(['place:ml-kayes@2020-11', 'place:ml-kayes@2021-11']));
  });

  it('takes the date line of a story of a stream for its publication, later than the stream had got to', () => {
    const built = buildDocument({
      id: 'd', kind: 'news', source: 'S', title: 'Dozen soldiers killed in Burkina Faso', lang: 'en',
      seenAt: '2019-01-28T00:00:00.000Z', publishedAfter: '2019-01-28T00:00:00.000Z', publishedBefore: '2019-10-29T00:00:00.000Z',
      body: 'Ouagadougou, Aug 19, 2019 (AFP) - More than a dozen soldiers were killed on Monday in northern Burkina Faso, the army said.',
    });
    if (!built.ok) throw new Error(built.error.message);
    const probe = buildProbe(built.value, facts({ type: 'attack', date: '2019-08-19', datePrecision: 'day', country: 'bf' }));
    expect(probe).toMatchObject({ published: '2019-08-19', date: '2019-08-19', notes: [] });
  });

  it('counts the same number of victims when one side does not say whose they were', () => {
    const blast = (id: string, nationality: string | undefined) =>
      story(
        doc(id, 'Bus hits a mine in central Mali', ['Civilians died when their bus hit a mine.'], { published: '2018-01-26' }),
        facts(
          { type: 'killing', date: '2018-01-25', datePrecision: 'day', country: 'ml', victims: { count: 24, ...(nationality === undefined ? {} : { nationality }), role: 'killed' } },
          { victims: [victims(24, nationality, { role: 'killed' })] },
        ),
      );
    const filed = createIncident(blast('b-1', undefined), { id: 'inc-b', type: 'killing', country: 'ml', at: '2018-01-26T12:00:00Z' }, policy);
    expect(assess(blast('b-2', 'Malian').probe, filed).matches.find((m) => m.code === 'victims')).toMatchObject({ weight: 0.08, message: 'same number of victims: 24' });
  });

  it('compares month-precise dates by month', () => {
    expect(assess(dated('2025-07-01', 'month'), july).matches.find((m) => m.code === 'date')?.weight).toBe(0.1);
    expect(assess(dated('2025-10-01', 'month'), july).vetoes[0]?.message).toBe('same kind of event (kidnapping) but 3 months apart from inc-1');
  });

  it('lets an estimated day count for closeness but never veto', () => {
    const week = story(
      doc('w', 'Indians held in Kayes', ['Workers were held last week.'], { published: '2025-07-14' }),
      facts(
        { type: 'kidnapping', date: '2025-07-07', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' } },
        { places: [KAYES], victims: [victims(3, 'Indian')] },
      ),
    ).probe;
    expect(assess(week, july).vetoes).toEqual([]);
    expect(assess(dated('2025-07-07', 'day'), july).vetoes.map((v) => v.code)).toEqual(['veto:date']);
  });

  it('takes a weekday alone, a week after the incident, for the same weekday of the week before', () => {
    const weekday = (date: string) =>
      story(
        doc('s', 'Indians held in Kayes', ['Workers were taken on Tuesday evening.'], { published: '2025-07-16' }),
        facts(
          { type: 'kidnapping', date, datePrecision: 'day', dateWeekdayOnly: true, country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' } },
          { places: [KAYES], victims: [victims(3, 'Indian')] },
        ),
      ).probe;
    expect(assess(weekday('2025-07-08'), july).vetoes).toEqual([]);
    expect(assess(weekday('2025-07-08'), july).matches.find((m) => m.code === 'date')).toMatchObject({ weight: 0.06 });
    expect(assess(weekday('2025-07-15'), july).vetoes.map((v) => v.code)).toEqual(['veto:date']);
    expect(assess(dated('2025-07-08', 'day'), july).vetoes.map((v) => v.code)).toEqual(['veto:date']);
  });

  it('compares a story with the first report of an incident that has no event date', () => {
    const undated = createIncident(
      story(
        doc('u', 'Gunmen kill villagers near Kayes', ['Gunmen killed villagers.'], { published: '2025-07-10' }),
        facts({ type: 'killing', date: '2025-07-10', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
      ),
      { id: 'inc-2', type: 'killing', country: 'ml', at: '2025-07-10T12:00:00Z' },
      policy,
    );
    expect(undated.eventDate).toBeUndefined();
    const sameDay = story(
      doc('v', 'Villagers killed near Kayes', ['Villagers were killed.'], { published: '2025-07-10' }),
      facts({ type: 'killing', date: '2025-07-10', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
    ).probe;
    expect(assess(sameDay, undated).matches.find((m) => m.code === 'date')).toMatchObject({ weight: 0.2, message: 'story of 2025-07-10, first reported 2025-07-10' });
    const weekLater = { ...sameDay, date: '2025-07-20' };
    expect(assess(weekLater, undated).matches.find((m) => m.code === 'date')).toBeUndefined();
    expect(assess(weekLater, undated).vetoes).toEqual([]);
    // An event two days before the first report is as close as one of its day; the report came out after it.
    expect(assess({ ...sameDay, date: '2025-07-08' }, undated).matches.find((m) => m.code === 'date')?.weight).toBe(0.2);
    expect(assess({ ...sameDay, date: '2025-07-12' }, undated).matches.find((m) => m.code === 'date')?.weight).toBeLessThan(0.2);
    // And it is filed under those days too, so that such a story finds it.
    expect(incidentKeys(undated)).toEqual(expect.arrayContaining(['day:ml@2025-07-10', 'day:ml@2025-07-09', 'day:ml@2025-07-08']));
  });

  it('measures a story from either end of the days an undated first report can have come out, and weakly between them', () => {
    // The first report came in a stream between items of 10 July and 2 August, with no date of its own.
    const fromStream = createIncident(
      story(
        doc('u', 'Gunmen kill villagers near Kayes', ['Gunmen killed villagers on Sunday.'], {
          published: '2025-07-10', publishedFrom: 'seen', publishedAfter: '2025-07-10', publishedBefore: '2025-08-02',
        }),
        facts({ type: 'killing', date: '2025-07-06', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
      ),
      { id: 'inc-3', type: 'killing', country: 'ml', at: '2025-07-10T12:00:00Z' },
      policy,
    );
    const report = (day: string) =>
      story(
        doc('w', 'Villagers killed near Kayes', ['Villagers were killed.'], { published: day }),
        facts({ type: 'killing', date: day, datePrecision: 'day', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
      ).probe;
    const date = (day: string) => assess(report(day), fromStream).matches.find((m) => m.code === 'date');
    expect(date('2025-08-01')).toMatchObject({ weight: 0.2, message: 'story of 2025-08-01, first reported 2025-08-02' });
    expect(date('2025-07-09')).toMatchObject({ weight: 0.2, message: 'story of 2025-07-09, first reported 2025-07-10' });
    // Far from both ends, a day between them is one the first report may still have been about, weakly.
    expect(date('2025-07-21')).toMatchObject({ weight: 0.06, message: 'story of 2025-07-21, within the days the undated first report came out (2025-07-10 to 2025-08-02)' });
    expect(date('2025-09-15')).toBeUndefined();
    // A story that tells no day, from a span of the stream that overlaps those days, may be about the same event, weakly.
    const untold = (to: string) => ({ ...report('2025-06-01'), dateEstimated: true, dateUntold: true, dateWindow: { from: '2025-05-26', to } });
    expect(assess(untold('2025-07-20'), fromStream).matches.find((m) => m.code === 'date')?.weight).toBe(0.06);
    expect(assess(untold('2025-07-05'), fromStream).matches.find((m) => m.code === 'date')).toBeUndefined();
  });

  it('sees no clash between hostages of one nationality and the dead of another, nor between the dead of two', () => {
    const attack = createIncident(
      story(
        doc('s', 'Twelve Nigerien soldiers killed in Tillaberi', ['Gunmen killed twelve Nigerien soldiers.'], { published: '2025-04-26' }),
        facts({ type: 'attack', date: '2025-04-25', datePrecision: 'day', country: 'ne', places: ['ml-kayes'] }, { places: [KAYES], victims: [victims(12, 'Nigerien', { role: 'killed' })] }),
      ),
      { id: 'inc-3', type: 'attack', country: 'ne', at: '2025-04-26T12:00:00Z' },
      policy,
    );
    const hostages = (role: 'hostage' | 'killed') =>
      story(
        doc('h', 'Five Indians kidnapped in attack', ['Five Indian workers were kidnapped.'], { published: '2025-04-27' }),
        facts({ type: 'attack', date: '2025-04-25', datePrecision: 'day', country: 'ne', places: ['ml-kayes'], victims: { count: 5, nationality: 'Indian', role } }, { places: [KAYES] }),
      ).probe;
    expect(assess(hostages('hostage'), attack).matches.map((m) => m.code)).not.toContain('victims:clash');
    // An attack kills people of several nationalities, and each report names whom it heard of first.
    expect(assess(hostages('killed'), attack).matches.map((m) => m.code)).not.toContain('victims:clash');
  });

  it('does not veto a report of the hostages freed months after the kidnapping', () => {
    const freed = story(
      doc('r', 'Three Indians kidnapped in Kayes are freed', ['The three Indians were released.'], { published: '2025-11-03' }),
      facts(
        { type: 'kidnapping', date: '2025-11-02', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' }, changes: ['release'] },
        { places: [KAYES], victims: [victims(3, 'Indian')] },
      ),
    ).probe;
    expect(assess(freed, july).vetoes).toEqual([]);
    expect(assess({ ...freed, changes: [] }, july).vetoes.map((v) => v.code)).toEqual(['veto:date']);
  });

  it('does not take the day the freed hostages were taken, recalled in the body, for background', () => {
    const freed = story(
      doc('p', 'Three Indians freed', ['The three Indians were released.'], { published: '2025-11-03' }),
      facts(
        { type: 'kidnapping', date: '2025-11-02', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' }, changes: ['release'] },
        { places: [KAYES], victims: [victims(3, 'Indian')] },
      ),
    ).probe;
    // Freed where they were not taken, and no nationality said: the day they were taken is all it shares.
    const recalling = { ...freed, places: [], regions: [], victims: { count: 3 }, recalled: { sites: [], dates: ['2025-07-01'], victims: [] }, captivityDays: ['2025-07-01'] };
    expect(assess(recalling, july).vetoes).toEqual([]);
    // The same day recalled by a story that is not about their freedom is background.
    expect(assess({ ...recalling, changes: [], captivityDays: [] }, july).vetoes.map((v) => v.code)).toContain('veto:recall');
  });

  it('does not veto a release of its hostages announced from another country', () => {
    const freed = (nationality: string) =>
      story(
        doc('b', 'Three hostages freed in Niamey', ['The three hostages were released in Niamey.'], { published: '2025-11-03' }),
        facts(
          { type: 'kidnapping', date: '2025-11-02', datePrecision: 'day', country: 'ne', places: [], victims: { count: 3, nationality }, changes: ['release'] },
          { victims: [victims(3, nationality)] },
        ),
      ).probe;
    expect(assess(freed('Indian'), july).vetoes).toEqual([]);
    // The day the story says they were taken dates the kidnapping it follows.
    expect(assess({ ...freed('Indian'), captivityDays: ['2025-07-01'] }, july).matches.find((m) => m.code === 'date')).toMatchObject({
      weight: 0.2,
      message: 'the hostages were taken on 2025-07-01, as inc-1 says',
    });
    expect(assess({ ...freed('Indian'), captivityDays: ['2025-05-20'] }, july).matches.find((m) => m.code === 'date')).toBeUndefined();
    // Hostages of another nationality freed in another country are another story.
    expect(assess(freed('Chinese'), july).vetoes.map((v) => v.code)).toEqual(['veto:country']);
    expect(assess({ ...freed('Indian'), changes: [] }, july).vetoes.map((v) => v.code)).toContain('veto:country');
    // An incident first known from the release holds those hostages as much.
    const released = { ...july, victims: july.victims.map((v) => ({ ...v, value: { ...v.value, role: 'released' as const } })) };
    expect(assess(freed('Indian'), released).vetoes).toEqual([]);
  });

  it('takes the region a place was in before its own was created for the same region: news before 2023 says "the Mopti region" for Boulkessi', () => {
    const BOULKESSI: PlaceFact = { ...KAYES, id: 'ml-boulkessi', name: 'Boulkessi', region: 'ml-r-douentza', formerRegion: 'ml-r-mopti' };
    const MOPTI_REGION: PlaceFact = { ...KAYES, id: 'ml-r-mopti', name: 'Mopti', kind: 'region' };
    const SEGOU_REGION: PlaceFact = { ...MOPTI_REGION, id: 'ml-r-segou', name: 'Ségou' };
    const attack = (id: string, place: PlaceFact) =>
      story(
        doc(id, `Army camp attacked in ${place.name}`, ['Gunmen attacked an army camp.'], { published: '2019-09-30' }),
        facts({ type: 'attack', date: '2019-09-30', datePrecision: 'day', country: 'ml', places: [place.id] }, { places: [place] }),
      );
    const camp = createIncident(attack('b', BOULKESSI), { id: 'inc-b', type: 'attack', country: 'ml', at: '2019-09-30T12:00:00Z' }, policy);
    const codes = (place: PlaceFact) => assess(attack('m', place).probe, camp).matches.map((m) => m.code);
    expect(codes(MOPTI_REGION)).toContain('region');
    expect(codes(MOPTI_REGION)).not.toContain('place:clash');
    expect(codes(SEGOU_REGION)).toContain('place:clash');
    expect(incidentKeys(camp)).toContain('region:ml-r-mopti@2019-09');
    expect(probeKeys(attack('m', MOPTI_REGION).probe)).toContain('region:ml-r-mopti@2019-09');
  });

  it('sees no clash in the town where its hostages were freed, far from where they were taken', () => {
    const freedIn = (changes: MainEvent['changes']) =>
      story(
        doc('g', 'Three Indian hostages freed near Gao', ['The three Indian hostages were freed near Gao.'], { published: '2025-11-03' }),
        facts(
          { type: 'kidnapping', date: '2025-11-02', datePrecision: 'day', country: 'ml', places: ['ml-gao'], victims: { count: 3, nationality: 'Indian' }, changes },
          { places: [GAO], victims: [victims(3, 'Indian')] },
        ),
      ).probe;
    expect(assess(freedIn(['release']), july).matches.map((m) => m.code)).not.toContain('place:clash');
    expect(assess(freedIn([]), july).matches.map((m) => m.code)).toContain('place:clash');
  });

  it('keeps the other days a story of hostages freed or still held gives, and only for such a story', () => {
    const day = (date: string) => ({ date, precision: 'day' as const, role: 'event' as const, background: false, matched: date, evidence: { sentence: 1, text: '' } });
    const found = (changes: ('release' | 'claim')[], title = 'Four Moroccan drivers freed') =>
      story(
        doc('m', title, ['They were taken on January 18.'], { published: '2025-08-05' }),
        facts({ type: 'kidnapping', date: '2025-08-03', datePrecision: 'day', country: 'ml', places: [], changes }, { dates: [day('2025-08-03'), day('2025-01-18')] }),
      ).probe;
    expect(found(['release']).captivityDays).toEqual(['2025-01-18']);
    expect(found(['claim']).captivityDays).toBeUndefined();
    expect(found(['claim'], 'Four Moroccan drivers still held, video shows').captivityDays).toEqual(['2025-01-18']);
  });

  it('takes a day and month a story of hostages freed gives after its own day for the same day of the year before', () => {
    const told = (date: string, matched: string) => ({ date, precision: 'day' as const, role: 'event' as const, background: false, matched, evidence: { sentence: 1, text: '' } });
    const freed = (other: ReturnType<typeof told>) =>
      story(
        doc('c', 'Opposition leader freed', ['He had been held since his March 25 kidnapping.'], { published: '2020-10-09' }),
        facts({ type: 'kidnapping', date: '2020-10-08', datePrecision: 'day', country: 'ml', places: [], changes: ['release'] }, { dates: [told('2020-10-08', 'October 8, 2020'), other] }),
      ).probe;
    expect(freed(told('2021-03-25', 'March 25')).captivityDays).toEqual(['2020-03-25']);
    // A year written out stands, and so does a weekday, which a year cannot put out.
    expect(freed(told('2021-03-25', 'March 25, 2021')).captivityDays).toEqual(['2021-03-25']);
    expect(freed(told('2020-10-10', 'Saturday')).captivityDays).toEqual(['2020-10-10']);
  });

  it('keeps a story of hostages taken years after an incident apart from it, and the years of a captivity loosely', () => {
    const year = (date: string) => ({ date, precision: 'year' as const, role: 'event' as const, background: true, matched: date.slice(0, 4), evidence: { sentence: 1, text: '' } });
    const held = { type: 'kidnapping' as const, trigger: 'otage', background: false, evidence: { sentence: 1, text: '' } };
    const freedSince = (since: string) =>
      story(
        doc('s', 'Sophie Pétronin freed', ['She had been held hostage since ' + since.slice(0, 4) + '.'], { published: '2020-10-08' }),
        facts(
          { type: 'kidnapping', date: '2020-10-08', datePrecision: 'day', country: 'ml', places: [], victims: { count: 1, nationality: 'French' }, changes: ['release'] },
          { victims: [victims(1, 'French')], dates: [year(since)], events: [held] },
        ),
      ).probe;
    expect(freedSince('2016-01-01').captivityYears).toEqual(['2016']);
    const taken = (date: string) =>
      createIncident(
        story(
          doc(`t-${date}`, 'French national kidnapped in Mali', ['A French national was kidnapped.'], { published: date }),
          facts({ type: 'kidnapping', date, datePrecision: 'day', country: 'ml', places: [], victims: { count: 1, nationality: 'French' } }, { victims: [victims(1, 'French')] }),
        ),
        { id: `inc-${date}`, type: 'kidnapping', country: 'ml', at: `${date}T12:00:00Z` },
        policy,
      );
    expect(assess(freedSince('2016-01-01'), taken('2011-11-24')).vetoes.map((v) => v.code)).toContain('veto:date');
    expect(assess(freedSince('2016-01-01'), taken('2016-12-24')).vetoes).toEqual([]);
    // "Held since 2016" may be told of a December 2015 abduction.
    expect(assess(freedSince('2016-01-01'), taken('2015-12-30')).vetoes).toEqual([]);
  });

  it('sees a clash between two named sites, not between two names of one', () => {
    const at = (site: string) => assess({ ...dated('2025-07-01', 'day'), site }, july).matches.find((m) => m.code.startsWith('site'));
    expect(at('diamond cement')).toMatchObject({ code: 'site', weight: 0.2 });
    expect(at('kobri gold mine')).toMatchObject({ code: 'site:clash', weight: -0.1 });
    expect(at('diamond cement factory')).toBeUndefined();
    // A kind of site against a site named says nothing either way; against another kind it clashes.
    expect(at('mining firm')).toBeUndefined();
    const generic = { ...july, sites: july.sites.map((s) => ({ ...s, value: { ...s.value, key: 'cement factory' } })) };
    expect(assess({ ...dated('2025-07-01', 'day'), site: 'gold mine' }, generic).matches.find((m) => m.code.startsWith('site'))).toMatchObject({ code: 'site:clash' });
    // Two words for one kind agree, if less than one site named by both.
    const mine = { ...july, sites: july.sites.map((s) => ({ ...s, value: { ...s.value, key: 'mining site' } })) };
    expect(assess({ ...dated('2025-07-01', 'day'), site: 'gold mine' }, mine).matches.find((m) => m.code.startsWith('site'))).toMatchObject({ code: 'site', weight: 0.1 });
  });

  it('joins a release to the kidnapping of a person both name, years later and from another country', () => {
    const taken = createIncident(
      story(
        doc('t', 'French journalist kidnapped in Gao', ['He was kidnapped.'], { published: '2021-05-05' }),
        facts(
          { type: 'kidnapping', date: '2021-04-08', datePrecision: 'day', country: 'ml', places: [], victims: { count: 1, nationality: 'French' } },
          { victims: [{ ...victims(1, 'French'), names: ['Olivier Dubois'] }] },
        ),
      ),
      { id: 'inc-d', type: 'kidnapping', country: 'ml', at: '2021-05-05T12:00:00Z' },
      policy,
    );
    const freed = story(
      doc('f', 'Olivier Dubois freed in Niamey', ['He landed in Niamey.'], { published: '2023-03-20' }),
      facts(
        { type: 'release', date: '2023-03-20', datePrecision: 'day', country: 'ne', places: [], victims: { count: 1, role: 'released' }, changes: ['release'] },
        { victims: [{ ...victims(1, 'French'), role: 'released', names: ['Olivier Dubois'] }] },
      ),
    ).probe;
    expect(freed.persons).toEqual(['dubois']);
    expect(incidentKeys(taken)).toContain('person:dubois');
    const assessed = assess(freed, taken);
    expect(assessed.vetoes).toEqual([]);
    expect(assessed.matches.find((m) => m.code === 'person')).toMatchObject({ weight: 0.3, message: 'same person among the victims: dubois' });
  });

  it('vetoes joining a story of named hostages to an incident whose hostages have other names, whatever day within weeks a story of the same names gives', () => {
    const kidnapped = (id: string, name: string, date: string) =>
      story(
        doc(id, `French national kidnapped in Gao`, ['A French national was kidnapped.'], { published: date }),
        facts(
          { type: 'kidnapping', date, datePrecision: 'day', country: 'ml', places: ['ml-gao'], victims: { count: 1, nationality: 'French' } },
          { places: [GAO], victims: [{ ...victims(1, 'French'), names: [name] }] },
        ),
      );
    const first = createIncident(kidnapped('p', 'Sophie Pétronin', '2016-12-24'), { id: 'inc-p', type: 'kidnapping', country: 'ml', at: '2016-12-26T12:00:00Z' }, policy);
    expect(assess(kidnapped('d', 'Olivier Dubois', '2021-04-08').probe, first).vetoes.map((v) => v.code)).toContain('veto:person');
    expect(assess(kidnapped('q', 'Sophie Pétronin', '2016-12-24').probe, first).vetoes).toEqual([]);
    // A video of the hostage weeks later dates the story, not another kidnapping of the same person.
    const video = assess(kidnapped('v', 'Sophie Pétronin', '2017-01-20').probe, first);
    expect(assess(kidnapped('v', 'Sophie Pétronin', '2017-07-02').probe, first).vetoes.map((v) => v.code)).toContain('veto:date');
    expect(video.vetoes).toEqual([]);
    expect(video.matches.map((m) => m.code)).toContain('person');
    expect(assess(kidnapped('w', 'Olivier Dubois', '2017-01-20').probe, first).vetoes.map((v) => v.code)).toContain('veto:date');
    // One person known by two names ("Alain Traoré, plus connu sous le sobriquet Alain Alain") shares a word of them.
    const nicknamed = createIncident(kidnapped('n', 'Alain Alain', '2024-07-13'), { id: 'inc-n', type: 'kidnapping', country: 'ml', at: '2024-07-14T12:00:00Z' }, policy);
    expect(assess(kidnapped('t', 'Alain Traoré', '2024-07-13').probe, nicknamed).vetoes).toEqual([]);
    expect(assess(kidnapped('o', 'Olivier Traoré', '2024-07-13').probe, nicknamed).vetoes.map((v) => v.code)).toContain('veto:person');
    // Reports spell foreign names in several ways: "Elliot" is "Elliott", "Stockly" is "Stöckli".
    expect(personKey('Béatrice Stöckli')).toBe(personKey('Beatrice Stockly'));
    expect(personKey('Sophie Pétronin')).not.toBe(personKey('Olivier Dubois'));
    const elliott = createIncident(kidnapped('e', 'Jocelyn Elliott', '2016-01-15'), { id: 'inc-e', type: 'kidnapping', country: 'ml', at: '2016-01-16T12:00:00Z' }, policy);
    const spelt = assess(kidnapped('f', 'Jocelyn Elliot', '2016-01-15').probe, elliott);
    expect(spelt.vetoes).toEqual([]);
    expect(spelt.matches.map((m) => m.code)).toContain('person');
  });

  it('vetoes an event of a related kind whose told day lies months from the incident, unless it tells of the hostages freed', () => {
    const raid = (id: string, date: string, main: Partial<MainEvent> = {}) =>
      story(
        doc(id, 'Gunmen raid the Diamond Cement factory in Kayes', ['Armed men attacked the factory.'], { published: date }),
        facts({ type: 'attack', date, datePrecision: 'day', country: 'ml', places: ['ml-kayes'], ...main }, { places: [KAYES] }),
      ).probe;
    const dateVetoed = (probe: ReturnType<typeof raid>) => assess(probe, july).vetoes.some((v) => v.code === 'veto:date');
    expect(dateVetoed(raid('r-1', '2026-01-11'))).toBe(true);
    expect(dateVetoed(raid('r-2', '2025-07-20'))).toBe(false);
    const raided = createIncident(
      story(doc('r-5', 'Gunmen raid a factory in Kayes', ['Armed men attacked the factory.'], { published: '2025-07-01' }), facts({ type: 'attack', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] })),
      { id: 'inc-r', type: 'attack', country: 'ml', at: '2025-07-01T12:00:00Z' },
      policy,
    );
    const freed = raid('r-4', '2026-01-11', { type: 'kidnapping', changes: ['release'] });
    expect(assess(freed, raided).vetoes.map((v) => v.code)).not.toContain('veto:date');
    expect(assess(raid('r-6', '2026-01-11', { type: 'kidnapping' }), raided).vetoes.map((v) => v.code)).toContain('veto:date');
  });

  it("keeps a government's travel advice apart from the attack that set it off, not from hostages still held", () => {
    const attack = createIncident(
      story(
        doc('a', 'Aid workers killed near Niamey', ['Gunmen killed eight people.'], { published: '2020-08-10' }),
        facts({ type: 'attack', date: '2020-08-09', datePrecision: 'day', country: 'ne' }),
      ),
      { id: 'inc-a', type: 'attack', country: 'ne', at: '2020-08-10T12:00:00Z' },
      policy,
    );
    const advice = story(
      doc('v', 'France puts Niger in the red zone', ['Travel to Niger is advised against.'], { published: '2020-08-12' }),
      facts({ type: 'advisory', date: '2020-08-12', datePrecision: 'day', country: 'ne' }),
    ).probe;
    expect(assess(advice, attack).vetoes.map((v) => v.code)).toContain('veto:advice');
    const coup = createIncident(
      story(doc('c', 'Soldiers seize power in Niger', ['Soldiers announced a coup.'], { published: '2020-08-11' }), facts({ type: 'coup', date: '2020-08-11', datePrecision: 'day', country: 'ne' })),
      { id: 'inc-coup', type: 'coup', country: 'ne', at: '2020-08-11T12:00:00Z' },
      policy,
    );
    expect(assess(advice, coup).vetoes.find((v) => v.code === 'veto:advice')?.message).toContain('inc-coup a coup it may follow');
    expect(assess(advice, attack).vetoes.find((v) => v.code === 'veto:advice')?.message).toContain('an attack it may follow');
    expect(assess({ ...advice, country: 'ml' }, july).vetoes.map((v) => v.code)).not.toContain('veto:advice');
  });

  it("lets an embassy's security alert in the days of a coup follow the coup, still under way", () => {
    const coup = createIncident(
      story(doc('c', 'Soldiers seize power in Burkina Faso', ['Captain Traoré announced a coup.'], { published: '2022-09-30' }), facts({ type: 'coup', date: '2022-09-30', datePrecision: 'day', country: 'bf' })),
      { id: 'inc-coup', type: 'coup', country: 'bf', at: '2022-09-30T12:00:00Z' },
      policy,
    );
    const message = (title: string, published: string, body = 'The embassy advises citizens to avoid the presidency.') =>
      story(
        doc('s', title, [body], { published }),
        facts({ type: 'advisory', date: published, datePrecision: 'day', country: 'bf', actors: ['us-gov'] }, { actors: [actor('us-gov', 'spoke')] }),
      ).probe;
    const alert = message('Security Alert: U.S. Embassy Ouagadougou', '2022-10-03');
    expect(alert.alert).toBe(true);
    expect(assess(alert, coup).vetoes.map((v) => v.code)).not.toContain('veto:advice');
    // A change of the advice is an event of its own, and so is an alert weeks after the coup.
    expect(assess(message('U.S. Embassy Ouagadougou', '2022-10-03', 'Citizens should shelter in place.'), coup).vetoes.map((v) => v.code)).not.toContain('veto:advice');
    expect(assess(message('US raises Burkina Faso travel advisory to level 4', '2022-10-03'), coup).vetoes.map((v) => v.code)).toContain('veto:advice');
    expect(assess(message('Security Alert: U.S. Embassy Ouagadougou', '2022-10-20'), coup).vetoes.map((v) => v.code)).toContain('veto:advice');
  });

  it("takes a coup's country for its place: the barracks where it starts and the capital are one coup", () => {
    const KATI: PlaceFact = { ...KAYES, id: 'ml-kati', name: 'Kati', region: 'ml-r-koulikoro' };
    const BAMAKO: PlaceFact = { ...KAYES, id: 'ml-bamako', name: 'Bamako', region: 'ml-r-bamako' };
    const coup = (id: string, place: PlaceFact, published: string) =>
      story(
        doc(id, `Mutiny in ${place.name}`, ['Soldiers detained the president.'], { published }),
        facts({ type: 'coup', date: '2020-08-18', datePrecision: 'day', country: 'ml', places: [place.id] }, { places: [place] }),
      );
    const seized = createIncident(coup('k', KATI, '2020-08-18'), { id: 'inc-k', type: 'coup', country: 'ml', at: '2020-08-18T12:00:00Z' }, policy);
    const later = assess(coup('b', BAMAKO, '2020-08-20').probe, seized);
    expect(later.matches.find((m) => m.code === 'place')).toMatchObject({ weight: 0.2, message: 'same state seized: ML' });
    expect(later.matches.map((m) => m.code)).not.toContain('place:clash');
    expect(later.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_POLICY.joinThreshold);
  });

  it('vetoes an undated story published before the incident happened', () => {
    const early = story(
      doc('e', 'Indians kidnapped in Kayes', ['Three Indians kidnapped.'], { published: '2025-06-20' }),
      facts({ type: 'kidnapping', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
    ).probe;
    expect(assess(early, july).vetoes[0]?.code).toBe('veto:date');
  });

  it('does not veto an undated story of a stream that may have come out after the incident happened', () => {
    const filed = story(doc('f', 'Villagers killed near Seytenga', ['Gunmen killed 44 villagers.'], { published: '2023-04-08' }), facts({ type: 'attack', country: 'bf' }));
    const incident = createIncident(filed, { id: 'inc-f', type: 'attack', country: 'bf', at: '2023-04-08T12:00:00Z' }, policy);
    const stream = { publishedFrom: 'seen' as const, publishedAfter: '2023-03-28', publishedBefore: '2023-04-16', published: '2023-03-28' };
    const thursday = story(
      doc('t', 'Double attack kills 44 in the Sahel region', ['Gunmen opened fire on Thursday evening.'], stream),
      facts({ type: 'attack', date: '2023-03-23', datePrecision: 'day', dateEstimated: true, country: 'bf' }),
    ).probe;
    expect(assess(thursday, incident).vetoes).toEqual([]);
    const before = story(
      doc('b', 'Double attack kills 44 in the Sahel region', ['Gunmen opened fire on Thursday evening.'], { ...stream, publishedBefore: '2023-03-30' }),
      facts({ type: 'attack', date: '2023-03-23', datePrecision: 'day', dateEstimated: true, country: 'bf' }),
    ).probe;
    expect(assess(before, incident).vetoes.map((v) => v.code)).toEqual(['veto:date']);
  });
});

describe('incident titles', () => {
  it('are built from the slots', () => {
    expect(july.title).toBe('Kidnapping of 3 Indian nationals at Diamond Cement Factory, Kayes, Mali');
    expect(incidentTitle({ eventType: 'attack', victims: [], sites: [], places: [], country: 'bf' })).toBe('Attack, BF');
  });
});

describe('assess travel advice', () => {
  const advice = (id: string, issuer: string, date: string) =>
    story(
      doc(id, `${issuer} tells its citizens to leave Mali`, ['Citizens should leave by commercial flights.'], { published: date }),
      facts({ type: 'evacuation', date, datePrecision: 'day', country: 'ml', actors: [issuer] }, { actors: [actor(issuer, 'spoke')] }),
    );
  const us = createIncident(advice('us-1', 'us-gov', '2025-10-29'), { id: 'inc-us', type: 'evacuation', country: 'ml', at: '2025-10-29T12:00:00Z' }, policy);

  it('joins the same government\'s advice of the same days', () => {
    const copy = assess(advice('us-2', 'us-gov', '2025-10-29').probe, us);
    expect(copy.vetoes).toEqual([]);
    expect(copy.matches.find((m) => m.code === 'issuer')?.weight).toBe(0.25);
  });

  it('keeps a rung of leaving announced days after another apart, and joins the same rung told days later', () => {
    // Alerts often give no day of their own: the date veto of the same kind of event cannot tell them apart.
    const rung = (id: string, title: string, date: string) =>
      story(
        doc(id, title, ['The embassy can offer only limited help.'], { published: date }),
        facts({ type: 'evacuation', date, datePrecision: 'day', dateEstimated: true, country: 'ml', actors: ['us-gov'] }, { actors: [actor('us-gov', 'spoke')] }),
      );
    const allowed = createIncident(rung('s-1', 'US allows non-emergency staff to leave Mali', '2025-10-24'), { id: 'inc-s', type: 'evacuation', country: 'ml', at: '2025-10-24T12:00:00Z' }, policy);
    expect(rung('s-2', 'US orders non-essential staff out of Mali', '2025-10-31').probe.adviceStep).toBe('staff-ordered');
    expect(assess(rung('c-1', 'US tells its citizens to leave Mali', '2025-10-28').probe, allowed).vetoes.map((v) => v.code)).toEqual(['veto:step']);
    expect(assess(rung('s-2', 'US orders non-essential staff out of Mali', '2025-10-31').probe, allowed).vetoes.map((v) => v.code)).toEqual(['veto:step']);
    // One alert may announce two rungs: the same day, reports of either are one event.
    expect(assess(rung('c-2', 'US tells its citizens to leave Mali', '2025-10-25').probe, allowed).vetoes).toEqual([]);
    expect(assess(rung('s-3', 'Non-emergency US staff may leave Mali', '2025-10-29').probe, allowed).vetoes).toEqual([]);
  });

  it("joins the same government's operation told days later, recalling the day it began, but not its advice of another kind", () => {
    const recall = { sites: [], dates: ['2025-10-29'], victims: [] };
    const finished = advice('us-3', 'us-gov', '2025-10-31').probe;
    expect(assess({ ...finished, recalled: recall }, us).vetoes.map((v) => v.code)).not.toContain('veto:recall');
    expect(assess({ ...finished, type: 'advisory', recalled: recall }, us).vetoes.map((v) => v.code)).toContain('veto:recall');
  });

  it('keeps another government\'s advice apart', () => {
    expect(assess(advice('uk-1', 'uk-gov', '2025-10-30').probe, us).vetoes.map((v) => v.code)).toEqual(['veto:issuer']);
  });

  it("keeps one government's advice apart from another government's statement", () => {
    const said = story(
      doc('fr-1', 'France says it will respond to any attack on its nationals in Niger', ['Paris warned the junta.'], { published: '2025-10-29' }),
      facts({ type: 'statement', date: '2025-10-29', datePrecision: 'day', country: 'ml', actors: ['fr-gov'] }, { actors: [actor('fr-gov', 'spoke')] }),
    );
    const statement = createIncident(said, { id: 'inc-fr', type: 'statement', country: 'ml', at: '2025-10-29T12:00:00Z' }, policy);
    expect(assess(advice('it-1', 'it-gov', '2025-10-29').probe, statement).vetoes.map((v) => v.code)).toEqual(['veto:issuer']);
  });

  it('takes an alert that speaks to one government\'s citizens as that government\'s advice', () => {
    const alertStory = (id: string, named: readonly string[]) =>
      story(
        doc(id, 'Security Alert: Bamako', ['Citizens currently present in Mali should depart immediately.'], { published: '2025-10-29' }),
        facts({ type: 'evacuation', date: '2025-10-29', datePrecision: 'day', country: 'ml', actors: [] }, { actors: named.map((n) => actor(n, 'mentioned')) }),
      );
    const alert = (id: string, named: readonly string[]) => alertStory(id, named).probe;
    expect(alert('a-1', ['us-gov']).issuer).toBe('us-gov');
    // Filed as an incident, the alert is that government's advice for the reports that follow.
    const filed = createIncident(alertStory('a-5', ['us-gov']), { id: 'inc-alert', type: 'evacuation', country: 'ml', at: '2025-10-29T12:00:00Z' }, policy);
    expect(assess(advice('us-3', 'us-gov', '2025-10-29').probe, filed).matches.find((m) => m.code === 'issuer')?.weight).toBe(0.25);
    expect(assess(alert('a-2', ['us-gov']), us).matches.find((m) => m.code === 'issuer')?.weight).toBe(0.25);
    const uk = createIncident(advice('uk-2', 'uk-gov', '2025-10-29'), { id: 'inc-uk', type: 'evacuation', country: 'ml', at: '2025-10-29T12:00:00Z' }, policy);
    expect(assess(alert('a-3', ['us-gov']), uk).vetoes.map((v) => v.code)).toEqual(['veto:issuer']);
    expect(alert('a-4', ['us-gov', 'uk-gov']).issuer).toBeUndefined();
  });
});

describe('assess a blockade under way', () => {
  const BAMAKO: PlaceFact = { ...KAYES, id: 'ml-bamako', name: 'Bamako', region: 'ml-r-bamako' };
  const declared = story(
    doc('b-1', 'JNIM announces blockade on Kayes', ['The group announced a blockade of Kayes.'], { published: '2025-09-04' }),
    facts({ type: 'blockade', date: '2025-09-04', datePrecision: 'day', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES], actors: [actor('jnim', 'mentioned')] }),
  );
  const blockade = createIncident(declared, { id: 'inc-b', type: 'blockade', country: 'ml', at: '2025-09-04T12:00:00Z' }, policy);
  const later = (main: Partial<MainEvent>, named = ['jnim']) =>
    story(
      doc('b-2', 'Queues at Bamako petrol stations', ['Fuel is scarce because of the blockade imposed by JNIM.'], { published: '2025-10-08' }),
      facts(
        { country: 'ml', places: ['ml-bamako'], date: '2025-10-08', datePrecision: 'day', ...main },
        {
          places: [BAMAKO],
          actors: named.map((id) => actor(id, 'mentioned')),
          events: [{ type: 'blockade', trigger: 'blockade', background: false, evidence: { sentence: 1, text: 'blockade' } }],
        },
      ),
    ).probe;

  it('takes a later report that speaks of it, weeks on and in another town', () => {
    const follow = assess(later({ type: 'attack' }), blockade);
    expect(follow.vetoes).toEqual([]);
    expect(follow.matches.map((m) => m.code)).toContain('ongoing');
    expect(follow.matches.map((m) => m.code)).not.toContain('place:clash');
    expect(follow.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_POLICY.joinThreshold);
  });

  it('needs the story to name who imposes it or where', () => {
    expect(assess(later({ type: 'attack' }, []), blockade).matches.map((m) => m.code)).not.toContain('ongoing');
  });

  it('leaves a later report of the same kind unvetoed by its date', () => {
    expect(assess(later({ type: 'blockade' }), blockade).vetoes).toEqual([]);
  });

  it('does not swallow an attack with victims of its own', () => {
    const attack = assess(later({ type: 'attack', victims: { count: 20 } }), blockade);
    expect(attack.vetoes.map((v) => v.code)).toEqual(['veto:ongoing']);
  });

  it('does not swallow a kidnapping of hostages of a stated nationality, counted or not', () => {
    const hostages = assess(later({ type: 'kidnapping', victims: { count: null, nationality: 'Emirati', role: 'hostage' } }), blockade);
    expect(hostages.vetoes.map((v) => v.code)).toEqual(['veto:ongoing']);
  });

  it('leaves a government\'s advice to leave, which cites it, an event of its own', () => {
    const advice = assess(later({ type: 'evacuation', actors: ['us-gov'], changes: ['advisory'] }), blockade);
    expect(advice.matches.map((m) => m.code)).not.toContain('ongoing');
    expect(advice.score).toBeLessThan(DEFAULT_MATCH_POLICY.joinThreshold);
  });
});

describe('assess fighting reported over several days', () => {
  const fight = (id: string, type: 'attack' | 'killing', date: string, published: string) =>
    story(
      doc(id, 'Fighting around Kayes', ['Troops and rebels fought around Kayes.'], { published }),
      facts({ type, date, datePrecision: 'day', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
    );
  const first = createIncident(fight('f-1', 'attack', '2025-07-25', '2025-07-28'), { id: 'inc-f', type: 'attack', country: 'ml', at: '2025-07-28T12:00:00Z' }, policy);

  it('measures a later report from the incident\'s latest report of its first week', () => {
    const date = assess(fight('f-2', 'killing', '2025-07-29', '2025-07-29').probe, first).matches.find((m) => m.code === 'date');
    expect(date?.weight).toBeCloseTo(0.2 * Math.exp(-1 / 18), 3);
    expect(date?.message).toContain('still being reported (2025-07-28)');
  });

  it('still vetoes the same kind of event on the days from its event date', () => {
    expect(assess(fight('f-3', 'attack', '2025-07-29', '2025-07-29').probe, first).vetoes.map((v) => v.code)).toEqual(['veto:date']);
  });

  it('gives no such credit to an abduction, over in a moment', () => {
    const taken = createIncident(julyKidnapping(), { id: 'inc-k', type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);
    expect(assess(dated('2025-07-03', 'day', 'release'), taken).matches.find((m) => m.code === 'date')?.weight).toBeCloseTo(0.2 * Math.exp(-4 / 18), 3);
  });

  it('gives no such credit long after the reports stopped', () => {
    const late = assess(fight('f-4', 'killing', '2025-08-10', '2025-08-10').probe, first);
    expect(late.matches.find((m) => m.code === 'date')).toBeUndefined();
  });
});
