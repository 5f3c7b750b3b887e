import type { Feed, FeedHealth } from '../../app/feeds/ports.js';
import type { Result } from '../../domain/shared/result.js';
import type { DiscordAdminNotifier } from './notifier.js';
import { safe } from './replies/format.js';

/** "2026-03-09T08:00:00.000Z" -> "2026-03-09 08:00 UTC"; anything else as given. */
function utc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/**
 * What the operator reads when a feed is paused. In English: the operator's servers are one
 * deployment's own, and the log line it stands beside is English too.
 */
export function pausedFeedNotice(feed: Feed, health: FeedHealth): string {
  const since = health.failingSince ?? health.pausedAt;
  const error = health.lastError ? `the last error was \`${health.lastError.code}\`` : 'no error was recorded';
  return [
    `Feed **${safe(feed.name)}** (<${feed.url}>) is paused: it has failed without a break${since ? ` since ${utc(since)}` : ''}, and ${error}.`,
    'The bot no longer polls it. See `/feeds status`. Once the source answers again, a successful manual poll ' +
      `(\`npx sahel-watch poll --once --feed ${feed.url}\`) resumes it, as does removing it with \`/feeds remove\` and adding it again with \`/feeds add\`.`,
  ].join('\n');
}

/** Where a notice for one server went: nowhere when `result` failed. */
export interface OperatorNoticeOutcome {
  readonly guildId: string;
  readonly result: Result<void, string>;
}

/**
 * Tells the admins of the operator's servers about events that concern the whole deployment, the
 * way subscription problems are told to one server's admins: system channel, else the owner by DM.
 */
export class DiscordOperatorNotifier {
  constructor(
    private readonly admins: Pick<DiscordAdminNotifier, 'tell'>,
    private readonly guildIds: readonly string[],
  ) {}

  feedPaused(feed: Feed, health: FeedHealth): Promise<OperatorNoticeOutcome[]> {
    const key = `paused:${feed.url}:${health.pausedAt ?? health.failingSince ?? ''}`;
    return Promise.all(this.guildIds.map(async (guildId) => ({ guildId, result: await this.admins.tell(guildId, pausedFeedNotice(feed, health), key) })));
  }
}
