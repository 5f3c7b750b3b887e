import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type ClassifyOutput, classifyLines, runClassify } from '../../../src/app/classify.js';
import { listOf, projectEngine, seedFiles } from './engine-fixture.js';

/** The clock stands after the newest item of these tests, as a bot reading them would. */
async function baselineEngine() {
  const fixture = projectEngine('2025-12-05T12:00:00Z');
  await fixture.engine.loadBaseline(listOf(seedFiles()));
  return fixture;
}

async function* linesOf(lines: readonly string[]): AsyncIterable<string> {
  yield* lines;
}

async function classifyAll(lines: readonly string[]): Promise<ClassifyOutput[]> {
  const { engine } = await baselineEngine();
  const out: ClassifyOutput[] = [];
  for await (const result of classifyLines(linesOf(lines), engine)) out.push(result);
  return out;
}

const item = (fields: Record<string, unknown>) => JSON.stringify(fields);

const NOVEMBER_COPY = item({
  id: 'n1',
  title: 'Five Indian nationals kidnapped in Mali, embassy says',
  source: 'Example Times',
  published: '2025-11-08',
  text: 'Five Indian nationals were kidnapped in western Mali on November 6, the Embassy of India in Bamako said, adding that it was working with Malian authorities and the company concerned to secure their safe release.',
});

const NIGER_ATTACK = (id: string, published: string) =>
  item({
    id,
    title: 'Gunmen kill 12 soldiers in attack on army post near Tillabéri, Niger',
    published,
    lang: 'en',
    text: 'Gunmen killed 12 Nigerien soldiers in an attack on an army post near Tillabéri in western Niger on December 2, the defence ministry said. Islamic State Sahel fighters were suspected of carrying out the attack.',
  });

/** Only a weekday says when: the stream around it must. */
const GAO_UNDATED = item({
  id: 'u1',
  title: 'Gunmen kill soldiers near Gao',
  lang: 'en',
  text: 'Gunmen killed eight soldiers in an attack on an army post near Gao on Sunday, security sources said.',
});

describe('classifyLines', () => {
  it('files a report of a baseline incident under its baseline id', async () => {
    const [out] = await classifyAll([NOVEMBER_COPY]);
    expect(out).toMatchObject({ id: 'n1', relevant: true, incident_id: 'inc-20251106-mali-kidnapping' });
    expect(['duplicate', 'update']).toContain(out?.action);
    expect(out?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['relevance', 'victims', 'date']));
  });

  it('lets each item see the incidents earlier items opened', async () => {
    const [first, second] = await classifyAll([NIGER_ATTACK('a1', '2025-12-02T18:00:00Z'), NIGER_ATTACK('a2', '2025-12-03T07:00:00Z')]);
    expect(first).toMatchObject({ action: 'new', relevant: true });
    expect(first?.incident_id).toMatch(/^inc-20251202-/);
    expect(second?.incident_id).toBe(first?.incident_id);
    expect(second?.action).toBe('duplicate');
  });

  it('reads an undated item as of the latest publication time so far, not of today', async () => {
    const [, out] = await classifyAll([NIGER_ATTACK('a1', '2024-03-05T10:00:00Z'), GAO_UNDATED]);
    // Sunday before 5 March 2024, not a Sunday of the clock's December 2025.
    expect(out?.incident_id).toMatch(/^inc-20240303-/);
  });

  it('reads an undated item that opens the stream as of the dated item after it, not of today', async () => {
    const dated = item({
      id: 'd0',
      title: 'Eight soldiers killed near Gao',
      lang: 'en',
      published: '2024-03-04T10:00:00Z',
      text: 'Gunmen killed eight soldiers in an attack on an army post near Gao on Sunday, March 3, the army said.',
    });
    const [first, second] = await classifyAll([GAO_UNDATED, dated]);
    // Sunday before 4 March 2024, not a Sunday of the clock's December 2025; the dated report joins it.
    expect(first?.incident_id).toMatch(/^inc-20240303-/);
    expect(second?.incident_id).toBe(first?.incident_id);
  });

  it('reads the days an undated item gives between the dated items around it', async () => {
    const undated = item({
      id: 'u2',
      title: 'Attaque meurtrière à Barsalogho',
      lang: 'fr',
      published: null,
      text: "Des hommes armés ont tué des dizaines de civils le samedi 24 août à Barsalogho, dans le Centre-Nord du Burkina Faso, selon des sources locales.",
    });
    const later = item({
      id: 'd2',
      title: 'Burkina Faso: scores killed in Barsalogho attack',
      lang: 'en',
      published: '2024-08-27T09:00:00Z',
      text: 'Jihadists killed scores of civilians who were digging trenches around Barsalogho, in the Centre-Nord region, on August 24, residents said.',
    });
    const out = await classifyAll([NIGER_ATTACK('a1', '2024-07-28T10:00:00Z'), undated, later, NIGER_ATTACK('a2', '2024-09-02T10:00:00Z')]);
    // 24 August after the July item, not the 24 August of the year before; a Saturday in 2024.
    expect(out[1]?.incident_id).toMatch(/^inc-20240824-barsalogho-/);
    // The undated report dates its incident, so a dated report of the same day joins it.
    expect(out[2]?.incident_id).toBe(out[1]?.incident_id);
    expect(out.map((o) => o.id)).toEqual(['a1', 'u2', 'd2', 'a2']);
  });

  it('reads a day an undated item gives after the last dated one of the stream, months later', async () => {
    const trailing = item({
      id: 'u9',
      title: 'Attaque de Toumour : un nouveau bilan de 34 morts',
      lang: 'fr',
      published: null,
      text: "Un nouveau bilan de l'attaque de Boko Haram à Toumour, dans la nuit du samedi 12 au dimanche 13 décembre, fait état de 34 morts, selon la commission nationale des droits humains du Niger.",
    });
    const out = await classifyAll([NIGER_ATTACK('a1', '2020-10-08T10:00:00Z'), trailing]);
    // 13 December 2020, a Sunday two months after the last dated item, not 13 December 2015, the Sunday before it.
    expect(out[1]?.incident_id).toMatch(/^inc-20201213-toumour-/);
  });

  it('takes a date-time without seconds, as ISO 8601 allows', async () => {
    const out = await classifyAll([NIGER_ATTACK('m1', '2024-07-28T10:00+01:00')]);
    expect(out[0]?.action).toBe('new');
    expect(out[0]?.incident_id).toMatch(/^inc-20231202-/);
  });

  it('answers every bad line with invalid and a reason, and goes on', async () => {
    const out = await classifyAll([
      '{not json',
      item({ id: 'x1', title: 'no text' }),
      item({ id: 'x2', published: '3 July 2025', text: 'Gunmen attacked a village in Mali.' }),
      item({ id: 'x3', text: '' }),
      item({ id: 'x4', text: '\u0000\u0001\u0002PNG\u0000\u0000junk'.repeat(50) }),
      '',
      NOVEMBER_COPY,
    ]);
    expect(out.map((o) => [o.id, o.action, o.reasons[0]?.code])).toEqual([
      [null, 'invalid', 'invalid_json'],
      ['x1', 'invalid', 'invalid_item'],
      ['x2', 'invalid', 'invalid_item'],
      ['x3', 'invalid', 'empty'],
      ['x4', 'invalid', 'binary'],
      [null, 'invalid', 'invalid_json'],
      ['n1', out[6]?.action, 'relevance'],
    ]);
    expect(out[1]?.error?.message).toContain('text');
    expect(out[2]?.error?.message).toContain('published');
  });

  it('decides on odd but readable items: title only, no date, a future date, HTML soup, megabytes of text', async () => {
    const soup = `<html><head><script>var x = 1;</script></head><body><div class="nav">Home | World</div><p>Gunmen <b>kidnapped</b> two Chinese workers at a gold mine near Kéniéba, in Mali's Kayes region, on Sunday.</p></body></html>`;
    const huge = 'Jihadists attacked an army camp near Ménaka in north-eastern Mali. '.repeat(40_000);
    const started = performance.now();
    const out = await classifyAll([
      item({ id: 't1', title: 'Mali: jihadists kill 20 soldiers near Ménaka', text: '' }),
      item({ id: 't2', text: 'Gunmen kidnapped a Chinese engineer in Mali, officials said.', published: null }),
      item({ id: 't3', text: 'Gunmen kidnapped a Chinese engineer near Kayes in Mali, officials said.', published: '2031-01-01T00:00:00Z' }),
      item({ id: 't4', text: soup }),
      item({ id: 't5', text: huge }),
      item({ id: 't6', text: 'Mali', extra: { nested: true } }),
    ]);
    expect(performance.now() - started).toBeLessThan(15_000);
    for (const o of out) {
      expect(['new', 'update', 'duplicate', 'ignored']).toContain(o.action);
      expect(o.reasons.length).toBeGreaterThan(0);
    }
    expect(out[2]?.incident_id).not.toMatch(/^inc-2031/);
    expect(out[2]?.reasons.map((r) => r.code)).toContain('date:ignored');
    expect(out[3]?.relevant).toBe(true);
  });
});

describe('runClassify', () => {
  it('writes one JSON line per input line and counts the actions', async () => {
    const { engine } = await baselineEngine();
    const input = Readable.from([`${NOVEMBER_COPY}\n{broken\n`, `${NIGER_ATTACK('a1', '2025-12-02')}\n`]);
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const summary = await runClassify({ input, output }, { engine });
    const lines = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as ClassifyOutput);
    expect(lines.map((l) => l.id)).toEqual(['n1', null, 'a1']);
    expect(Object.keys(lines[0] ?? {})).toEqual(['id', 'relevant', 'score', 'action', 'incident_id', 'match_score', 'reasons']);
    expect(summary.items).toBe(3);
    expect(summary.actions.invalid).toBe(1);
    expect(summary.actions.new).toBe(1);
  });
});
