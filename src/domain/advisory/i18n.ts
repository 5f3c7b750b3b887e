import type { EventType, PlaceKind } from '../model.js';
import type { AdvisoryVictims, AttributionRole, Localized, OfficialSource, RenderLang } from './types.js';

/** The words an advisory is dressed in. Facts keep their source language; only labels change. */
export interface Labels {
  readonly lang: RenderLang;
  readonly tag: { readonly new: string; readonly update: string; readonly resolved: string; readonly digest: string };
  readonly field: {
    readonly location: string;
    readonly event: string;
    readonly changes: string;
    readonly attribution: string;
    readonly actions: string;
    readonly assistance: string;
    readonly official: string;
    readonly sources: string;
    readonly severity: string;
  };
  readonly eventType: Readonly<Record<EventType, string>>;
  readonly placeKind: Readonly<Record<PlaceKind, string>>;
  readonly attributionRole: Readonly<Record<AttributionRole, string>>;
  readonly officialSource: Readonly<Record<OfficialSource, string>>;
  readonly disputed: string;
  readonly per: string;
  readonly site: string;
  readonly when: string;
  readonly developments: string;
  readonly adviceBy: string;
  readonly level: string;
  readonly updated: string;
  readonly issued: string;
  readonly incident: string;
  readonly firstSeen: string;
  readonly sourcesCount: (count: number) => string;
  readonly newSources: (names: string) => string;
  readonly severityChanged: (from: string, to: string) => string;
  readonly resolved: string;
  readonly newPlace: string;
  readonly newSite: string;
  readonly newDevelopment: string;
  readonly newAdvice: string;
  readonly unknownCount: string;
  readonly victims: (v: AdvisoryVictims) => string;
  readonly moreLines: (n: number) => string;
  readonly digestTitle: (count: number) => string;
  readonly digestPeriod: (from: string, to: string, timezone: string) => string;
  readonly digestMore: (n: number) => string;
  /** To a guild's admins when the bot stopped posting to one of its channels. */
  readonly channelDisabled: (channel: string, why: 'forbidden' | 'not_found', subscriptionId: string) => string;
}

const EN_ROLE = { hostage: 'taken hostage', killed: 'killed', injured: 'injured', released: 'released', missing: 'missing' } as const;

function enVictims(v: AdvisoryVictims): string {
  const who = v.nationality ? `${v.nationality} ${v.count === 1 ? 'national' : 'nationals'}` : v.count === 1 ? 'person' : 'people';
  const count = v.count === null ? '' : `${v.count} `;
  const tail = v.count === null ? ' (number not given)' : '';
  return `${count}${who} ${EN_ROLE[v.role]}${tail}`;
}

const FR_ROLE: Record<AdvisoryVictims['role'], readonly [string, string]> = {
  hostage: ['pris en otage', 'pris en otage'],
  killed: ['tué', 'tués'],
  injured: ['blessé', 'blessés'],
  released: ['libéré', 'libérés'],
  missing: ['porté disparu', 'portés disparus'],
};

/** French forms (singular, plural) of the demonyms the extractor produces most; others stay as given. */
const FR_DEMONYMS: Readonly<Record<string, readonly [string, string]>> = {
  Indian: ['indien', 'indiens'],
  Chinese: ['chinois', 'chinois'],
  Malian: ['malien', 'maliens'],
  French: ['français', 'français'],
  Moroccan: ['marocain', 'marocains'],
  Egyptian: ['égyptien', 'égyptiens'],
  Turkish: ['turc', 'turcs'],
  Russian: ['russe', 'russes'],
  Italian: ['italien', 'italiens'],
  German: ['allemand', 'allemands'],
  Spanish: ['espagnol', 'espagnols'],
  American: ['américain', 'américains'],
  British: ['britannique', 'britanniques'],
  Burkinabe: ['burkinabè', 'burkinabè'],
  Nigerien: ['nigérien', 'nigériens'],
  Nigerian: ['nigérian', 'nigérians'],
  Senegalese: ['sénégalais', 'sénégalais'],
  Mauritanian: ['mauritanien', 'mauritaniens'],
  Algerian: ['algérien', 'algériens'],
  Ivorian: ['ivoirien', 'ivoiriens'],
  Togolese: ['togolais', 'togolais'],
  Beninese: ['béninois', 'béninois'],
  Ghanaian: ['ghanéen', 'ghanéens'],
  Guinean: ['guinéen', 'guinéens'],
};

function frVictims(v: AdvisoryVictims): string {
  const plural = v.count !== 1;
  const form = v.nationality ? FR_DEMONYMS[v.nationality] : undefined;
  const nationality = v.nationality ? ` ${form ? form[plural ? 1 : 0] : `(${v.nationality})`}` : '';
  const who = v.nationality ? `ressortissant${plural ? 's' : ''}${nationality}` : plural ? 'personnes' : 'personne';
  const count = v.count === null ? '' : `${v.count} `;
  const tail = v.count === null ? ' (nombre non précisé)' : '';
  const role = FR_ROLE[v.role][plural ? 1 : 0];
  return `${count}${who} ${role}${tail}`;
}

const EN: Labels = {
  lang: 'en',
  tag: { new: 'NEW', update: 'UPDATE', resolved: 'RESOLVED', digest: 'DIGEST' },
  field: {
    location: 'Location',
    event: 'Event',
    changes: 'What changed',
    attribution: 'Attribution',
    actions: 'Actions to take',
    assistance: 'Assistance',
    official: 'Official travel advice',
    sources: 'Sources',
    severity: 'Severity',
  },
  eventType: {
    kidnapping: 'Kidnapping',
    attack: 'Attack',
    killing: 'Killing',
    blockade: 'Blockade',
    claim: 'Claim of responsibility',
    release: 'Release',
    rescue: 'Rescue',
    ransom: 'Ransom demand',
    negotiation: 'Negotiations',
    statement: 'Official statement',
    advisory: 'Travel advice change',
    evacuation: 'Evacuation',
    coup: 'Coup',
  },
  placeKind: { country: 'country', region: 'region', cercle: 'cercle', town: 'town' },
  attributionRole: { claimed: 'claimed responsibility', suspected: 'suspected', not_claimed: 'has not claimed responsibility' },
  officialSource: {
    uk: 'UK (FCDO)',
    us: 'US (State Department)',
    fr: 'France (Conseils aux voyageurs)',
    in: 'India (MEA)',
    ca: 'Canada',
    au: 'Australia (Smartraveller)',
  },
  disputed: 'Sources disagree on who is behind it.',
  per: 'per',
  site: 'Employer or site',
  when: 'When',
  developments: 'Developments',
  adviceBy: 'advice from',
  level: 'Level',
  updated: 'updated',
  issued: 'Issued',
  incident: 'Incident',
  firstSeen: 'first seen',
  sourcesCount: (n) => `${n} ${n === 1 ? 'source' : 'sources'}`,
  newSources: (names) => `New reporting from ${names}`,
  severityChanged: (from, to) => `Severity changed from ${from} to ${to}`,
  resolved: 'Reported resolved',
  newPlace: 'Place now reported',
  newSite: 'Employer or site now reported',
  newDevelopment: 'New development',
  newAdvice: 'New advice',
  unknownCount: 'number not given',
  victims: enVictims,
  moreLines: (n) => `… and ${n} more`,
  digestTitle: (n) => `${n} ${n === 1 ? 'incident' : 'incidents'} in this period`,
  digestPeriod: (from, to, tz) => `From ${from} to ${to} (${tz})`,
  digestMore: (n) => `… and ${n} more ${n === 1 ? 'incident' : 'incidents'}`,
  channelDisabled: (channel, why, id) =>
    `Sahel Watch stopped posting to ${channel}: ${why === 'forbidden' ? 'it may no longer post there' : 'the channel no longer exists'}. `
    + `Subscription ${id} is disabled; give the bot access (View Channel, Send Messages, Embed Links) or pick another channel, then subscribe again.`,
};

const FR: Labels = {
  lang: 'fr',
  tag: { new: 'NOUVEAU', update: 'MISE À JOUR', resolved: 'RÉSOLU', digest: 'RÉSUMÉ' },
  field: {
    location: 'Lieu',
    event: 'Événement',
    changes: 'Ce qui a changé',
    attribution: 'Attribution',
    actions: 'Mesures à prendre',
    assistance: 'Assistance',
    official: 'Conseils officiels aux voyageurs',
    sources: 'Sources',
    severity: 'Gravité',
  },
  eventType: {
    kidnapping: 'Enlèvement',
    attack: 'Attaque',
    killing: 'Attaque meurtrière',
    blockade: 'Blocus',
    claim: 'Revendication',
    release: 'Libération',
    rescue: 'Sauvetage',
    ransom: 'Demande de rançon',
    negotiation: 'Négociations',
    statement: 'Déclaration officielle',
    advisory: 'Changement des conseils aux voyageurs',
    evacuation: 'Évacuation',
    coup: "Coup d'État",
  },
  placeKind: { country: 'pays', region: 'région', cercle: 'cercle', town: 'ville' },
  attributionRole: { claimed: 'a revendiqué', suspected: 'soupçonné', not_claimed: 'n’a pas revendiqué' },
  officialSource: {
    uk: 'Royaume-Uni (FCDO)',
    us: 'États-Unis (Département d’État)',
    fr: 'France (Conseils aux voyageurs)',
    in: 'Inde (MEA)',
    ca: 'Canada',
    au: 'Australie (Smartraveller)',
  },
  disputed: 'Les sources divergent sur les auteurs.',
  per: 'selon',
  site: 'Employeur ou site',
  when: 'Date',
  developments: 'Évolutions',
  adviceBy: 'conseil de',
  level: 'Niveau',
  updated: 'mis à jour',
  issued: 'Émis',
  incident: 'Incident',
  firstSeen: 'vu pour la première fois',
  sourcesCount: (n) => `${n} source${n === 1 ? '' : 's'}`,
  newSources: (names) => `Nouvelles informations de ${names}`,
  severityChanged: (from, to) => `Gravité passée de ${from} à ${to}`,
  resolved: 'Signalé comme résolu',
  newPlace: 'Lieu désormais signalé',
  newSite: 'Employeur ou site désormais signalé',
  newDevelopment: 'Nouvelle évolution',
  newAdvice: 'Nouveau conseil',
  unknownCount: 'nombre non précisé',
  victims: frVictims,
  moreLines: (n) => `… et ${n} de plus`,
  digestTitle: (n) => `${n} incident${n === 1 ? '' : 's'} sur la période`,
  digestPeriod: (from, to, tz) => `Du ${from} au ${to} (${tz})`,
  digestMore: (n) => `… et ${n} autre${n === 1 ? '' : 's'} incident${n === 1 ? '' : 's'}`,
  channelDisabled: (channel, why, id) =>
    `Sahel Watch a cessé de publier dans ${channel} : ${why === 'forbidden' ? 'il n’y a plus accès' : 'le salon n’existe plus'}. `
    + `L’abonnement ${id} est désactivé ; rendez l’accès au bot (Voir le salon, Envoyer des messages, Intégrer des liens) ou choisissez un autre salon, puis abonnez-vous à nouveau.`,
};

export function labels(lang: RenderLang): Labels {
  return lang === 'fr' ? FR : EN;
}

export function localized(text: string | Localized, lang: RenderLang): string {
  return typeof text === 'string' ? text : text[lang];
}

const countryNames = new Map<RenderLang, Intl.DisplayNames>();

/** Country name from its ISO code, in the reader's language; the code itself when unknown. */
export function countryName(code: string, lang: RenderLang): string {
  let names = countryNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    countryNames.set(lang, names);
  }
  if (!/^[a-z]{2}$/i.test(code)) return code;
  return names.of(code.toUpperCase()) ?? code;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function format(lang: RenderLang, withTime: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${withTime}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** "1 July 2025" / "1 juillet 2025" from YYYY-MM-DD (or any ISO date); the input when unparseable. */
export function formatDate(iso: string, lang: RenderLang): string {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? iso : format(lang, false, 'UTC').format(t);
}

/** "3 July 2025, 14:05 UTC" in the given zone (UTC unless told). */
export function formatDateTime(iso: string, lang: RenderLang, timeZone = 'UTC'): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const suffix = timeZone === 'UTC' ? ' UTC' : '';
  return `${format(lang, true, timeZone).format(t)}${suffix}`;
}

