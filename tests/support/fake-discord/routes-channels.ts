import { apiError, findChannel, type Reply, type RestContext } from './http.js';
import { buildMessage } from './messages.js';
import { z } from 'zod';
import { channelPayload, dmChannelPayload, guildCreatePayload, userPayload } from './payloads.js';
import { embedCharacters, formErrors, messageCreateSchema } from './validation.js';

export function createMessage(ctx: RestContext, channelId: string, raw: unknown): Reply {
  if (!findChannel(ctx, channelId) && !ctx.store.dmChannels.has(channelId)) return apiError(404, 10003, 'Unknown Channel');
  const parsed = messageCreateSchema.safeParse(raw);
  if (!parsed.success) return apiError(400, 50035, 'Invalid Form Body', formErrors(parsed.error.issues));
  const body = parsed.data;
  const embeds = body.embeds ?? [];
  if (!body.content && embeds.length === 0 && (body.components ?? []).length === 0) {
    return apiError(400, 50006, 'Cannot send an empty message');
  }
  if (embedCharacters(embeds) > 6000) {
    return apiError(400, 50035, 'Invalid Form Body', { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] } });
  }
  const now = ctx.clock.now();
  const nonceKey = body.nonce === undefined ? undefined : `${ctx.bot.id}:${String(body.nonce)}`;
  if (nonceKey && body.enforce_nonce) {
    const seen = ctx.store.nonces.get(nonceKey);
    const earlier = seen && now.getTime() - seen.at < ctx.nonceWindowMs ? ctx.store.messagesById.get(seen.messageId) : undefined;
    if (earlier) return { status: 200, body: earlier };
  }
  const reference = body.message_reference;
  const referenced = reference ? ctx.store.channelMessages.get(channelId)?.find((m) => m.id === reference.message_id) : undefined;
  if (reference && !referenced && reference.fail_if_not_exists !== false) {
    return apiError(400, 50035, 'Invalid Form Body', {
      message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] },
    });
  }
  const message = buildMessage({
    id: ctx.ids.next(),
    channelId,
    author: ctx.botUser,
    at: now,
    content: body.content,
    embeds,
    components: body.components,
    allowedMentions: body.allowed_mentions,
    flags: body.flags,
    nonce: body.nonce,
    ...(referenced ? { referenced } : {}),
  });
  ctx.store.addChannelMessage(message);
  if (nonceKey) ctx.store.nonces.set(nonceKey, { messageId: message.id, at: now.getTime() });
  ctx.store.changed();
  return { status: 200, body: message };
}

const dmSchema = z.object({ recipient_id: z.string().regex(/^\d{15,25}$/) });

/** Opens (or reopens) the bot's direct-message channel with a user. */
export function openDirectMessage(ctx: RestContext, raw: unknown): Reply {
  const parsed = dmSchema.safeParse(raw);
  if (!parsed.success) return apiError(400, 50035, 'Invalid Form Body', formErrors(parsed.error.issues));
  const recipient = parsed.data.recipient_id;
  const existing = [...ctx.store.dmChannels].find(([, user]) => user === recipient)?.[0];
  const id = existing ?? ctx.ids.next();
  ctx.store.dmChannels.set(id, recipient);
  ctx.store.changed();
  return { status: 200, body: dmChannelPayload(id, userPayload({ id: recipient, username: `user${recipient.slice(-4)}` })) };
}

export function getChannel(ctx: RestContext, channelId: string): Reply {
  const found = findChannel(ctx, channelId);
  if (!found) return apiError(404, 10003, 'Unknown Channel');
  const index = found.guild.channels.findIndex((channel) => channel.id === channelId);
  const config = found.guild.channels[index];
  return config ? { status: 200, body: channelPayload(found.guild.id, config, index) } : apiError(404, 10003, 'Unknown Channel');
}

export function getMessage(ctx: RestContext, channelId: string, messageId: string): Reply {
  const message = ctx.store.channelMessages.get(channelId)?.find((m) => m.id === messageId);
  return message ? { status: 200, body: message } : apiError(404, 10008, 'Unknown Message');
}

export function getGuild(ctx: RestContext, guildId: string): Reply {
  const guild = ctx.guilds.find((candidate) => candidate.id === guildId);
  if (!guild) return apiError(404, 10004, 'Unknown Guild');
  const { channels: _channels, members: _members, voice_states: _voice, presences: _presences, threads: _threads, ...rest } = guildCreatePayload(guild, ctx.clock.now());
  return { status: 200, body: rest };
}
