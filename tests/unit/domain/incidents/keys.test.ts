import { describe, expect, it } from 'vitest';
import { incidentKeys, probeKeys } from '../../../../src/domain/incidents/keys.js';
import { createIncident } from '../../../../src/domain/incidents/merge.js';
import { actor, doc, facts, julyKidnapping, KAYES, MALI, story, victims } from './stories.js';

const policy = { nationalitiesOfInterest: [] };

describe('candidate keys', () => {
  const july = julyKidnapping();
  const incident = createIncident(july, { id: 'inc-1', type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);

  it('files an incident under month- and day-bucketed facets and under its site, hostages, source and fingerprint bands', () => {
    const keys = incidentKeys(incident);
    expect(keys).toEqual(
      expect.arrayContaining([
        'day:ml@2025-07-01',
        'place:ml-kayes@2025-07',
        'region:ml-r-kayes@2025-07',
        'victims:3:indian@2025-07',
        'site:diamond cement',
        'hostages:3:indian',
        'src:wire-1',
      ]),
    );
    expect(keys.filter((k) => k.startsWith('mh:'))).toHaveLength(6);
    expect(keys.some((k) => k.startsWith('place:ml@') || k.startsWith('nat:') || k.startsWith('type:'))).toBe(false);
  });

  it('looks a dated story up in its month and both neighbours, and its country and actors two days either side', () => {
    const claimed = story(
      doc('c', 'JNIM claims kidnapping', ['JNIM said it took three Indians on July 1.']),
      facts(
        { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' }, actors: ['jnim'] },
        { victims: [victims(3, 'Indian')], actors: [actor('jnim', 'claimed')] },
      ),
    );
    const keys = probeKeys(claimed.probe);
    expect(keys).toEqual(expect.arrayContaining(['place:ml-kayes@2025-06', 'place:ml-kayes@2025-07', 'place:ml-kayes@2025-08']));
    expect(keys.filter((k) => k.startsWith('actor:'))).toEqual([
      'actor:jnim@2025-06-29', 'actor:jnim@2025-06-30', 'actor:jnim@2025-07-01', 'actor:jnim@2025-07-02', 'actor:jnim@2025-07-03',
    ]);
    expect(keys.filter((k) => incidentKeys(incident).includes(k)).sort()).toEqual([
      'day:ml@2025-07-01', 'hostages:3:indian', 'place:ml-kayes@2025-07', 'victims:3:indian@2025-07',
    ]);
    expect(probeKeys(july.probe).filter((k) => incidentKeys(incident).includes(k)).length).toBeGreaterThan(10);
  });

  it('files an attack that killed many under its town for any later story that names the massacre there or tells a toll as heavy', () => {
    const attack = (lead: string, dead = 30) =>
      story(
        doc('a', 'Villagers killed in Mali', [lead]),
        facts(
          { type: 'attack', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'] },
          { places: [KAYES], victims: [victims(dead, undefined, { role: 'killed' })] },
        ),
      );
    const filed = (dead: number) => createIncident(attack(`Gunmen killed ${dead} villagers in Kayes on Sunday.`, dead), { id: 'inc-2', type: 'attack', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);
    expect(incidentKeys(filed(30))).toContain('massacre:ml-kayes');
    expect(incidentKeys(filed(30))).toContain('massacre:ml-kayes@2025');
    expect(incidentKeys(filed(3))).not.toContain('massacre:ml-kayes');
    expect(incidentKeys(incident)).not.toContain('massacre:ml-kayes');
    expect(probeKeys(attack('Survivors of the Kayes massacre speak.').probe)).toContain('massacre:ml-kayes');
    // A toll that makes a massacre looks among the town's massacres too, however long after; a smaller one does not.
    const toll = story(
      doc('t', 'Villagers killed in Mali', ['Gunmen killed 30 villagers in Kayes on Sunday.']),
      facts({ type: 'attack', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 30, role: 'killed' } }, { places: [KAYES] }),
    );
    expect(toll.probe.massacres).toBeUndefined();
    // By year, the years its months fall in and the one before, so that a town's list stays short however many years the store holds.
    expect(probeKeys(toll.probe).filter((k) => k.startsWith('massacre:'))).toEqual(['massacre:ml-kayes@2025', 'massacre:ml-kayes@2024']);
    const few = story(
      doc('f', 'Villagers killed in Mali', ['Gunmen killed 3 villagers in Kayes on Sunday.']),
      facts({ type: 'attack', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, role: 'killed' } }, { places: [KAYES] }),
    );
    expect(probeKeys(few.probe).some((k) => k.startsWith('massacre:'))).toBe(false);
  });

  it('takes the massacre a story names after a lead that names no place for the one it is about', () => {
    const told = (places: string[]) =>
      story(
        doc('l', 'How children were used in a deadly rampage for gold', ['The men were shot as they slept.', 'Between 170 and 200 people died.', 'The massacre in Kayes took place over two nights.']),
        facts({ type: 'killing', country: 'ml', places }, { places: [{ ...KAYES, evidence: { sentence: 3, text: '' } }] }),
      );
    expect(told([]).probe.massacres).toEqual(['ml-kayes']);
    expect(told(['ml-bamako']).probe.massacres).toBeUndefined();
  });

  it('files an incident first known from an undated report of a stream under the days before the latest that report can have come out', () => {
    const undated = story(
      doc('s', 'Gunmen kill villagers near Kayes', ['Gunmen killed villagers on Sunday.'], {
        published: '2025-07-10', publishedFrom: 'seen', publishedAfter: '2025-07-10', publishedBefore: '2025-08-02',
      }),
      facts({ type: 'killing', date: '2025-07-06', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
    );
    const filed = createIncident(undated, { id: 'inc-3', type: 'killing', country: 'ml', at: '2025-07-10T12:00:00Z' }, policy);
    const days = incidentKeys(filed).filter((k) => k.startsWith('day:'));
    expect(days).toEqual(expect.arrayContaining(['day:ml@2025-07-10', 'day:ml@2025-08-02', 'day:ml@2025-08-01', 'day:ml@2025-07-31']));
    expect(incidentKeys(incident).filter((k) => k.startsWith('day:'))).toEqual(['day:ml@2025-07-01']);
  });

  it('looks an undated story up in the two months before its publication, across a year end', () => {
    const undated = story(
      doc('x', 'Kidnapping in Mali', ['Foreigners were kidnapped in Kayes.'], { published: '2026-01-05' }),
      facts({ type: 'kidnapping', country: 'ml', places: ['ml-kayes', 'ml'] }, { places: [MALI] }),
    );
    const keys = probeKeys(undated.probe);
    const months = keys.filter((k) => k.startsWith('place:')).map((k) => k.split('@')[1]);
    expect(months).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(keys.some((k) => k.startsWith('day:'))).toBe(false);
  });

  it('looks an undated story of a stream up in every month it may be about, up to a year and a month', () => {
    const inStream = (after: string, before: string) =>
      story(
        doc('s', 'Soldiers killed in Kayes', ['Soldiers were killed in Kayes.'], { publishedFrom: 'seen', publishedAfter: after, publishedBefore: before }),
        facts({ type: 'attack', date: after, datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'] }, { places: [MALI] }),
      );
    const months = (after: string, before: string) => probeKeys(inStream(after, before).probe).filter((k) => k.startsWith('place:')).map((k) => k.split('@')[1]);
    expect(months('2019-01-28', '2019-04-29')).toEqual(['2018-12', '2019-01', '2019-02', '2019-03', '2019-04']);
    expect(months('2019-01-28', '2021-10-29')).toHaveLength(13);
    // Its country is looked up in the week before the day the stream had got to, which its report may follow.
    const days = probeKeys(inStream('2020-01-13', '2020-02-15').probe).filter((k) => k.startsWith('day:'));
    expect(days[0]).toBe('day:ml@2020-01-07');
    expect(days).toContain('day:ml@2020-01-15');
  });

  it('looks a story that tells no date up on the days of the week before the latest it can have come out', () => {
    const untold = story(
      doc('s', 'US orders embassy staff to leave Mali', ['The United States ordered staff to leave Mali.'], { publishedFrom: 'seen', publishedAfter: '2025-10-08', publishedBefore: '2025-10-27' }),
      facts({ type: 'evacuation', date: '2025-10-08', datePrecision: 'day', dateEstimated: true, dateUntold: true, country: 'ml', actors: ['us-gov'] }, { places: [MALI], actors: [actor('us-gov', 'spoke')] }),
    );
    const days = probeKeys(untold.probe).filter((k) => k.startsWith('actor:us-gov@')).map((k) => k.split('@')[1]);
    expect(days).toContain('2025-10-06');
    expect(days).toContain('2025-10-19');
    expect(days).toContain('2025-10-29');
    expect(days).not.toContain('2025-10-15');
    const told = story(
      doc('t', 'US orders embassy staff to leave Mali', ['The United States ordered staff to leave Mali.'], { publishedFrom: 'seen', publishedAfter: '2025-10-08', publishedBefore: '2025-10-27' }),
      facts({ type: 'evacuation', date: '2025-10-08', datePrecision: 'day', dateEstimated: true, country: 'ml', actors: ['us-gov'] }, { places: [MALI], actors: [actor('us-gov', 'spoke')] }),
    );
    expect(probeKeys(told.probe).filter((k) => k.startsWith('actor:us-gov@2025-10-2'))).toEqual([]);
  });

  it('looks a weekday an undated story gives up on that weekday of the later weeks it can have come out in', () => {
    const monday = (before: string) =>
      story(
        doc('m', 'Mayor killed in Niger', ['The mayor was killed on Monday.'], { publishedFrom: 'seen', publishedAfter: '2025-09-17', publishedBefore: before }),
        facts({ type: 'killing', date: '2025-09-15', datePrecision: 'day', dateEstimated: true, dateWeekdayOnly: true, country: 'ne' }, {}),
      );
    const days = (before: string) => probeKeys(monday(before).probe).filter((k) => k.startsWith('day:ne@')).map((k) => k.split('@')[1]);
    expect(days('2025-09-25')).toContain('2025-09-22');
    expect(days('2025-09-25')).not.toContain('2025-09-29');
    expect(days('2025-09-20')).not.toContain('2025-09-22');
  });

  it('files an incident known only from an undated report of a stream under every month that report may be about', () => {
    const undated = story(
      doc('u', 'Soldiers killed in Kayes', ['Soldiers were killed in Kayes on Thursday.'], { publishedFrom: 'seen', published: '2025-01-11', publishedAfter: '2025-01-11', publishedBefore: '2025-04-20' }),
      facts({ type: 'attack', date: '2025-01-09', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
    );
    const filed = createIncident(undated, { id: 'inc-u', type: 'attack', country: 'ml', at: '2025-01-11T12:00:00Z' }, policy);
    expect(filed.sources[0]?.publishedBefore).toBe('2025-04-20');
    const months = incidentKeys(filed).filter((k) => k.startsWith('place:')).map((k) => k.split('@')[1]);
    expect(months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    // A dated report keeps its one month.
    expect(incidentKeys(incident).filter((k) => k.startsWith('place:'))).toEqual(['place:ml-kayes@2025-07']);
  });

  it('looks a story whose main event is a release up as far back as a captivity lasts, as it does a kidnapping story with a release', () => {
    const released = story(
      doc('r', 'French journalist freed after two years of captivity', ['He was released on Monday.'], { published: '2023-03-20' }),
      facts({ type: 'release', date: '2023-03-20', datePrecision: 'day', country: 'ml', places: ['ml-kayes'] }, { places: [] }),
    );
    const months = probeKeys(released.probe).filter((k) => k.startsWith('place:')).map((k) => k.split('@')[1]);
    expect(months).toContain('2021-04');
  });

  it('files foreign hostages by nationality and year, whatever their number, for the stories of their freedom years on', () => {
    const taken = (nationality: string) =>
      createIncident(
        story(
          doc('k', 'Nun kidnapped in Mali', ['A nun was kidnapped in Mali.'], { published: '2017-02-10' }),
          facts({ type: 'kidnapping', date: '2017-02-08', datePrecision: 'day', country: 'ml', places: ['ml'] }, { victims: [victims(null, nationality)] }),
        ),
        { id: 'inc-k', type: 'kidnapping', country: 'ml', at: '2017-02-10T12:00:00Z' },
        policy,
      );
    expect(incidentKeys(taken('Colombian'))).toContain('held:colombian@2017');
    expect(incidentKeys(taken('Malian')).some((k) => k.startsWith('held:'))).toBe(false);
    const freed = story(
      doc('f', 'Colombian nun freed in Mali', ['A Colombian nun held since 2017 was freed.'], { published: '2021-10-09' }),
      facts({ type: 'kidnapping', date: '2021-10-09', datePrecision: 'day', country: 'ml', places: ['ml'], victims: { count: 1, nationality: 'Colombian', role: 'hostage' }, changes: ['release'] }, { places: [MALI] }),
    );
    expect(probeKeys(freed.probe)).toEqual(expect.arrayContaining(['held:colombian@2021', 'held:colombian@2017', 'held:colombian@2015']));
    // Ken Elliott, taken in Djibo in January 2016, was freed in May 2023: seven years on.
    expect(probeKeys(freed.probe)).toEqual(expect.arrayContaining(['held:colombian@2013', 'held:colombian@2011']));
    expect(probeKeys(freed.probe)).not.toContain('held:colombian@2010');
  });

  it('files the foreign hostages of an incident first known from their release, for the other reports of it', () => {
    const release = createIncident(
      story(
        doc('r', 'German aid worker freed', ['A German aid worker kidnapped in Niger in 2018 has been freed.'], { published: '2022-12-11' }),
        facts(
          { type: 'kidnapping', date: '2022-12-10', datePrecision: 'day', country: 'ne', places: [], victims: { count: null, nationality: 'German', role: 'released' }, changes: ['release'] },
          { victims: [victims(null, 'German', { role: 'released' })] },
        ),
      ),
      { id: 'inc-r', type: 'kidnapping', country: 'ne', at: '2022-12-11T12:00:00Z' },
      policy,
    );
    expect(incidentKeys(release)).toContain('held:german@2022');
  });

  it('looks an undated story of a stream that tells of hostages freed up to the latest day it can have come out', () => {
    const siege = story(
      doc('s', 'Gunmen attack luxury hotel in Mali capital, take hostages', ['Gunmen took 170 hostages at a hotel in Bamako; some were released.'], {
        published: '2015-08-07', publishedFrom: 'seen', seenAt: '2015-08-07T00:00:00.000Z', publishedAfter: '2015-08-07', publishedBefore: '2015-11-20',
      }),
      facts({ type: 'kidnapping', date: '2015-08-07', datePrecision: 'day', dateEstimated: true, country: 'ml', places: ['ml-kayes'], changes: ['release'] }, { places: [KAYES] }),
    );
    expect(siege.probe.dateWindow).toEqual({ from: '2015-08-01', to: '2015-11-20' });
    const months = probeKeys(siege.probe).filter((k) => k.startsWith('place:')).map((k) => k.split('@')[1]);
    expect(months).toContain('2015-11');
    expect(months).toContain('2015-08');
  });

  it('looks a story of hostages freed that dates itself by the kidnapping back from its publication', () => {
    const freed = story(
      doc('d', 'Olivier Dubois enfin libéré', ['Près de deux ans après son enlèvement, le 8 avril 2021 à Gao, le journaliste a été libéré.'], { published: '2023-03-20' }),
      facts({ type: 'kidnapping', date: '2021-04-08', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], changes: ['release'] }, { places: [KAYES] }),
    );
    const months = probeKeys(freed.probe).filter((k) => k.startsWith('place:')).map((k) => k.split('@')[1]);
    // A report of the release filed first is under March 2023; the kidnapping under April 2021.
    expect(months).toContain('2023-03');
    expect(months).toContain('2021-04');
  });

  it('looks a story of freed hostages up as far back as a captivity lasts', () => {
    const freed = story(
      doc('f', 'Indians kidnapped in Kayes freed', ['Three Indians kidnapped in Kayes were freed.'], { published: '2026-03-02' }),
      facts({ type: 'kidnapping', date: '2026-03-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], changes: ['release'] }, { places: [MALI] }),
    );
    const months = probeKeys(freed.probe).filter((k) => k.startsWith('place:')).map((k) => k.split('@')[1]);
    expect(months).toContain('2025-07');
    expect(months).toContain('2024-03');
    expect(months).not.toContain('2024-02');
  });
});

describe('candidate keys of a blockade', () => {
  const declared = story(
    doc('b-1', 'JNIM announces a blockade', ['The group announced a blockade.'], { published: '2025-09-04' }),
    facts({ type: 'blockade', date: '2025-09-04', datePrecision: 'day', country: 'ml' }, { places: [MALI] }),
  );
  const blockade = createIncident(declared, { id: 'inc-b', type: 'blockade', country: 'ml', at: '2025-09-04T12:00:00Z' }, policy);

  it('files it under the month it began, and a story speaking of a blockade looks up the six months before it', () => {
    expect(incidentKeys(blockade)).toContain('ongoing:ml@2025-09');
    const later = story(
      doc('b-2', 'Queues in Bamako', ['Fuel is scarce because of the blockade.'], { published: '2026-02-20' }),
      facts({ country: 'ml' }, { events: [{ type: 'blockade', trigger: 'blockade', background: false, evidence: { sentence: 1, text: 'blockade' } }] }),
    );
    const ongoing = probeKeys(later.probe).filter((k) => k.startsWith('ongoing:'));
    expect(ongoing).toContain('ongoing:ml@2025-09');
    expect(ongoing).toHaveLength(7);
  });

  it('does not look a story up among blockades when it speaks of none', () => {
    expect(probeKeys(julyKidnapping().probe).some((k) => k.startsWith('ongoing:'))).toBe(false);
  });
});

describe('candidate keys of advice', () => {
  it("files a government's advice for a country under its month, where a report of it that gives no day finds it", () => {
    const advice = (id: string, issuer: string, date: string, estimated: boolean) =>
      story(
        doc(id, `${issuer} tells its citizens to leave Mali`, ['Citizens should leave by commercial flights.'], { published: date }),
        facts({ type: 'evacuation', date, datePrecision: 'day', ...(estimated ? { dateEstimated: true } : {}), country: 'ml', actors: [issuer] }, { actors: [actor(issuer, 'spoke')] }),
      );
    const filed = incidentKeys(createIncident(advice('us-1', 'us-gov', '2025-10-21', false), { id: 'inc-us', type: 'evacuation', country: 'ml', at: '2025-10-21T12:00:00Z' }, policy));
    expect(filed).toContain('advice:ml:us-gov@2025-10');
    const later = probeKeys(advice('us-2', 'us-gov', '2025-10-30', true).probe);
    expect(later.filter((k) => filed.includes(k))).toContain('advice:ml:us-gov@2025-10');
    expect(probeKeys(advice('fr-1', 'fr-gov', '2025-10-30', true).probe)).not.toContain('advice:ml:us-gov@2025-10');
    const kidnapping = createIncident(julyKidnapping(), { id: 'inc-k', type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);
    expect(incidentKeys(kidnapping).some((k) => k.startsWith('advice:'))).toBe(false);
  });
});

describe('candidate keys of coups', () => {
  it("files a coup under its country's month, where a report that misses its day finds it", () => {
    const coup = (id: string, country: string, date: string) =>
      story(doc(id, 'Officers arrested over a coup plot', ['The government said it foiled a coup.'], { published: date }), facts({ type: 'coup', date, datePrecision: 'day', dateEstimated: true, country }));
    const filed = incidentKeys(createIncident(coup('c-1', 'bf', '2023-09-26'), { id: 'inc-c', type: 'coup', country: 'bf', at: '2023-09-27T12:00:00Z' }, policy));
    expect(filed).toContain('coup:bf@2023-09');
    // Five days off: no day key in common, the month's coup key is.
    const later = probeKeys(coup('c-2', 'bf', '2023-09-21').probe);
    const shared = later.filter((k) => filed.includes(k));
    expect(shared).toContain('coup:bf@2023-09');
    expect(shared.filter((k) => k.startsWith('day:'))).toEqual([]);
    expect(probeKeys(coup('c-3', 'ml', '2023-09-21').probe)).not.toContain('coup:bf@2023-09');
    const kidnapping = createIncident(julyKidnapping(), { id: 'inc-k', type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);
    expect(incidentKeys(kidnapping).some((k) => k.startsWith('coup:'))).toBe(false);
  });
});
