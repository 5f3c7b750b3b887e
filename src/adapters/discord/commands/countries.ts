import { countryName } from '../../../domain/advisory/i18n.js';
import { fold } from '../../../domain/text/normalize.js';

/** Countries the bot reports on: Mali, its neighbours and the wider Sahel (ISO 3166-1 alpha-2). */
export const SAHEL_COUNTRIES = ['ml', 'bf', 'ne', 'mr', 'sn', 'gn', 'ci', 'dz', 'td', 'ng', 'bj', 'tg'] as const;

export type SahelCountry = (typeof SAHEL_COUNTRIES)[number];

export const DEFAULT_COUNTRY: SahelCountry = 'ml';

/** Other names people type for these countries, beyond their English and French names. */
const ALIASES: Readonly<Record<string, SahelCountry>> = {
  'ivory coast': 'ci',
  burkina: 'bf',
  'guinea-conakry': 'gn',
  'guinee-conakry': 'gn',
};

const byName: ReadonlyMap<string, SahelCountry> = new Map([
  ...SAHEL_COUNTRIES.flatMap((code) => [
    [code, code] as const,
    [fold(countryName(code, 'en')), code] as const,
    [fold(countryName(code, 'fr')), code] as const,
  ]),
  ...Object.entries(ALIASES),
]);

/** A country from its code or its English or French name, accents and case ignored. */
export function countryFrom(text: string): SahelCountry | undefined {
  return byName.get(fold(text.trim()).replace(/\s+/g, ' '));
}
