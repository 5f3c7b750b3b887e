import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { failureDetail } from '../../../../src/app/delivery/ports.js';
import { sendErrorFrom } from '../../../../src/adapters/discord/send-errors.js';

const request = { body: {}, files: undefined };
const apiError = (status: number, code: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.com/api/v10/channels/1/messages', request);

describe('sendErrorFrom', () => {
  it('maps Discord answers to the sink codes', () => {
    expect(sendErrorFrom(apiError(403, 50013, 'Missing Permissions')).code).toBe('forbidden');
    expect(sendErrorFrom(apiError(404, 10003, 'Unknown Channel')).code).toBe('not_found');
    expect(sendErrorFrom(apiError(401, 0, '401: Unauthorized')).code).toBe('forbidden');
    expect(sendErrorFrom(apiError(400, 50035, 'Invalid Form Body')).code).toBe('bad_request');
    expect(sendErrorFrom(new HTTPError(503, 'Service Unavailable', 'POST', 'https://discord.com/api/v10/x', request)).code).toBe('server_error');
  });

  it('keeps the wait and the scope of a rate limit', () => {
    const limited = new RateLimitError({
      timeToReset: 0,
      limit: 50,
      method: 'POST',
      hash: 'global',
      url: 'https://discord.com/api/v10/channels/1/messages',
      route: '/channels/:id/messages',
      majorParameter: '1',
      global: true,
      retryAfter: 4050,
      sublimitTimeout: 0,
      scope: 'global',
    });
    const failure = sendErrorFrom(limited);
    expect(failure.code).toBe('rate_limited');
    expect(failureDetail(failure)).toEqual({ retryAfterMs: 4050, global: true, status: 429 });
  });

  it('treats anything else as a network failure', () => {
    const socket = Object.assign(new Error('other side closed'), { name: 'SocketError', code: 'UND_ERR_SOCKET' });
    expect(sendErrorFrom(socket)).toMatchObject({ code: 'network', message: 'no answer from Discord: SocketError: other side closed' });
    expect(sendErrorFrom('boom').code).toBe('network');
  });
});
