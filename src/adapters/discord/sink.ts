import { Routes, type REST } from 'discord.js';
import { z } from 'zod';
import { sendFailure, type DeliverySink, type SendError, type SendOptions } from '../../app/delivery/ports.js';
import type { RenderedMessage } from '../../domain/advisory/rendered.js';
import { ok, type Result } from '../../domain/shared/result.js';
import type { DeliveryTarget } from '../../domain/subscriptions/types.js';
import { nonceFor } from './nonce.js';
import { sendErrorFrom } from './send-errors.js';

const createdMessageSchema = z.object({ id: z.string().min(1) }).loose();

/**
 * Posts advisories to Discord channels over REST. Every post carries the delivery's nonce with
 * enforce_nonce, so a retry after a lost answer returns the first message instead of a duplicate;
 * nothing in it may ping anyone; an update replies to the incident's first message and is posted
 * plainly when that message was deleted.
 */
export class DiscordSink implements DeliverySink {
  constructor(private readonly rest: REST) {}

  async send(target: DeliveryTarget, message: RenderedMessage, options: SendOptions): Promise<Result<{ readonly messageId: string }, SendError>> {
    if (target.kind !== 'discord') return sendFailure('bad_request', `the Discord sink cannot send to a ${target.kind} target`);
    const body = {
      embeds: message.discord.embeds,
      components: message.discord.components,
      allowed_mentions: { parse: [] },
      nonce: nonceFor(options.idempotencyKey),
      enforce_nonce: true,
      ...(options.replyTo ? { message_reference: { message_id: options.replyTo, fail_if_not_exists: false } } : {}),
    };
    let created: unknown;
    try {
      created = await this.rest.post(Routes.channelMessages(target.channelId), { body });
    } catch (error) {
      return { ok: false, error: sendErrorFrom(error) };
    }
    const parsed = createdMessageSchema.safeParse(created);
    if (!parsed.success) return sendFailure('server_error', 'Discord answered the post without a message id');
    return ok({ messageId: parsed.data.id });
  }
}
