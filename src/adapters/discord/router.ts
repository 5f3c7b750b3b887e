import {
  ApplicationCommandOptionType,
  Events,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import type { Logger } from '../logging/logger.js';
import { clip } from '../../domain/advisory/limits.js';
import { fold } from '../../domain/text/normalize.js';
import { ADMIN_COMMANDS } from './commands/definitions.js';
import { HANDLERS, type HandlerContext } from './commands/handlers.js';
import type { OptionValue, RawOptions } from './commands/options.js';
import { langOf, messages } from './messages.js';
import { problem, type Reply } from './replies/format.js';
import type { Actor, BotServices } from './services.js';

export interface RouterOptions {
  readonly services: BotServices;
  readonly logger: Logger;
  /** A reply not ready after this long is deferred first: Discord drops interactions unanswered after 3 s. */
  readonly deferAfterMs?: number;
}

export type InteractionRouter = (interaction: Interaction) => Promise<void>;

const DEFAULT_DEFER_AFTER_MS = 1500;
const MAX_CHOICES = 25;
const CHOICE_LENGTH = 100;

/**
 * Answers slash commands and autocompletion: checks the place and the caller's permissions, validates
 * the options, calls the services, and replies in the caller's language. It never throws: a failure
 * is logged and, where Discord still allows it, answered with an apology.
 */
export function createInteractionRouter(options: RouterOptions): InteractionRouter {
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction, options);
      else if (interaction.isChatInputCommand()) await command(interaction, options);
    } catch (error) {
      options.logger.error({ err: error, interactionId: interaction.id }, 'interaction failed');
    }
  };
}

export function attachRouter(client: Client, router: InteractionRouter): void {
  client.on(Events.InteractionCreate, (interaction) => void router(interaction));
}

function actorOf(interaction: ChatInputCommandInteraction<'cached' | 'raw'> | AutocompleteInteraction<'cached' | 'raw'>): Actor {
  return { userId: interaction.user.id, tag: interaction.user.tag, guildId: interaction.guildId, channelId: interaction.channelId, lang: langOf(interaction.locale) };
}

function allowed(interaction: ChatInputCommandInteraction | AutocompleteInteraction): boolean {
  return !ADMIN_COMMANDS.has(interaction.commandName) || interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}

async function command(interaction: ChatInputCommandInteraction, options: RouterOptions): Promise<void> {
  const m = messages(langOf(interaction.locale));
  const key = [interaction.commandName, interaction.options.getSubcommand(false)].filter(Boolean).join(' ');
  const handler = HANDLERS[key];
  if (!handler) return replyNow(interaction, m.unknownCommand);
  if (!interaction.inGuild()) return replyNow(interaction, m.serverOnly);
  if (!allowed(interaction)) return replyNow(interaction, m.needsManageGuild);
  const ctx: HandlerContext = { services: options.services, actor: actorOf(interaction), m };
  options.logger.info({ command: key, userId: ctx.actor.userId, user: ctx.actor.tag, guildId: ctx.actor.guildId }, 'slash command');
  const prepared = handler.prepare(flatten(interaction.options.data), ctx);
  if (!prepared.ok) return replyNow(interaction, [m.invalidOptions, ...prepared.problems.map((p) => `• ${p}`)].join('\n'));
  const work = prepared.run().catch((error: unknown): Reply => {
    options.logger.error({ err: error, command: key, interactionId: interaction.id }, 'command failed');
    return problem(m.internalError);
  });
  await respond(interaction, work, handler.ephemeral, handler.slow ? 0 : (options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS));
}

function flatten(data: readonly CommandInteractionOption[]): RawOptions {
  const out: Record<string, OptionValue> = {};
  for (const option of data) {
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      Object.assign(out, flatten(option.options ?? []));
    } else if (option.value !== undefined) {
      out[option.name] = option.value;
    }
  }
  return out;
}

const NO_MENTIONS = { parse: [] };

function replyNow(interaction: ChatInputCommandInteraction, text: string): Promise<void> {
  return interaction.reply({ content: clip(text, 2000), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral }).then(() => undefined);
}

const body = (reply: Reply) => ({ content: reply.content ?? '', embeds: [...(reply.embeds ?? [])], allowedMentions: NO_MENTIONS });
const visibility = (ephemeral: boolean): { flags?: MessageFlags.Ephemeral } => (ephemeral ? { flags: MessageFlags.Ephemeral } : {});

/**
 * Replies at once when the work is quick; otherwise defers and edits. Discord fixes who sees the
 * answer at the first response, so a private answer to a publicly deferred command replaces the
 * placeholder with an ephemeral follow-up.
 */
async function respond(interaction: ChatInputCommandInteraction, work: Promise<Reply>, ephemeral: boolean, deferAfterMs: number): Promise<void> {
  const early = deferAfterMs > 0 ? await within(work, deferAfterMs) : undefined;
  if (early) {
    await interaction.reply({ ...body(early), ...visibility(ephemeral || early.private === true) });
    return;
  }
  await interaction.deferReply(visibility(ephemeral));
  const reply = await work;
  if (reply.private && !ephemeral) {
    await interaction.deleteReply();
    await interaction.followUp({ ...body(reply), ...visibility(true) });
    return;
  }
  await interaction.editReply(body(reply));
}

function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

interface Choice {
  readonly name: string;
  readonly value: string;
}

async function autocomplete(interaction: AutocompleteInteraction, options: RouterOptions): Promise<void> {
  if (!interaction.inGuild() || !allowed(interaction)) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).trim();
  let choices: readonly Choice[] = [];
  try {
    choices = await suggestions(`${interaction.commandName}:${focused.name}`, typed, actorOf(interaction), options.services);
  } catch (error) {
    options.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
  }
  await interaction.respond(choices.slice(0, MAX_CHOICES).map((c) => ({ name: clip(c.name, CHOICE_LENGTH), value: c.value.slice(0, CHOICE_LENGTH) })));
}

async function suggestions(key: string, typed: string, actor: Actor, services: BotServices): Promise<readonly Choice[]> {
  switch (key) {
    case 'incident:id':
      return (await services.autocompleteIncidents(typed, actor)).map((c) => ({ name: `${c.id} · ${c.title}`, value: c.id }));
    case 'unsubscribe:id': {
      const list = await services.subscriptions(actor.guildId, actor);
      return list.filter((s) => contains(s.id, typed)).map((s) => ({ name: s.id, value: s.id }));
    }
    case 'subscribe:timezone':
      return Intl.supportedValuesOf('timeZone').filter((zone) => contains(zone, typed)).map((zone) => ({ name: zone, value: zone }));
    default:
      return [];
  }
}

function contains(candidate: string, typed: string): boolean {
  return typed === '' || fold(candidate).includes(fold(typed));
}
