import { foldForMatch } from '../text/normalize.js';
import type { Advisory } from '../advisory/types.js';
import type { Subscription } from './types.js';

export interface FilterCheck {
  readonly filter: 'enabled' | 'location' | 'severity' | 'alertType' | 'watchTerms';
  readonly passed: boolean;
  readonly detail: string;
}

export interface MatchExplanation {
  readonly matches: boolean;
  readonly checks: readonly FilterCheck[];
}

function slug(text: string): string {
  return foldForMatch(text).replace(/[\s']+/g, '-');
}

/** Region ids and names an advisory is about: its places' regions and its region places. */
function regionKeys(advisory: Advisory): Set<string> {
  const keys = new Set<string>();
  for (const { value: p } of advisory.location.places) {
    if (p.region) keys.add(slug(p.region));
    if (p.kind === 'region') {
      keys.add(slug(p.id));
      keys.add(slug(p.name));
    }
  }
  return keys;
}

function regionMatches(wanted: string, keys: Set<string>): boolean {
  const w = slug(wanted);
  return [...keys].some((k) => k === w || k.endsWith(`-${w}-region`) || k === `${w}-region`);
}

function location(advisory: Advisory, sub: Subscription): FilterCheck {
  const { countries, regions } = sub.filters;
  if (!countries?.length && !regions?.length) return { filter: 'location', passed: true, detail: 'no place filter' };
  const country = advisory.location.country.value;
  if (countries?.includes(country)) return { filter: 'location', passed: true, detail: `country ${country}` };
  const keys = regionKeys(advisory);
  const region = regions?.find((r) => regionMatches(r, keys));
  if (region !== undefined) return { filter: 'location', passed: true, detail: `region ${region}` };
  return { filter: 'location', passed: false, detail: `${country} is outside the subscribed countries and regions` };
}

/** Everything a watch term may be found in: places, sites, victims' nationalities, actors, evidence. */
function haystack(advisory: Advisory): string {
  const parts: string[] = [];
  for (const p of advisory.location.places) parts.push(p.value.name, p.value.id);
  for (const s of advisory.event.sites) parts.push(s.value.name);
  for (const v of advisory.event.victims) if (v.value.nationality) parts.push(v.value.nationality);
  for (const c of advisory.attribution.claims) parts.push(c.value.actor);
  const statements = [...advisory.location.places, ...advisory.event.victims, ...advisory.event.sites, ...advisory.attribution.claims];
  for (const s of statements) if (s.origin.kind === 'facts') parts.push(...s.origin.evidence.map((e) => e.text));
  return ` ${parts.map(foldForMatch).join(' | ')} `;
}

/** Whole words only; a plural "s" is tolerated either way ("Indian" finds "Indians" and back). */
function containsTerm(text: string, term: string): boolean {
  const t = foldForMatch(term);
  if (t.length < 2) return false;
  const forms = t.endsWith('s') ? [t, t.slice(0, -1)] : [t, `${t}s`];
  return forms.some((f) => text.includes(` ${f} `));
}

function watchTerms(advisory: Advisory, sub: Subscription): FilterCheck {
  const terms = sub.filters.watchTerms;
  if (!terms?.length) return { filter: 'watchTerms', passed: true, detail: 'no watch terms' };
  const text = haystack(advisory);
  const found = terms.filter((t) => containsTerm(text, t));
  return found.length > 0
    ? { filter: 'watchTerms', passed: true, detail: `found ${found.map((t) => `"${t}"`).join(', ')}` }
    : { filter: 'watchTerms', passed: false, detail: 'none of the watch terms appears' };
}

/** Why an advisory does or does not go to a subscription, filter by filter. */
export function explainSubscriptionMatch(advisory: Advisory, sub: Subscription): MatchExplanation {
  const severity = advisory.severity.value;
  const types = sub.filters.alertTypes;
  const checks: FilterCheck[] = [
    { filter: 'enabled', passed: sub.enabled, detail: sub.enabled ? 'enabled' : `disabled${sub.disabledReason ? `: ${sub.disabledReason}` : ''}` },
    location(advisory, sub),
    {
      filter: 'severity',
      passed: severity >= sub.filters.minSeverity,
      detail: `severity ${severity}, minimum ${sub.filters.minSeverity}`,
    },
    {
      filter: 'alertType',
      passed: !types?.length || types.includes(advisory.status.tag),
      detail: types?.length ? `${advisory.status.tag} among ${types.join(', ')}` : 'all alert types',
    },
    watchTerms(advisory, sub),
  ];
  return { matches: checks.every((c) => c.passed), checks };
}

export function matchesSubscription(advisory: Advisory, sub: Subscription): boolean {
  return explainSubscriptionMatch(advisory, sub).matches;
}
