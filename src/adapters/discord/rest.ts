import { REST, type RESTOptions } from 'discord.js';

export interface RestSettings {
  /** Base URL of the API ("https://discord.com/api" unless a REST proxy or a test server is used). */
  readonly apiUrl?: string;
  /** Rate-limit waits on channel posts longer than this are handed back to the caller as values. */
  readonly maxRateLimitWaitMs?: number;
  readonly timeoutMs?: number;
  /** Extra attempts after a 5xx or a reset connection; safe for posts because they carry a nonce. */
  readonly retries?: number;
}

export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 1000;

/** Discord's global limit per bot; @discordjs/rest queues requests to stay under it. */
const GLOBAL_REQUESTS_PER_SECOND = 50;

const CHANNEL_POST_ROUTE = '/channels/:id/messages';

/**
 * Options shared by the gateway client and the delivery sink. Short waits are slept through inside
 * @discordjs/rest; a long wait on a channel post is rejected so that the outbox can reschedule the
 * item and keep the worker free. Interaction replies always wait: they have a deadline.
 */
export function restOptions(settings: RestSettings = {}): Partial<RESTOptions> {
  const maxWait = settings.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  return {
    ...(settings.apiUrl ? { api: settings.apiUrl.replace(/\/+$/, '') } : {}),
    timeout: settings.timeoutMs ?? 10_000,
    retries: settings.retries ?? 1,
    globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND,
    rejectOnRateLimit: (info) => info.route === CHANNEL_POST_ROUTE && Math.max(info.retryAfter, info.timeToReset) > maxWait,
  };
}

export function createDiscordRest(token: string, settings: RestSettings = {}): REST {
  return new REST(restOptions(settings)).setToken(token);
}
