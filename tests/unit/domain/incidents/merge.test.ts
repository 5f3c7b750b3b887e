import { describe, expect, it } from 'vitest';
import { createIncident, mergeStory, novelty, retractSource } from '../../../../src/domain/incidents/merge.js';
import type { AdviceFact, FigureFact } from '../../../../src/domain/model.js';
import { actor, doc, facts, julyKidnapping, KAYES, story, victims } from './stories.js';

const policy = { nationalitiesOfInterest: ['Indian'] };
const at = '2025-07-03T12:00:00.000Z';
const later = '2025-07-04T08:00:00.000Z';

const first = () => createIncident(julyKidnapping('a'), { id: 'inc-1', type: 'kidnapping', country: 'ml', at }, policy);

function attribution(id: string, role: 'claimed' | 'not_claimed', extra: { advice?: AdviceFact[]; figures?: FigureFact[] } = {}) {
  return story(
    doc(id, 'Abduction of Indians in Kayes', ['Three Indians were abducted in Kayes on July 1.']),
    facts(
      { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' }, actors: ['jnim'] },
      { places: [KAYES], victims: [victims(3, 'Indian'), victims(null, 'Indian')], actors: [actor('jnim', role)], ...extra },
    ),
  );
}

describe('createIncident', () => {
  it('files the main event with its source, a readable title and a severity', () => {
    const incident = first();
    expect(incident).toMatchObject({
      id: 'inc-1',
      eventType: 'kidnapping',
      eventDate: '2025-07-01',
      country: 'ml',
      status: 'open',
      context: false,
      baseline: false,
      title: 'Kidnapping of 3 Indian nationals at Diamond Cement Factory, Kayes, Mali',
      severity: 4,
      createdAt: at,
      updatedAt: at,
    });
    expect(incident.sources.map((s) => s.documentId)).toEqual(['a']);
    expect(incident.sources[0]?.fingerprint).toMatch(/^[0-9a-f]{192}$/);
    expect(incident.places.map((p) => p.value.id)).toEqual(['ml-kayes', 'ml']);
  });
});

describe('mergeStory', () => {
  it('keeps a disagreement over attribution side by side, each claim with its sources', () => {
    const claimed = attribution('b', 'claimed');
    const denied = attribution('c', 'not_claimed');
    const one = mergeStory(first(), claimed, novelty(first(), claimed), later, policy);
    const two = mergeStory(one, denied, novelty(one, denied), later, policy);
    expect(two.actors.map((a) => [a.value.id, a.value.role, a.sources])).toEqual([
      ['jnim', 'claimed', ['b']],
      ['jnim', 'not_claimed', ['c']],
    ]);
    expect(two.sources.map((s) => s.documentId)).toEqual(['a', 'b', 'c']);
    expect(two.updates.map((u) => u.documentId)).toEqual(['b', 'c']);
  });

  it('lets a vague mention of the victims back the counted group instead of adding a group', () => {
    const merged = mergeStory(first(), attribution('b', 'claimed'), [], later, policy);
    expect(merged.victims.map((v) => [v.value.count, v.value.nationality, v.sources])).toEqual([[3, 'Indian', ['a', 'b']]]);
  });

  it('files those taken beside the main victims in the same sentence as victims too, but not those the story counts elsewhere', () => {
    const taken = { sentence: 1, text: 'Armed men kidnapped three Italians and a Togolese near Koutiala.' };
    const elsewhere = { sentence: 2, text: 'A Malian was killed in Kayes last week.' };
    const mixed = story(
      doc('m', 'Three Italians and a Togolese kidnapped in Mali', [taken.text, elsewhere.text]),
      facts(
        { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Italian' } },
        {
          places: [KAYES],
          victims: [
            victims(3, 'Italian', { evidence: taken }),
            victims(1, 'Togolese', { evidence: taken }),
            victims(1, undefined, { evidence: taken }),
            victims(1, 'Malian', { evidence: elsewhere }),
          ],
        },
      ),
    );
    const incident = createIncident(mixed, { id: 'inc-m', type: 'kidnapping', country: 'ml', at }, policy);
    expect(incident.victims.map((v) => [v.value.count, v.value.nationality])).toEqual([[3, 'Italian'], [1, 'Togolese']]);
  });

  it('adds the names a later source gives to the group it backs', () => {
    const named = story(
      doc('n', 'Indians kidnapped in Kayes named', ['The three Indians were named.']),
      facts(
        { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' } },
        { places: [KAYES], victims: [victims(3, 'Indian', { names: ['Amresh Kumar'] })] },
      ),
    );
    const merged = mergeStory(first(), named, [], later, policy);
    const group = merged.victims.find((v) => v.value.count === 3 && v.value.role === 'hostage');
    expect(group?.value.names).toEqual(['Amresh Kumar']);
    expect(group?.sources).toEqual(['a', 'n']);
  });

  it('does not give the group a story backs the names of hostages it only recalls', () => {
    const recalling = story(
      doc('r', 'Indians kidnapped in Kayes', ['The three Indians are still held.']),
      facts(
        { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' }, named: [] },
        { places: [KAYES], victims: [victims(3, 'Indian', { names: ['Jörg Lange'] })] },
      ),
    );
    const group = mergeStory(first(), recalling, [], later, policy).victims.find((v) => v.value.count === 3 && v.value.role === 'hostage');
    expect(group?.value.names).toBeUndefined();
    expect(recalling.probe.persons).toBeUndefined();
  });

  it('does not date a kidnapping known only from undated reports by the day its hostage was freed', () => {
    const { eventDate: _dated, ...undated } = first();
    const freed = story(
      doc('r', 'German priest freed in Mali', ['The German priest was freed on Sunday.'], { published: '2023-11-27' }),
      facts(
        { type: 'kidnapping', date: '2023-11-26', datePrecision: 'day', country: 'ml', places: ['ml'], victims: { count: 1, nationality: 'German', role: 'released' }, changes: ['release'] },
        { victims: [victims(1, 'German', { role: 'released' })] },
      ),
    );
    expect(mergeStory(undated, freed, ['release'], later, policy).eventDate).toBeUndefined();
    expect(novelty(undated, freed)).not.toContain('event date: 2023-11-26');
    // A report of the kidnapping itself dates it.
    expect(mergeStory(undated, julyKidnapping('b'), [], later, policy).eventDate).toBe('2025-07-01');
  });

  it('keeps a duplicate as a source without moving the update time', () => {
    const copy = julyKidnapping('d');
    const merged = mergeStory(first(), copy, novelty(first(), copy), later, policy);
    expect(novelty(first(), copy)).toEqual([]);
    expect(merged.updatedAt).toBe(at);
    expect(merged.updates).toEqual([]);
    expect(merged.sites[0]?.sources).toEqual(['a', 'd']);
  });

  it('treats paraphrased advice as the same advice with two sources, and keeps figures with their source', () => {
    const evidence = { sentence: 2, text: 'advice sentence' };
    const withAdvice = (id: string, text: string) =>
      attribution(id, 'claimed', {
        advice: [{ text, evidence }],
        figures: [{ value: 400, what: 'Indians living in Mali', evidence }],
      });
    const b = withAdvice('b', 'exercise utmost caution, remain vigilant, and stay in close contact with the Embassy of India in Bamako');
    const c = withAdvice('c', 'exercise utmost caution, remain vigilant and stay in close contact with the Indian Embassy in Bamako');
    const one = mergeStory(first(), b, novelty(first(), b), later, policy);
    expect(novelty(one, c)).toEqual([]);
    const two = mergeStory(one, c, [], later, policy);
    expect(two.advice.map((a) => a.sources)).toEqual([['b', 'c']]);
    expect(two.figures.map((f) => [f.value.value, f.sources])).toEqual([[400, ['b', 'c']]]);
  });

  it('replaces what a story said when the same story is filed again', () => {
    const claimed = attribution('b', 'claimed');
    const once = mergeStory(first(), claimed, novelty(first(), claimed), later, policy);
    const revised = attribution('b', 'not_claimed');
    const again = mergeStory(once, revised, novelty(once, revised), later, policy);
    expect(again.actors.map((a) => a.value.role)).toEqual(['not_claimed']);
    expect(again.sources.map((s) => s.documentId)).toEqual(['a', 'b']);
  });
});

describe('retractSource', () => {
  it('withdraws a source and the values only it asserted', () => {
    const claimed = attribution('b', 'claimed');
    const merged = mergeStory(first(), claimed, novelty(first(), claimed), later, policy);
    const rest = retractSource(merged, 'b', policy);
    expect(rest?.actors).toEqual([]);
    expect(rest?.sources.map((s) => s.documentId)).toEqual(['a']);
    expect(rest?.victims[0]?.sources).toEqual(['a']);
  });

  it('returns undefined when no source would remain', () => {
    expect(retractSource(first(), 'a', policy)).toBeUndefined();
  });
});

describe('status', () => {
  it('closes a kidnapping once the release of all hostages is reported', () => {
    const freed = story(
      doc('e', 'Three Indians freed in Mali', ['The three Indian workers kidnapped on July 1 were released.']),
      facts(
        { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' }, changes: ['release'] },
        { places: [KAYES], victims: [victims(3, 'Indian', { role: 'released' })] },
      ),
    );
    const merged = mergeStory(first(), freed, novelty(first(), freed), later, policy);
    expect(novelty(first(), freed)).toEqual(['release', 'victims: 3 Indian (released)']);
    expect(merged.status).toBe('resolved');
    expect(merged.severity).toBe(3);
  });
});
