import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  Locale,
  type APIDMChannel,
  type APINewsChannel,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  type GatewayGuildCreateDispatchData,
  type GuildSystemChannelFlags,
  type RoleFlags,
} from 'discord.js';

export interface FakeChannelConfig {
  readonly id: string;
  readonly name: string;
  readonly kind?: 'text' | 'announcement';
}

export interface FakeRoleConfig {
  readonly id: string;
  readonly name: string;
  /** Permission bit set as a decimal string, as Discord sends it. */
  readonly permissions: string;
}

export interface FakeGuildConfig {
  readonly id: string;
  readonly name: string;
  readonly channels: readonly FakeChannelConfig[];
  readonly roles?: readonly FakeRoleConfig[];
  readonly ownerId?: string;
  /** Where Discord posts system messages; bots use it to reach a server's admins. */
  readonly systemChannelId?: string;
  readonly locale?: Locale;
}

export interface FakeUserConfig {
  readonly id: string;
  readonly username: string;
  readonly globalName?: string;
}

export const DEFAULT_OWNER_ID = '1100000000000000000';

export function userPayload(user: FakeUserConfig, bot = false): APIUser {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName ?? null,
    discriminator: '0',
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export function dmChannelPayload(id: string, recipient: APIUser): APIDMChannel {
  return { id, type: ChannelType.DM, name: null, recipients: [recipient], last_message_id: null, flags: 0 as ChannelFlags };
}

export function channelPayload(guildId: string, channel: FakeChannelConfig, position: number): APITextChannel | APINewsChannel {
  const common = {
    id: channel.id,
    guild_id: guildId,
    name: channel.name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
  return channel.kind === 'announcement'
    ? { ...common, type: ChannelType.GuildAnnouncement }
    : { ...common, type: ChannelType.GuildText };
}

function rolePayload(role: FakeRoleConfig, position: number): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position,
    permissions: role.permissions,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** The @everyone role shares the guild's id, as on Discord. */
export function guildRoles(guild: FakeGuildConfig): APIRole[] {
  const everyone = rolePayload({ id: guild.id, name: '@everyone', permissions: '1024' }, 0);
  return [everyone, ...(guild.roles ?? []).map((role, index) => rolePayload(role, index + 1))];
}

export function guildCreatePayload(guild: FakeGuildConfig, joinedAt: Date): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId ?? DEFAULT_OWNER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: guildRoles(guild),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.systemChannelId ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: guild.locale ?? Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: joinedAt.toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: guild.channels.map((channel, index) => channelPayload(guild.id, channel, index)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
