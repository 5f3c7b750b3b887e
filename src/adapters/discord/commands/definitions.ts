import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandStringOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { countryName } from '../../../domain/advisory/i18n.js';
import { SEVERITIES, SEVERITY_SCALE } from '../../../domain/advisory/severity.js';
import { SAHEL_COUNTRIES } from './countries.js';

/**
 * The slash commands, in English with French localisations. Discord sends the English names in
 * interactions whatever the user's language, so the router only ever sees these.
 */

interface Words {
  readonly name: string;
  readonly fr: string;
  readonly en: string;
  readonly frText: string;
}

const words = (name: string, fr: string, en: string, frText: string): Words => ({ name, fr, en, frText });

function named(w: Words) {
  return { name: w.name, name_localizations: { fr: w.fr }, description: w.en, description_localizations: { fr: w.frText } };
}

const choice = <T extends string | number>(value: T, en: string, fr: string): APIApplicationCommandOptionChoice<T> => ({ name: en, name_localizations: { fr }, value });

function string(w: Words, extra: Partial<Omit<APIApplicationCommandStringOption, 'type'>> = {}): APIApplicationCommandStringOption {
  return { type: ApplicationCommandOptionType.String, ...named(w), ...extra } as APIApplicationCommandStringOption;
}

function integer(w: Words, extra: Partial<Omit<APIApplicationCommandIntegerOption, 'type'>> = {}): APIApplicationCommandIntegerOption {
  return { type: ApplicationCommandOptionType.Integer, ...named(w), ...extra } as APIApplicationCommandIntegerOption;
}

function channel(w: Words, required: boolean): APIApplicationCommandChannelOption {
  return { type: ApplicationCommandOptionType.Channel, ...named(w), required, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] };
}

function subcommand(w: Words, options: APIApplicationCommandBasicOption[] = []): APIApplicationCommandSubcommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, ...named(w), options };
}

const countryChoices = SAHEL_COUNTRIES.map((code) => choice(code, countryName(code, 'en'), countryName(code, 'fr')));
const severityChoices = SEVERITIES.map((level) => choice(level, `${level} · ${SEVERITY_SCALE[level].name.en}`, `${level} · ${SEVERITY_SCALE[level].name.fr}`));

const country = (required = false) => string(words('country', 'pays', 'Country (Mali when not given)', 'Pays (le Mali par défaut)'), { choices: countryChoices, required });
const incidentId = string(words('id', 'id', 'Incident id, e.g. inc-20250701-kayes-kidnapping', 'Identifiant de l’incident'), { required: true, autocomplete: true, max_length: 100 });

/** Admin commands: hidden by default from members without Manage Server, and checked again on use. */
const MANAGE_GUILD = PermissionFlagsBits.ManageGuild.toString();

function inGuild(): Pick<RESTPostAPIChatInputApplicationCommandsJSONBody, 'contexts' | 'integration_types'> {
  return { contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] };
}

type CommandBody = RESTPostAPIChatInputApplicationCommandsJSONBody;

const status: CommandBody = {
  ...named(words('status', 'statut', 'Latest security status of a country', 'Dernière situation sécuritaire d’un pays')),
  ...inGuild(),
  options: [country()],
};

const incidents: CommandBody = {
  ...named(words('incidents', 'incidents', 'Incidents of the last days', 'Incidents des derniers jours')),
  ...inGuild(),
  options: [integer(words('days', 'jours', 'How many days back (7 when not given)', 'Combien de jours en arrière (7 par défaut)'), { min_value: 1, max_value: 90 }), country()],
};

const incident: CommandBody = {
  ...named(words('incident', 'incident', 'Details and sources of one incident', 'Détails et sources d’un incident')),
  ...inGuild(),
  options: [incidentId],
};

const subscribe: CommandBody = {
  ...named(words('subscribe', 'abonner', 'Post alerts to a channel', 'Publier les alertes dans un salon')),
  ...inGuild(),
  default_member_permissions: MANAGE_GUILD,
  options: [
    channel(words('channel', 'salon', 'Channel that receives the alerts', 'Salon qui reçoit les alertes'), true),
    string(words('countries', 'pays', 'Countries, comma separated (Mali when not given)', 'Pays, séparés par des virgules (Mali par défaut)'), { max_length: 200 }),
    integer(words('min_severity', 'gravite_min', 'Lowest severity to post (2 when not given)', 'Gravité minimale publiée (2 par défaut)'), { choices: severityChoices }),
    string(words('watch_terms', 'termes', 'Only alerts that mention one of these, comma separated', 'Seulement les alertes qui citent l’un de ces termes'), { max_length: 500 }),
    string(words('mode', 'mode', 'Each alert at once, or a digest', 'Chaque alerte aussitôt, ou un résumé'), {
      choices: [choice('realtime', 'Real time', 'Temps réel'), choice('digest', 'Digest', 'Résumé')],
    }),
    string(words('schedule', 'horaire', 'Digest times: "08:00", "08:00,18:00" or a cron expression', 'Heures du résumé : « 08:00 », « 08:00,18:00 » ou cron'), { max_length: 100 }),
    string(words('timezone', 'fuseau', 'Time zone of the schedule (Africa/Bamako when not given)', 'Fuseau horaire (Africa/Bamako par défaut)'), { max_length: 64, autocomplete: true }),
    string(words('language', 'langue', 'Language of the alerts', 'Langue des alertes'), { choices: [choice('en', 'English', 'Anglais'), choice('fr', 'French', 'Français')] }),
  ],
};

const unsubscribe: CommandBody = {
  ...named(words('unsubscribe', 'desabonner', 'Stop a subscription', 'Arrêter un abonnement')),
  ...inGuild(),
  default_member_permissions: MANAGE_GUILD,
  options: [string(words('id', 'id', 'Subscription id (see /subscriptions)', 'Identifiant de l’abonnement (voir /subscriptions)'), { required: true, autocomplete: true, max_length: 100 })],
};

const subscriptions: CommandBody = {
  ...named(words('subscriptions', 'abonnements', 'Subscriptions of this server', 'Abonnements de ce serveur')),
  ...inGuild(),
};

const ruleKind = string(words('kind', 'type', 'What the rule does', 'Effet de la règle'), {
  required: true,
  choices: [
    choice('include', 'Include: adds weight', 'Inclure : ajoute du poids'),
    choice('exclude', 'Exclude: subtracts weight', 'Exclure : retire du poids'),
    choice('context', 'Context: counts next to an include', 'Contexte : compte avec une inclusion'),
  ],
});

const keywords: CommandBody = {
  ...named(words('keywords', 'mots-cles', 'Tune the relevance rules', 'Régler les règles de pertinence')),
  ...inGuild(),
  default_member_permissions: MANAGE_GUILD,
  options: [
    subcommand(words('add', 'ajouter', 'Add or replace a rule', 'Ajouter ou remplacer une règle'), [
      string(words('id', 'id', 'Rule id: lower-case letters, digits, dot, dash', 'Identifiant : minuscules, chiffres, point, tiret'), { required: true, max_length: 64 }),
      ruleKind,
      string(words('terms', 'termes', 'Terms, comma separated (kidnap* matches kidnapped)', 'Termes séparés par des virgules (enlev* couvre enlevés)'), { required: true, max_length: 1000 }),
      { type: ApplicationCommandOptionType.Number, ...named(words('weight', 'poids', 'Weight (1 when not given)', 'Poids (1 par défaut)')), min_value: 0.1, max_value: 100 },
      string(words('requires', 'exige', 'Only fires with one of these terms', 'Ne compte qu’avec l’un de ces termes'), { max_length: 500 }),
      string(words('unless', 'sauf', 'Does not fire with one of these terms', 'Ne compte pas avec l’un de ces termes'), { max_length: 500 }),
      string(words('note', 'note', 'Why the rule exists', 'Pourquoi cette règle'), { max_length: 500 }),
    ]),
    subcommand(words('remove', 'retirer', 'Remove a rule', 'Retirer une règle'), [string(words('id', 'id', 'Rule id', 'Identifiant de la règle'), { required: true, max_length: 64 })]),
    subcommand(words('list', 'liste', 'List the rules', 'Lister les règles')),
    subcommand(words('test', 'tester', 'Score a text against the rules', 'Évaluer un texte avec les règles'), [
      string(words('text', 'texte', 'Text to score', 'Texte à évaluer'), { required: true, max_length: 2000 }),
    ]),
  ],
};

const feedUrl = (en: string, fr: string) => string(words('url', 'url', en, fr), { required: true, max_length: 500 });

const feeds: CommandBody = {
  ...named(words('feeds', 'flux', 'Manage the news and advisory feeds', 'Gérer les flux d’actualités et d’avis')),
  ...inGuild(),
  default_member_permissions: MANAGE_GUILD,
  options: [
    subcommand(words('add', 'ajouter', 'Add an RSS or Atom feed', 'Ajouter un flux RSS ou Atom'), [
      feedUrl('Feed URL (http or https)', 'Adresse du flux (http ou https)'),
      string(words('name', 'nom', 'Name shown as the source', 'Nom affiché comme source'), { max_length: 100 }),
      string(words('kind', 'type', 'News or official travel advice', 'Actualités ou conseils officiels aux voyageurs'), {
        choices: [choice('news', 'News', 'Actualités'), choice('official', 'Official advice', 'Conseils officiels')],
      }),
      string(words('language', 'langue', 'Language of the feed', 'Langue du flux'), { choices: [choice('en', 'English', 'Anglais'), choice('fr', 'French', 'Français')] }),
    ]),
    subcommand(words('remove', 'retirer', 'Remove a feed', 'Retirer un flux'), [feedUrl('Feed URL', 'Adresse du flux')]),
    subcommand(words('list', 'liste', 'List the feeds', 'Lister les flux')),
    subcommand(words('status', 'etat', 'Health of every feed', 'État de chaque flux')),
  ],
};

const why: CommandBody = {
  ...named(words('why', 'pourquoi', 'Why an article did or did not raise an alert', 'Pourquoi un article a déclenché une alerte ou non')),
  ...inGuild(),
  default_member_permissions: MANAGE_GUILD,
  options: [string(words('input', 'entree', 'Article URL, or its text', 'Adresse de l’article, ou son texte'), { required: true, max_length: 2000 })],
};

export const COMMAND_DEFINITIONS: readonly CommandBody[] = [status, incidents, incident, subscribe, unsubscribe, subscriptions, keywords, feeds, why];

/** Commands that change the server's setup or show the bot's tuning. */
export const ADMIN_COMMANDS: ReadonlySet<string> = new Set(COMMAND_DEFINITIONS.filter((c) => c.default_member_permissions).map((c) => c.name));
