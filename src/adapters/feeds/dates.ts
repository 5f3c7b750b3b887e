import { fold } from '../../domain/text/normalize.js';

/**
 * Feed dates as found in the wild: RFC 822 with or without weekday, zone names or bare "Z",
 * day and month names in French, German, Italian, Portuguese and Spanish, 12-hour clocks,
 * ISO 8601, Unix timestamps. A date without a zone is read as UTC, never in the host's zone.
 * Returns ISO 8601 UTC, or undefined when the text is not a date.
 */
export function parseFeedDate(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const ms = epoch(text) ?? iso(text) ?? textual(text);
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1970 && year <= 2100 ? new Date(ms).toISOString() : undefined;
}

function epoch(text: string): number | undefined {
  if (/^\d{9,10}(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^\d{13}$/.test(text)) return Number(text);
  return undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function iso(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const offset = zone ? zoneOffset(zone) : 0;
  const millis = Math.round(Number(`0.${frac}`) * 1000);
  return utc(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), offset, millis);
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMinutes: number, ms = 0): number | undefined {
  if (mo < 0 || mo > 11 || d < 1 || h > 24 || mi > 59 || s > 60) return undefined;
  const value = Date.UTC(y, mo, d, h, mi, s, ms);
  // Date.UTC rolls 31 June over to 1 July: such a date is wrong, not a different day.
  if (new Date(value).getUTCDate() !== d && h < 24) return undefined;
  return value - offsetMinutes * 60_000;
}

const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['jan', 'january', 'janvier', 'janv', 'januar', 'gennaio', 'gen', 'janeiro', 'enero', 'ene'],
    ['feb', 'february', 'fevrier', 'fevr', 'fev', 'februar', 'febbraio', 'fevereiro', 'febrero'],
    ['mar', 'march', 'mars', 'marz', 'maerz', 'mrz', 'marzo', 'marco'],
    ['apr', 'april', 'avril', 'avr', 'aprile', 'abril', 'abr'],
    ['may', 'mai', 'maggio', 'mag', 'maio', 'mayo'],
    ['jun', 'june', 'juin', 'juni', 'giugno', 'giu', 'junho', 'junio'],
    ['jul', 'july', 'juillet', 'juil', 'juli', 'luglio', 'lug', 'julho', 'julio'],
    ['aug', 'august', 'aout', 'agosto', 'ago'],
    ['sep', 'sept', 'september', 'septembre', 'settembre', 'set', 'setembro', 'septiembre'],
    ['oct', 'october', 'octobre', 'oktober', 'okt', 'ottobre', 'ott', 'outubro', 'out', 'octubre'],
    ['nov', 'november', 'novembre', 'novembro', 'noviembre'],
    ['dec', 'december', 'decembre', 'dezember', 'dez', 'dicembre', 'dic', 'dezembro', 'diciembre'],
  ].flatMap((names, month) => names.map((name) => [name, month] as const)),
);

/** Zone names seen in feeds, in minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
  bst: 60, cet: 60, met: 60, west: 60, wat: 60, cest: 120, mest: 120, eet: 120, cat: 120, sast: 120,
  eest: 180, eat: 180, msk: 180, jst: 540, kst: 540, aest: 600, aedt: 660,
};

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?$/;

function textual(text: string): number | undefined {
  // A leading "word," is a weekday in some language ("Seg,", "Do,", "mer.,"): it could also read as a month.
  const body = fold(text).replace(/^[\p{L}.]+,\s*/u, '').replace(/[()]/g, ' ');
  const tokens = body.split(/[\s,]+|(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)|(?<=[a-z])-(?=\d)|(?<=\d)-(?=[a-z])/).filter(Boolean);
  const parts: { day?: number; month?: number; year?: number; time?: [number, number, number]; pm?: boolean; zone?: number } = {};
  for (const token of tokens) readToken(token.replace(/\.$/, ''), parts);
  const { day, month, year, time = [0, 0, 0], pm, zone = 0 } = parts;
  if (day === undefined || month === undefined || year === undefined) return undefined;
  let [hour] = time;
  if (pm === true && hour < 12) hour += 12;
  if (pm === false && hour === 12) hour = 0;
  return utc(year, month, day, hour, time[1], time[2], zone);
}

function readToken(token: string, parts: { day?: number; month?: number; year?: number; time?: [number, number, number]; pm?: boolean; zone?: number }): void {
  const time = TIME.exec(token);
  if (time) {
    parts.time = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    return;
  }
  if (token === 'am' || token === 'pm') {
    parts.pm = token === 'pm';
    return;
  }
  const month = MONTHS[token];
  if (month !== undefined && parts.month === undefined) {
    parts.month = month;
    return;
  }
  if (/^[+-]\d{2}:?\d{2}$/.test(token) || ((/^(gmt|utc)[+-]\d{1,2}(:?\d{2})?$/.test(token) || ZONES[token] !== undefined) && parts.time)) {
    parts.zone = zoneOffset(token);
    return;
  }
  const number = /^(\d{1,4})(?:er|st|nd|rd|th|e)?$/.exec(token)?.[1];
  if (number === undefined) return;
  if (number.length === 4) parts.year = Number(number);
  else if (parts.day === undefined && Number(number) <= 31) parts.day = Number(number);
  else if (parts.year === undefined && number.length === 2) parts.year = 2000 + Number(number) - (Number(number) >= 70 ? 100 : 0);
}

function zoneOffset(zone: string): number {
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
