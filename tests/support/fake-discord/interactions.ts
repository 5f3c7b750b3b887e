import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
  Locale,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIUser,
} from 'discord.js';
import { channelPayload, dmChannelPayload, userPayload, type FakeGuildConfig, type FakeUserConfig } from './payloads.js';

export type OptionValue = string | number | boolean;

export interface CommandInvocation {
  readonly guildId: string;
  readonly channelId: string;
  readonly name: string;
  readonly subcommand?: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
  readonly user?: FakeUserConfig;
  /** The member's permissions in the channel, as a decimal bit set; none when absent. */
  readonly permissions?: string;
  readonly roles?: readonly string[];
  readonly locale?: Locale | `${Locale}`;
}

/** A global command used in a direct message with the bot: no guild, no member, no options. */
export interface DirectCommandInvocation {
  readonly name: string;
  readonly user?: FakeUserConfig;
  readonly locale?: Locale | `${Locale}`;
}

export interface AutocompleteInvocation extends CommandInvocation {
  /** The option the user is typing in. */
  readonly focused: string;
}

export interface InteractionContext {
  readonly id: string;
  readonly applicationId: string;
  readonly guild: FakeGuildConfig;
  readonly command: APIApplicationCommand;
  readonly joinedAt: Date;
}

export const defaultUser: FakeUserConfig = { id: '1200000000000000001', username: 'aminata', globalName: 'Aminata' };

export function newInteractionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;
}

interface BuiltOption {
  readonly name: string;
  readonly type: ApplicationCommandOptionType;
  readonly value?: OptionValue;
  readonly focused?: boolean;
  readonly options?: BuiltOption[];
}

/**
 * Builds an INTERACTION_CREATE payload for a registered command, typing each option from its definition
 * the way Discord does. A name the definition lacks is a mistake in the test, so it throws.
 */
export function interactionPayload(ctx: InteractionContext, invocation: CommandInvocation, token: string, focused?: string): Record<string, unknown> {
  const channelIndex = ctx.guild.channels.findIndex((channel) => channel.id === invocation.channelId);
  const channel = ctx.guild.channels[channelIndex];
  if (!channel) throw new Error(`channel ${invocation.channelId} is not in guild ${ctx.guild.id}`);
  const user: APIUser = userPayload(invocation.user ?? defaultUser);
  const { options, channels } = buildOptions(ctx, invocation, focused);
  const locale = invocation.locale ?? Locale.EnglishUS;
  return {
    id: ctx.id,
    application_id: ctx.applicationId,
    type: focused ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
    data: {
      id: ctx.command.id,
      name: ctx.command.name,
      type: ApplicationCommandType.ChatInput,
      ...(ctx.command.guild_id ? { guild_id: ctx.command.guild_id } : {}),
      options,
      ...(channels.length > 0 ? { resolved: { channels: Object.fromEntries(channels.map((c) => [c.id, c])) } } : {}),
    },
    guild_id: ctx.guild.id,
    guild: { id: ctx.guild.id, locale: ctx.guild.locale ?? Locale.EnglishUS, features: [] },
    channel: channelPayload(ctx.guild.id, channel, channelIndex),
    channel_id: channel.id,
    member: {
      user,
      roles: [...(invocation.roles ?? [])],
      permissions: invocation.permissions ?? '0',
      joined_at: ctx.joinedAt.toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
    },
    token,
    version: 1,
    app_permissions: '2248473465835073',
    locale,
    guild_locale: ctx.guild.locale ?? Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { '0': ctx.guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

export interface DirectInteractionContext {
  readonly id: string;
  readonly applicationId: string;
  readonly command: APIApplicationCommand;
  readonly channelId: string;
}

/** INTERACTION_CREATE for a command in the bot's DM: the user at the top level instead of a member. */
export function directInteractionPayload(ctx: DirectInteractionContext, invocation: DirectCommandInvocation, token: string): Record<string, unknown> {
  const user = userPayload(invocation.user ?? defaultUser);
  return {
    id: ctx.id,
    application_id: ctx.applicationId,
    type: InteractionType.ApplicationCommand,
    data: { id: ctx.command.id, name: ctx.command.name, type: ApplicationCommandType.ChatInput, options: [] },
    channel: dmChannelPayload(ctx.channelId, user),
    channel_id: ctx.channelId,
    user,
    token,
    version: 1,
    app_permissions: '2248473465835073',
    locale: invocation.locale ?? Locale.EnglishUS,
    entitlements: [],
    // A guild install used in the bot's DM is owned by guild "0".
    authorizing_integration_owners: { '0': '0' },
    context: 1,
    attachment_size_limit: 10_485_760,
  };
}

interface ResolvedChannel {
  readonly id: string;
  readonly [key: string]: unknown;
}

function buildOptions(ctx: InteractionContext, invocation: CommandInvocation, focused: string | undefined): { options: BuiltOption[]; channels: ResolvedChannel[] } {
  const channels: ResolvedChannel[] = [];
  const definitions = ctx.command.options ?? [];
  const leafDefinitions = invocation.subcommand ? subcommandOptions(definitions, invocation.subcommand) : definitions;
  const leaves = Object.entries(invocation.options ?? {}).map(([name, value]): BuiltOption => {
    const definition = leafDefinitions.find((option) => option.name === name);
    if (!definition) throw new Error(`/${ctx.command.name} has no option "${name}"`);
    if (definition.type === ApplicationCommandOptionType.Channel) channels.push(resolvedChannel(ctx.guild, String(value)));
    return { name, type: definition.type, value, ...(focused === name ? { focused: true } : {}) };
  });
  if (!invocation.subcommand) return { options: leaves, channels };
  return { options: [{ name: invocation.subcommand, type: ApplicationCommandOptionType.Subcommand, options: leaves }], channels };
}

function subcommandOptions(definitions: readonly APIApplicationCommandOption[], name: string): readonly APIApplicationCommandOption[] {
  const sub = definitions.find((option) => option.name === name && option.type === ApplicationCommandOptionType.Subcommand);
  if (!sub || sub.type !== ApplicationCommandOptionType.Subcommand) throw new Error(`no subcommand "${name}"`);
  return sub.options ?? [];
}

function resolvedChannel(guild: FakeGuildConfig, channelId: string): ResolvedChannel {
  const index = guild.channels.findIndex((channel) => channel.id === channelId);
  const channel = guild.channels[index];
  if (!channel) throw new Error(`channel option ${channelId} is not in guild ${guild.id}`);
  const { id, type, name } = channelPayload(guild.id, channel, index);
  return { id, type, name, guild_id: guild.id, permissions: '2248473465835073', parent_id: null };
}
