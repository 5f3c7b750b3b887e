import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { sendFailure, type SendError } from '../../app/delivery/ports.js';
import type { Failure } from '../../domain/shared/result.js';

/** Discord's JSON error codes that mean the channel is gone or closed to the bot. */
const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/**
 * Maps what @discordjs/rest throws to the sink's closed set of failures. Anything that is not an
 * answer from Discord (refused connection, closed socket, timeout) is a network failure.
 */
export function sendErrorFrom(error: unknown): Failure<SendError> {
  if (error instanceof RateLimitError) {
    const retryAfterMs = Math.max(error.retryAfter, error.timeToReset, 0);
    return sendFailure('rate_limited', `rate limited on ${error.route} for ${retryAfterMs} ms${error.global ? ' (global)' : ''}`, {
      retryAfterMs,
      global: error.global,
      status: 429,
    }).error;
  }
  if (error instanceof DiscordAPIError) return apiFailure(error);
  if (error instanceof HTTPError) {
    const code: SendError = error.status >= 500 ? 'server_error' : 'bad_request';
    return sendFailure(code, `Discord answered ${error.status} ${error.message}`, { status: error.status }).error;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return sendFailure('network', `no answer from Discord: ${message}`).error;
}

function apiFailure(error: DiscordAPIError): Failure<SendError> {
  const detail = { status: error.status };
  const what = `Discord answered ${error.status} (code ${String(error.code)}): ${error.message}`;
  if (error.status === 403 || error.code === MISSING_ACCESS || error.code === MISSING_PERMISSIONS) return sendFailure('forbidden', what, detail).error;
  if (error.status === 404 || error.code === UNKNOWN_CHANNEL) return sendFailure('not_found', what, detail).error;
  if (error.status === 401) return sendFailure('forbidden', `the bot token was refused: ${what}`, detail).error;
  if (error.status >= 500) return sendFailure('server_error', what, detail).error;
  return sendFailure('bad_request', what, detail).error;
}
