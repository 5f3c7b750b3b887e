import type { RenderLang } from '../../domain/advisory/types.js';

/** Everything the bot says in answer to a command, in English and French. */
export interface Messages {
  readonly serverOnly: string;
  readonly needsManageGuild: string;
  readonly unknownCommand: string;
  readonly internalError: string;
  readonly invalidOptions: string;
  readonly unknownCountry: (text: string) => string;
  readonly noCountry: string;
  readonly badSchedule: (text: string, why: string) => string;
  readonly badTimezone: (text: string) => string;
  readonly digestOnly: string;
  readonly badUrl: string;
  readonly badTerm: (term: string) => string;
  readonly tooManyTerms: (max: number) => string;
  readonly badId: string;
  readonly footer: string;
  readonly more: (n: number) => string;
  readonly statusTitle: (country: string) => string;
  readonly statusSummary: (incidents: number, open: number, since: string) => string;
  readonly highestSeverity: (label: string) => string;
  readonly setBy: (incident: string) => string;
  readonly noOpenIncident: string;
  readonly openIncidents: string;
  readonly latestUpdate: (date: string, what: string, source: string) => string;
  readonly firstReported: (date: string, source: string) => string;
  readonly feedsPolled: (at: string, active: number, failing: number, paused: number) => string;
  readonly feedsNotPolled: (active: number) => string;
  readonly quiet: string;
  readonly latestIncidents: string;
  readonly officialAdvice: string;
  readonly incidentsTitle: (days: number, country: string | undefined) => string;
  readonly incidentCount: (n: number) => string;
  readonly noIncidents: string;
  readonly incidentNotFound: (id: string) => string;
  readonly status: { readonly open: string; readonly resolved: string };
  readonly victims: string;
  readonly places: string;
  readonly site: string;
  readonly developments: string;
  readonly advice: string;
  readonly figures: string;
  readonly updatedAt: (date: string) => string;
  readonly subscribed: (id: string) => string;
  readonly subscriptionLine: (parts: SubscriptionWords) => string;
  readonly realtime: string;
  readonly digest: (cron: string, timezone: string) => string;
  readonly allCountries: string;
  readonly disabled: (reason: string) => string;
  readonly subscriptionsTitle: (n: number) => string;
  readonly noSubscriptions: string;
  readonly unsubscribed: (id: string) => string;
  readonly subscriptionNotFound: (id: string) => string;
  readonly subscribeLimit: string;
  readonly channelNotInGuild: string;
  readonly ruleSaved: (id: string) => string;
  readonly ruleRemoved: (id: string) => string;
  readonly ruleNotFound: (id: string) => string;
  readonly invalidRule: string;
  /** Keyword rules and feeds are changed from the operator's servers only. */
  readonly operatorOnly: string;
  readonly rulesTitle: (n: number) => string;
  readonly noRules: string;
  readonly recentChanges: string;
  readonly auditAction: (action: string) => string;
  readonly auditLine: (at: string, who: string, action: string, subject: string) => string;
  readonly testTitle: string;
  readonly verdict: (relevant: boolean, score: number, threshold: number) => string;
  readonly noRuleFired: string;
  readonly feedAdded: (name: string) => string;
  readonly feedRemoved: (name: string) => string;
  readonly feedsTitle: (n: number) => string;
  readonly noFeeds: string;
  readonly feedStatusTitle: string;
  readonly feedState: { readonly ok: string; readonly failing: string; readonly paused: string; readonly disabled: string; readonly new: string };
  readonly feedDetails: (kind: string, lang: string, minutes: number) => string;
  readonly feedHealth: (state: string, lastSuccess: string, items: number) => string;
  readonly never: string;
  readonly feedError: (code: string, message: string) => string;
  readonly whyTitle: string;
  readonly whyRecorded: (at: string) => string;
  readonly whyDryRun: string;
  readonly action: { readonly new: string; readonly update: string; readonly duplicate: string; readonly ignored: string };
  readonly decidedIncident: (id: string) => string;
  readonly reasons: string;
  readonly relevance: string;
  readonly whyNotFound: string;
  readonly whyFetchFailed: (message: string) => string;
  readonly whyInvalid: (message: string) => string;
}

export interface SubscriptionWords {
  readonly id: string;
  readonly channelId: string;
  readonly countries: string;
  readonly severity: string;
  readonly mode: string;
  readonly lang: string;
  readonly terms: string;
}

const EN_AUDIT_ACTIONS: Readonly<Record<string, string>> = { 'keyword.add': 'added', 'keyword.update': 'replaced', 'keyword.remove': 'removed' };
const FR_AUDIT_ACTIONS: Readonly<Record<string, string>> = { 'keyword.add': 'a ajouté', 'keyword.update': 'a remplacé', 'keyword.remove': 'a retiré' };

const EN: Messages = {
  serverOnly: 'This command works in a server channel only.',
  needsManageGuild: 'This command needs the Manage Server permission.',
  unknownCommand: 'Unknown command.',
  internalError: 'Something went wrong on our side; the error was logged. Try again in a moment.',
  invalidOptions: 'Some options are not valid:',
  unknownCountry: (text) => `"${text}" is not a country the bot covers (Mali, Burkina Faso, Niger, and neighbours).`,
  noCountry: 'Give at least one country.',
  badSchedule: (text, why) => `"${text}" is not a schedule: ${why}. Use times such as 08:00 or 08:00,18:00, or a cron expression.`,
  badTimezone: (text) => `"${text}" is not a time zone; use a name such as Africa/Bamako or Europe/Paris.`,
  digestOnly: 'A schedule and a time zone only apply to digest mode.',
  badUrl: 'Give an http or https address.',
  badTerm: (term) => `"${term}" is not a usable term (2 to 100 characters).`,
  tooManyTerms: (max) => `At most ${max} terms.`,
  badId: 'That id is not valid.',
  footer: 'Sahel Watch',
  more: (n) => `… and ${n} more`,
  statusTitle: (country) => `${country}: security status`,
  statusSummary: (incidents, open, since) => `${incidents} ${incidents === 1 ? 'incident' : 'incidents'} since ${since}, ${open} still open.`,
  highestSeverity: (label) => `Highest severity: ${label}`,
  setBy: (incident) => `Set by ${incident}`,
  noOpenIncident: 'No open incident in this period.',
  openIncidents: 'Open incidents',
  latestUpdate: (date, what, source) => `latest: ${date}, ${what} (${source})`,
  firstReported: (date, source) => `first reported ${date} by ${source}`,
  feedsPolled: (at, active, failing, paused) =>
    `Feeds last polled ${at} (${active} ${active === 1 ? 'feed' : 'feeds'}${failing > 0 ? `, ${failing} failing` : ''}${paused > 0 ? `, ${paused} paused` : ''}).`,
  feedsNotPolled: (active) => `Feeds not polled yet (${active} ${active === 1 ? 'feed' : 'feeds'}).`,
  quiet: 'No incident reported in this period.',
  latestIncidents: 'Latest incidents',
  officialAdvice: 'Official travel advice',
  incidentsTitle: (days, country) => `Incidents of the last ${days} ${days === 1 ? 'day' : 'days'}${country ? ` in ${country}` : ''}`,
  incidentCount: (n) => `${n} ${n === 1 ? 'incident' : 'incidents'}. Details: /incident <id>.`,
  noIncidents: 'No incident in this period.',
  incidentNotFound: (id) => `No incident with id "${id}".`,
  status: { open: 'open', resolved: 'resolved' },
  victims: 'Victims',
  places: 'Places',
  site: 'Employer or site',
  developments: 'Developments',
  advice: 'Advice given',
  figures: 'Context',
  updatedAt: (date) => `updated ${date}`,
  subscribed: (id) => `Subscription ${id} created.`,
  subscriptionLine: (p) => `${p.id} → <#${p.channelId}> · ${p.countries} · from ${p.severity} · ${p.mode} · ${p.lang}${p.terms ? ` · terms: ${p.terms}` : ''}`,
  realtime: 'real time',
  digest: (cron, tz) => `digest (${cron}, ${tz})`,
  allCountries: 'all countries',
  disabled: (reason) => `DISABLED (${reason})`,
  subscriptionsTitle: (n) => `${n} ${n === 1 ? 'subscription' : 'subscriptions'} in this server`,
  noSubscriptions: 'This server has no subscription yet. Create one with /subscribe.',
  unsubscribed: (id) => `Subscription ${id} stopped.`,
  subscriptionNotFound: (id) => `No subscription "${id}" in this server.`,
  subscribeLimit: 'This server has reached its number of subscriptions; remove one first.',
  channelNotInGuild: 'That channel is not in this server.',
  ruleSaved: (id) => `Rule ${id} saved; it applies to the next items.`,
  ruleRemoved: (id) => `Rule ${id} removed.`,
  ruleNotFound: (id) => `No rule "${id}".`,
  invalidRule: 'The rule is not valid:',
  operatorOnly: 'Keyword rules and feeds are shared by every server the bot is in, so they are managed by the bot’s operator. Nothing was changed. `/keywords list`, `/keywords test`, `/feeds list`, `/feeds status` and `/why` remain available here.',
  rulesTitle: (n) => `${n} keyword ${n === 1 ? 'rule' : 'rules'}`,
  noRules: 'No keyword rule.',
  recentChanges: 'Recent changes',
  auditAction: (action) => EN_AUDIT_ACTIONS[action] ?? action,
  auditLine: (at, who, action, subject) => `${at} · ${who} ${action} ${subject}`,
  testTitle: 'Relevance of the text',
  verdict: (relevant, score, threshold) => (relevant ? `Relevant: score ${score} ≥ threshold ${threshold}` : `Not relevant: score ${score} < threshold ${threshold}`),
  noRuleFired: 'No rule fired.',
  feedAdded: (name) => `Feed ${name} added; it is polled from now on.`,
  feedRemoved: (name) => `Feed ${name} removed.`,
  feedsTitle: (n) => `${n} ${n === 1 ? 'feed' : 'feeds'}`,
  noFeeds: 'No feed.',
  feedStatusTitle: 'Feed health',
  feedState: { ok: 'ok', failing: 'failing', paused: 'PAUSED', disabled: 'disabled', new: 'not polled yet' },
  feedDetails: (kind, lang, minutes) => `${kind} · ${lang} · every ${minutes} min`,
  feedHealth: (state, lastSuccess, items) => `${state} · last success ${lastSuccess} · ${items} items seen`,
  never: 'never',
  feedError: (code, message) => `Feed refused (${code}): ${message}`,
  whyTitle: 'Why this decision',
  whyRecorded: (at) => `Decision recorded ${at}.`,
  whyDryRun: 'Not seen before: this is what the bot would decide now.',
  action: { new: 'NEW incident: an alert is posted', update: 'UPDATE of a known incident', duplicate: 'Duplicate of a known incident: no alert', ignored: 'Ignored: no alert' },
  decidedIncident: (id) => `Incident ${id}`,
  reasons: 'Reasons',
  relevance: 'Relevance',
  whyNotFound: 'The bot has not seen that article and could not read it.',
  whyFetchFailed: (message) => `Could not fetch the article: ${message}`,
  whyInvalid: (message) => `Cannot explain that input: ${message}`,
};

const FR: Messages = {
  serverOnly: 'Cette commande ne fonctionne que dans un salon de serveur.',
  needsManageGuild: 'Cette commande demande la permission Gérer le serveur.',
  unknownCommand: 'Commande inconnue.',
  internalError: 'Une erreur est survenue de notre côté ; elle a été consignée. Réessayez dans un instant.',
  invalidOptions: 'Certaines options ne sont pas valides :',
  unknownCountry: (text) => `« ${text} » n’est pas un pays suivi par le bot (Mali, Burkina Faso, Niger et voisins).`,
  noCountry: 'Indiquez au moins un pays.',
  badSchedule: (text, why) => `« ${text} » n’est pas un horaire : ${why}. Indiquez des heures comme 08:00 ou 08:00,18:00, ou une expression cron.`,
  badTimezone: (text) => `« ${text} » n’est pas un fuseau horaire ; utilisez un nom comme Africa/Bamako ou Europe/Paris.`,
  digestOnly: 'L’horaire et le fuseau ne s’appliquent qu’au mode résumé.',
  badUrl: 'Indiquez une adresse http ou https.',
  badTerm: (term) => `« ${term} » n’est pas un terme utilisable (2 à 100 caractères).`,
  tooManyTerms: (max) => `Au plus ${max} termes.`,
  badId: 'Cet identifiant n’est pas valide.',
  footer: 'Sahel Watch',
  more: (n) => `… et ${n} de plus`,
  statusTitle: (country) => `${country} : situation sécuritaire`,
  statusSummary: (incidents, open, since) => `${incidents} incident${incidents === 1 ? '' : 's'} depuis le ${since}, dont ${open} en cours.`,
  highestSeverity: (label) => `Gravité la plus haute : ${label}`,
  setBy: (incident) => `Fixée par ${incident}`,
  noOpenIncident: 'Aucun incident en cours sur la période.',
  openIncidents: 'Incidents en cours',
  latestUpdate: (date, what, source) => `dernière évolution : ${date}, ${what} (${source})`,
  firstReported: (date, source) => `signalé le ${date} par ${source}`,
  feedsPolled: (at, active, failing, paused) =>
    `Flux relevés pour la dernière fois le ${at} (${active} flux${failing > 0 ? `, ${failing} en échec` : ''}${paused > 0 ? `, ${paused} en pause` : ''}).`,
  feedsNotPolled: (active) => `Flux pas encore relevés (${active} flux).`,
  quiet: 'Aucun incident signalé sur la période.',
  latestIncidents: 'Derniers incidents',
  officialAdvice: 'Conseils officiels aux voyageurs',
  incidentsTitle: (days, country) => `Incidents des ${days} dernier${days === 1 ? '' : 's'} jour${days === 1 ? '' : 's'}${country ? ` (${country})` : ''}`,
  incidentCount: (n) => `${n} incident${n === 1 ? '' : 's'}. Détails : /incident <id>.`,
  noIncidents: 'Aucun incident sur la période.',
  incidentNotFound: (id) => `Aucun incident avec l’identifiant « ${id} ».`,
  status: { open: 'en cours', resolved: 'résolu' },
  victims: 'Victimes',
  places: 'Lieux',
  site: 'Employeur ou site',
  developments: 'Évolutions',
  advice: 'Conseils donnés',
  figures: 'Contexte',
  updatedAt: (date) => `mis à jour le ${date}`,
  subscribed: (id) => `Abonnement ${id} créé.`,
  subscriptionLine: (p) => `${p.id} → <#${p.channelId}> · ${p.countries} · dès ${p.severity} · ${p.mode} · ${p.lang}${p.terms ? ` · termes : ${p.terms}` : ''}`,
  realtime: 'temps réel',
  digest: (cron, tz) => `résumé (${cron}, ${tz})`,
  allCountries: 'tous les pays',
  disabled: (reason) => `DÉSACTIVÉ (${reason})`,
  subscriptionsTitle: (n) => `${n} abonnement${n === 1 ? '' : 's'} sur ce serveur`,
  noSubscriptions: 'Ce serveur n’a pas encore d’abonnement. Créez-en un avec /subscribe.',
  unsubscribed: (id) => `Abonnement ${id} arrêté.`,
  subscriptionNotFound: (id) => `Aucun abonnement « ${id} » sur ce serveur.`,
  subscribeLimit: 'Ce serveur a atteint son nombre d’abonnements ; retirez-en un d’abord.',
  channelNotInGuild: 'Ce salon n’est pas sur ce serveur.',
  ruleSaved: (id) => `Règle ${id} enregistrée ; elle s’applique aux prochains articles.`,
  ruleRemoved: (id) => `Règle ${id} retirée.`,
  ruleNotFound: (id) => `Aucune règle « ${id} ».`,
  invalidRule: 'La règle n’est pas valide :',
  operatorOnly: 'Les règles de mots-clés et les flux sont communs à tous les serveurs où se trouve le bot : ils sont gérés par l’opérateur du bot. Rien n’a été modifié. `/keywords list`, `/keywords test`, `/feeds list`, `/feeds status` et `/why` restent disponibles ici.',
  rulesTitle: (n) => `${n} règle${n === 1 ? '' : 's'} de mots-clés`,
  noRules: 'Aucune règle de mots-clés.',
  recentChanges: 'Dernières modifications',
  auditAction: (action) => FR_AUDIT_ACTIONS[action] ?? action,
  auditLine: (at, who, action, subject) => `${at} · ${who} ${action} ${subject}`,
  testTitle: 'Pertinence du texte',
  verdict: (relevant, score, threshold) => (relevant ? `Pertinent : score ${score} ≥ seuil ${threshold}` : `Non pertinent : score ${score} < seuil ${threshold}`),
  noRuleFired: 'Aucune règle ne s’applique.',
  feedAdded: (name) => `Flux ${name} ajouté ; il est relevé dès maintenant.`,
  feedRemoved: (name) => `Flux ${name} retiré.`,
  feedsTitle: (n) => `${n} flux`,
  noFeeds: 'Aucun flux.',
  feedStatusTitle: 'État des flux',
  feedState: { ok: 'ok', failing: 'en échec', paused: 'EN PAUSE', disabled: 'désactivé', new: 'pas encore relevé' },
  feedDetails: (kind, lang, minutes) => `${kind} · ${lang} · toutes les ${minutes} min`,
  feedHealth: (state, lastSuccess, items) => `${state} · dernier succès ${lastSuccess} · ${items} articles vus`,
  never: 'jamais',
  feedError: (code, message) => `Flux refusé (${code}) : ${message}`,
  whyTitle: 'Pourquoi cette décision',
  whyRecorded: (at) => `Décision enregistrée le ${at}.`,
  whyDryRun: 'Article jamais vu : voici ce que le bot déciderait maintenant.',
  action: { new: 'NOUVEL incident : une alerte est publiée', update: 'MISE À JOUR d’un incident connu', duplicate: 'Doublon d’un incident connu : pas d’alerte', ignored: 'Ignoré : pas d’alerte' },
  decidedIncident: (id) => `Incident ${id}`,
  reasons: 'Raisons',
  relevance: 'Pertinence',
  whyNotFound: 'Le bot n’a pas vu cet article et n’a pas pu le lire.',
  whyFetchFailed: (message) => `Impossible de récupérer l’article : ${message}`,
  whyInvalid: (message) => `Impossible d’expliquer cette entrée : ${message}`,
};

export function messages(lang: RenderLang): Messages {
  return lang === 'fr' ? FR : EN;
}

/** Discord locales are "fr", "en-US", "en-GB"...; the bot answers in French or English. */
export function langOf(locale: string | null | undefined): RenderLang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
