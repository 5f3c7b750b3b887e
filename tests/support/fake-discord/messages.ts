import { MessageFlags, MessageType, type APIEmbed, type APIMessage, type APIMessageTopLevelComponent, type APIUser } from 'discord.js';
import { resolveMentions } from './mentions.js';
import type { AllowedMentionsBody, EmbedBody } from './validation.js';

export interface MessageDraft {
  readonly id: string;
  readonly channelId: string;
  readonly author: APIUser;
  readonly at: Date;
  readonly content?: string | undefined;
  readonly embeds?: readonly EmbedBody[] | undefined;
  readonly components?: readonly unknown[] | undefined;
  readonly allowedMentions?: AllowedMentionsBody | undefined;
  readonly flags?: number | undefined;
  readonly nonce?: string | number | undefined;
  readonly type?: MessageType;
  readonly webhookId?: string;
  readonly referenced?: APIMessage;
}

function mentionedUser(id: string): APIUser {
  return { id, username: `user${id.slice(-4)}`, global_name: null, discriminator: '0', avatar: null };
}

/** The body was validated against Discord's limits; from here on it is the API's embed type. */
function asEmbeds(embeds: readonly EmbedBody[]): APIEmbed[] {
  return embeds.map((embed) => ({ ...embed }) as APIEmbed);
}

export function buildMessage(draft: MessageDraft): APIMessage {
  const content = draft.content ?? '';
  const mentions = resolveMentions(content, draft.allowedMentions);
  return {
    id: draft.id,
    channel_id: draft.channelId,
    author: draft.author,
    content,
    timestamp: draft.at.toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: mentions.everyone,
    mentions: mentions.users.map(mentionedUser),
    mention_roles: [...mentions.roles],
    attachments: [],
    embeds: asEmbeds(draft.embeds ?? []),
    components: (draft.components ?? []) as APIMessageTopLevelComponent[],
    pinned: false,
    type: draft.referenced ? MessageType.Reply : (draft.type ?? MessageType.Default),
    flags: draft.flags ?? 0,
    ...(draft.nonce === undefined ? {} : { nonce: draft.nonce }),
    ...(draft.webhookId ? { webhook_id: draft.webhookId, application_id: draft.webhookId } : {}),
    ...(draft.referenced
      ? {
          message_reference: { message_id: draft.referenced.id, channel_id: draft.referenced.channel_id },
          referenced_message: draft.referenced,
        }
      : {}),
  };
}

/** An edit keeps what the body leaves out, as Discord's PATCH does. */
export function editMessage(
  message: APIMessage,
  body: { content?: string | undefined; embeds?: readonly EmbedBody[] | undefined; components?: readonly unknown[] | undefined; allowed_mentions?: AllowedMentionsBody | undefined },
  at: Date,
): APIMessage {
  const content = body.content ?? message.content;
  const mentions = resolveMentions(content, body.allowed_mentions);
  return {
    ...message,
    content,
    embeds: body.embeds ? asEmbeds(body.embeds) : message.embeds,
    components: body.components ? (body.components as APIMessageTopLevelComponent[]) : (message.components ?? []),
    mention_everyone: mentions.everyone,
    mentions: mentions.users.map(mentionedUser),
    mention_roles: [...mentions.roles],
    flags: (message.flags ?? 0) & ~MessageFlags.Loading,
    edited_timestamp: at.toISOString(),
  };
}
