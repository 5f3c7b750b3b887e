import { Routes, type Client } from 'discord.js';
import { z } from 'zod';
import type { AdminNotice, AdminNotifier } from '../../app/delivery/ports.js';
import { clip } from '../../domain/advisory/limits.js';
import { err, ok, type Result } from '../../domain/shared/result.js';
import { nonceFor } from './nonce.js';
import { safe } from './replies/format.js';
import { sendErrorFrom } from './send-errors.js';

const channelSchema = z.object({ id: z.string().min(1) }).loose();

/**
 * Tells a server's admins that a subscription was disabled: in the server's system channel when it
 * has one (and it is not the channel that failed), otherwise, or when that fails too, by direct
 * message to the server's owner.
 */
export class DiscordAdminNotifier implements AdminNotifier {
  constructor(private readonly client: Client) {}

  notify(notice: AdminNotice): Promise<Result<void, string>> {
    return this.tell(notice.guildId, notice.message, `notice:${notice.subscriptionId}:${notice.at}`, notice.channelId);
  }

  /**
   * Tells a server's admins `message`. `key` names the notice, so that telling the same notice again
   * soon after does not post it twice; `failedChannelId` is a channel not to use for it.
   */
  async tell(guildId: string, message: string, key: string, failedChannelId?: string): Promise<Result<void, string>> {
    const guild = this.client.guilds.cache.get(guildId);
    if (!guild) return err('unknown_guild', `the bot is not in server ${guildId}`);
    const content = clip(`⚠️ ${message}`, 2000);
    const system = guild.systemChannelId;
    if (system && system !== failedChannelId) {
      const posted = await this.post(system, content, key);
      if (posted.ok) return posted;
    }
    const dm = await this.openDirectMessage(guild.ownerId);
    if (!dm.ok) return dm;
    return this.post(dm.value, clip(`**${safe(guild.name)}**: ${content}`, 2000), key);
  }

  private async post(channelId: string, content: string, key: string): Promise<Result<void, string>> {
    try {
      await this.client.rest.post(Routes.channelMessages(channelId), {
        body: { content, allowed_mentions: { parse: [] }, nonce: nonceFor(`${key}:${channelId}`), enforce_nonce: true },
      });
      return ok(undefined);
    } catch (error) {
      const failure = sendErrorFrom(error);
      return err(failure.code, `could not tell the admins in ${channelId}: ${failure.message}`);
    }
  }

  private async openDirectMessage(userId: string): Promise<Result<string, string>> {
    try {
      const channel = channelSchema.safeParse(await this.client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }));
      return channel.success ? ok(channel.data.id) : err('server_error', 'Discord answered without a channel id');
    } catch (error) {
      const failure = sendErrorFrom(error);
      return err(failure.code, `could not open a direct message to the owner: ${failure.message}`);
    }
  }
}
