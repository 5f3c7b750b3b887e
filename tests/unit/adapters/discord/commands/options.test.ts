import { describe, expect, it } from 'vitest';
import { countryFrom } from '../../../../../src/adapters/discord/commands/countries.js';
import { feedAddSchema, incidentsSchema, ruleAddSchema, statusSchema, subscribeSchema } from '../../../../../src/adapters/discord/commands/options.js';
import { messages } from '../../../../../src/adapters/discord/messages.js';

const en = messages('en');
const channel = '1300000000000000011';
const subscribe = (raw: Record<string, unknown>, lang: 'en' | 'fr' = 'en') => subscribeSchema(messages(lang), lang).safeParse({ channel, ...raw });
const problems = (result: { success: boolean; error?: { issues: readonly { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('subscribe options', () => {
  it('fill in Mali, severity 2, real time and the caller language', () => {
    const parsed = subscribe({}, 'fr');
    expect(parsed.success && parsed.data).toEqual({ channelId: channel, filters: { countries: ['ml'], minSeverity: 2 }, mode: { kind: 'realtime' }, lang: 'fr' });
  });

  it('read countries by code or by English or French name, accents and case ignored', () => {
    const parsed = subscribe({ countries: 'ML; Sénégal, cote d’ivoire, Tchad, burkina faso, Mali' });
    expect(parsed.success && parsed.data.filters.countries).toEqual(['ml', 'sn', 'ci', 'td', 'bf']);
  });

  it('name each unknown country', () => {
    expect(problems(subscribe({ countries: 'Mali, Atlantis, Narnia' }))).toEqual([en.unknownCountry('Atlantis'), en.unknownCountry('Narnia')]);
  });

  it('turn daily times into a cron and keep a valid cron as it is', () => {
    const digest = (schedule: string) => {
      const parsed = subscribe({ mode: 'digest', schedule });
      return parsed.success && parsed.data.mode.kind === 'digest' ? parsed.data.mode.cron : problems(parsed);
    };
    expect(digest('08:00')).toBe('0 8 * * *');
    expect(digest('18:15, 6:15')).toBe('15 6,18 * * *');
    expect(digest('0  */6 * * 1-5')).toBe('0 */6 * * 1-5');
    expect(digest('08:00,18:30')).toEqual([en.badSchedule('08:00,18:30', 'the times must share their minutes (08:00,18:00)')]);
    expect(String(digest('25:00'))).toContain('"25:00" is not a schedule');
  });

  it('default a digest to 08:00 Africa/Bamako and refuse unknown time zones', () => {
    const parsed = subscribe({ mode: 'digest' });
    expect(parsed.success && parsed.data.mode).toEqual({ kind: 'digest', cron: '0 8 * * *', timezone: 'Africa/Bamako' });
    expect(problems(subscribe({ mode: 'digest', timezone: 'Mars/Olympus' }))).toEqual([en.badTimezone('Mars/Olympus')]);
  });

  it('refuse a schedule for real-time delivery', () => {
    expect(problems(subscribe({ schedule: '08:00' }))).toEqual([en.digestOnly]);
  });

  it('split watch terms and check each', () => {
    const parsed = subscribe({ watch_terms: 'Indian, Diamond Cement,  ' });
    expect(parsed.success && parsed.data.filters.watchTerms).toEqual(['Indian', 'Diamond Cement']);
    expect(problems(subscribe({ watch_terms: 'x, Kayes' }))).toEqual([en.badTerm('x')]);
  });

  it('refuse options the command does not have', () => {
    expect(subscribe({ colour: 'red' }).success).toBe(false);
  });
});

describe('other options', () => {
  it('default /status to Mali and /incidents to 7 days, within 1 to 90', () => {
    expect(statusSchema().parse({})).toEqual({ country: 'ml' });
    expect(incidentsSchema().parse({})).toEqual({ days: 7 });
    expect(incidentsSchema().safeParse({ days: 91 }).success).toBe(false);
    expect(statusSchema().safeParse({ country: 'fr' }).success).toBe(false);
  });

  it('build a keyword rule and pass on the domain reason for refusing one', () => {
    expect(ruleAddSchema().parse({ id: 'hostage', kind: 'include', terms: 'otage*, hostage*', requires: 'Mali' })).toEqual({
      id: 'hostage',
      kind: 'include',
      terms: ['otage*', 'hostage*'],
      weight: 1,
      requires: ['Mali'],
    });
    const bad = ruleAddSchema().safeParse({ id: 'Bad Id', kind: 'include', terms: 'x' });
    expect(problems(bad).join(' ')).toContain('lower-case letters');
  });

  it('accept only http(s) feed addresses', () => {
    expect(feedAddSchema(en).parse({ url: 'https://www.gov.uk/foreign-travel-advice/mali.atom', kind: 'official' })).toEqual({
      url: 'https://www.gov.uk/foreign-travel-advice/mali.atom',
      kind: 'official',
    });
    expect(problems(feedAddSchema(en).safeParse({ url: 'file:///etc/passwd' }))).toEqual([en.badUrl]);
  });
});

describe('countryFrom', () => {
  it('knows the Sahel and nothing else', () => {
    expect(['Mali', 'mauritanie', 'Ivory Coast', 'NIGER', 'Guinée-Conakry'].map(countryFrom)).toEqual(['ml', 'mr', 'ci', 'ne', 'gn']);
    expect(countryFrom('France')).toBeUndefined();
  });
});
