import { InteractionResponseType, MessageFlags, MessageType, type APIMessage } from 'discord.js';
import { apiError, type Reply, type RestContext } from './http.js';
import { buildMessage, editMessage } from './messages.js';
import type { InteractionRecord } from './store.js';
import { autocompleteDataSchema, callbackSchema, formErrors, messageEditSchema, type MessageEditBody } from './validation.js';

/** Interaction tokens stay valid for follow-ups and edits for 15 minutes. */
const TOKEN_LIFETIME_MS = 15 * 60_000;

const invalidForm = (issues: Parameters<typeof formErrors>[0]): Reply => apiError(400, 50035, 'Invalid Form Body', formErrors(issues));

export function interactionCallback(ctx: RestContext, id: string, token: string, raw: unknown, withResponse: boolean): Reply {
  const record = ctx.store.interactions.get(id);
  const now = ctx.clock.now();
  if (!record || record.token !== token || now.getTime() - record.createdAt > ctx.interactionResponseWindowMs) {
    return apiError(404, 10062, 'Unknown interaction');
  }
  if (record.acknowledged) return apiError(400, 40060, 'Interaction has already been acknowledged.');
  const parsed = callbackSchema.safeParse(raw);
  if (!parsed.success) return invalidForm(parsed.error.issues);
  const { type, data } = parsed.data;
  const outcome = applyCallback(ctx, record, type, data, now);
  if (outcome) return outcome;
  record.acknowledged = true;
  record.replies.push({ kind: 'callback', type, data });
  ctx.store.changed();
  if (!withResponse) return { status: 204 };
  return {
    status: 200,
    body: {
      interaction: {
        id: record.id,
        type: 2,
        response_message_id: record.original?.id,
        response_message_loading: record.deferred,
        response_message_ephemeral: record.ephemeral,
      },
      resource: { type, ...(record.original ? { message: record.original } : {}) },
    },
  };
}

/** Returns an error reply when the callback is refused; otherwise updates the record. */
function applyCallback(ctx: RestContext, record: InteractionRecord, type: number, data: unknown, now: Date): Reply | undefined {
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource: {
      const body = messageEditSchema.safeParse(data ?? {});
      if (!body.success) return invalidForm(body.error.issues);
      if (!body.data.content && (body.data.embeds ?? []).length === 0) return apiError(400, 50006, 'Cannot send an empty message');
      record.ephemeral = ((body.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      record.original = responseMessage(ctx, record, now, body.data);
      if (!record.ephemeral) ctx.store.addChannelMessage(record.original);
      return undefined;
    }
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const flags = typeof data === 'object' && data !== null && 'flags' in data ? Number(data.flags) : 0;
      record.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
      record.deferred = true;
      record.original = responseMessage(ctx, record, now, { flags: flags | MessageFlags.Loading });
      if (!record.ephemeral) ctx.store.addChannelMessage(record.original);
      return undefined;
    }
    case InteractionResponseType.ApplicationCommandAutocompleteResult: {
      const body = autocompleteDataSchema.safeParse(data);
      if (!body.success) return invalidForm(body.error.issues);
      record.choices = body.data.choices.map((choice) => ({ name: choice.name, value: choice.value }));
      return undefined;
    }
    case InteractionResponseType.Modal:
      return undefined;
    default:
      return apiError(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Value ${type} is not valid here.` }] } });
  }
}

function responseMessage(ctx: RestContext, record: InteractionRecord, now: Date, body: MessageEditBody): APIMessage {
  return buildMessage({
    id: ctx.ids.next(),
    channelId: record.channelId,
    author: ctx.botUser,
    at: now,
    content: body.content,
    embeds: body.embeds,
    components: body.components,
    allowedMentions: body.allowed_mentions,
    flags: body.flags,
    type: MessageType.ChatInputCommand,
    webhookId: record.applicationId,
  });
}

function webhookRecord(ctx: RestContext, applicationId: string, token: string): InteractionRecord | undefined {
  const record = ctx.store.interactionByToken(token);
  if (!record || record.applicationId !== applicationId) return undefined;
  return ctx.clock.now().getTime() - record.createdAt > TOKEN_LIFETIME_MS ? undefined : record;
}

export function getOriginal(ctx: RestContext, applicationId: string, token: string): Reply {
  const record = webhookRecord(ctx, applicationId, token);
  if (!record) return apiError(404, 10015, 'Unknown Webhook');
  return record.original ? { status: 200, body: record.original } : apiError(404, 10008, 'Unknown Message');
}

export function editOriginal(ctx: RestContext, applicationId: string, token: string, raw: unknown): Reply {
  const record = webhookRecord(ctx, applicationId, token);
  if (!record) return apiError(404, 10015, 'Unknown Webhook');
  if (!record.original) return apiError(404, 10008, 'Unknown Message');
  const body = messageEditSchema.safeParse(raw);
  if (!body.success) return invalidForm(body.error.issues);
  const edited = editMessage(record.original, body.data, ctx.clock.now());
  replaceChannelMessage(ctx, edited);
  record.original = edited;
  record.replies.push({ kind: 'edit', data: raw });
  ctx.store.changed();
  return { status: 200, body: edited };
}

export function deleteOriginal(ctx: RestContext, applicationId: string, token: string): Reply {
  const record = webhookRecord(ctx, applicationId, token);
  if (!record?.original) return apiError(404, 10008, 'Unknown Message');
  const list = ctx.store.channelMessages.get(record.channelId);
  const gone = record.original.id;
  if (list) ctx.store.channelMessages.set(record.channelId, list.filter((m) => m.id !== gone));
  record.original = null;
  ctx.store.changed();
  return { status: 204 };
}

export function followUp(ctx: RestContext, applicationId: string, token: string, raw: unknown, wait: boolean): Reply {
  const record = webhookRecord(ctx, applicationId, token);
  if (!record?.acknowledged) return apiError(404, 10015, 'Unknown Webhook');
  const body = messageEditSchema.safeParse(raw);
  if (!body.success) return invalidForm(body.error.issues);
  const message = responseMessage(ctx, record, ctx.clock.now(), body.data);
  if (((body.data.flags ?? 0) & MessageFlags.Ephemeral) === 0) ctx.store.addChannelMessage(message);
  record.followUps.push(message);
  record.replies.push({ kind: 'followup', data: raw, message });
  ctx.store.changed();
  return wait ? { status: 200, body: message } : { status: 204 };
}

function replaceChannelMessage(ctx: RestContext, message: APIMessage): void {
  const list = ctx.store.channelMessages.get(message.channel_id);
  if (!list) return;
  const index = list.findIndex((m) => m.id === message.id);
  if (index >= 0) list[index] = message;
  ctx.store.messagesById.set(message.id, message);
}
