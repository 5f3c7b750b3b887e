import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureDetail } from '../../../../src/app/delivery/ports.js';
import { createDiscordRest } from '../../../../src/adapters/discord/rest.js';
import { DiscordSink } from '../../../../src/adapters/discord/sink.js';
import type { RenderedMessage } from '../../../../src/domain/advisory/rendered.js';
import { defaultGuild, FakeDiscord } from '../../../support/fake-discord/index.js';

const TOKEN = 'sink-test-token';
const guildId = defaultGuild.id;
const channelId = defaultGuild.channels[0]?.id ?? '';
const target = { kind: 'discord', guildId, channelId } as const;

const message: RenderedMessage = {
  kind: 'advisory',
  incidentId: 'inc-20250701-kayes-kidnapping',
  tag: 'NEW',
  severity: 4,
  title: 'NEW: kidnapping at Kayes',
  text: 'NEW: kidnapping at Kayes',
  sources: [{ name: 'The Wire', url: 'https://thewire.in/world/mali-kidnapping' }],
  discord: {
    embeds: [{ title: 'NEW · Kidnapping at Kayes, Mali', description: 'Three Indian nationals abducted @everyone', color: 0xc62828, footer: { text: 'Sahel Watch' } }],
    components: [{ type: 1, components: [{ type: 2, style: 5, label: 'The Wire', url: 'https://thewire.in/world/mali-kidnapping' }] }],
    allowed_mentions: { parse: [] },
  },
};

describe('DiscordSink against the fake Discord', () => {
  let fake: FakeDiscord;
  let sink: DiscordSink;

  beforeEach(async () => {
    fake = new FakeDiscord({ token: TOKEN });
    await fake.start();
    sink = new DiscordSink(createDiscordRest(TOKEN, { apiUrl: fake.url }));
  });

  afterEach(async () => {
    await fake.close();
  });

  const posts = () => fake.requests().filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

  it('posts the embeds and buttons with a nonce, enforce_nonce and no mentions', async () => {
    const result = await sink.send(target, message, { idempotencyKey: 'adv-1-sub-1' });
    expect(result.ok).toBe(true);
    const [posted] = fake.messages(channelId);
    expect(result.ok && result.value.messageId).toBe(posted?.id);
    expect(posted?.embeds[0]?.title).toBe('NEW · Kidnapping at Kayes, Mali');
    expect(posted?.components).toHaveLength(1);
    expect(posted?.mention_everyone).toBe(false);
    expect(posts()[0]?.body).toMatchObject({ nonce: 'adv-1-sub-1', enforce_nonce: true, allowed_mentions: { parse: [] } });
  });

  it('returns the first message when the same delivery is sent again', async () => {
    const first = await sink.send(target, message, { idempotencyKey: 'adv-2-sub-1' });
    const again = await sink.send(target, message, { idempotencyKey: 'adv-2-sub-1' });
    expect(first.ok && again.ok && again.value.messageId === first.value.messageId).toBe(true);
    expect(fake.messages(channelId)).toHaveLength(1);
  });

  it('keeps a long idempotency key stable by hashing it into a 25-character nonce', async () => {
    const key = 'inc-20250701-kayes-kidnapping:3:sub-0123456789';
    await sink.send(target, message, { idempotencyKey: key });
    await sink.send(target, message, { idempotencyKey: key });
    const nonces = posts().map((r) => (r.body as { nonce: string }).nonce);
    expect(nonces[0]).toHaveLength(25);
    expect(nonces[1]).toBe(nonces[0]);
    expect(fake.messages(channelId)).toHaveLength(1);
  });

  it('replies to the first message of the incident', async () => {
    const first = await sink.send(target, message, { idempotencyKey: 'adv-3-v1' });
    const firstId = first.ok ? first.value.messageId : '';
    const update = await sink.send(target, message, { idempotencyKey: 'adv-3-v2', replyTo: firstId });
    expect(update.ok).toBe(true);
    expect(fake.messages(channelId)[1]?.message_reference?.message_id).toBe(firstId);
  });

  it('posts plainly when the message to reply to was deleted', async () => {
    const result = await sink.send(target, message, { idempotencyKey: 'adv-4-v2', replyTo: '1399999999999999999' });
    expect(result.ok).toBe(true);
    expect(fake.messages(channelId)[0]?.message_reference).toBeUndefined();
  });

  it('reports 403 as forbidden and an unknown channel as not_found', async () => {
    fake.failWhen({ channelId }, { status: 403 });
    const forbidden = await sink.send(target, message, { idempotencyKey: 'adv-5' });
    const missing = await sink.send({ ...target, channelId: '1399999999999999998' }, message, { idempotencyKey: 'adv-6' });
    expect(!forbidden.ok && forbidden.error.code).toBe('forbidden');
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('hands a long rate limit back as a value with the wait, without sleeping through it', async () => {
    fake.failWhen({ channelId, times: 1 }, { status: 429, retryAfterSec: 30 });
    const result = await sink.send(target, message, { idempotencyKey: 'adv-7' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('rate_limited');
    expect(failureDetail(result.error).retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(posts()).toHaveLength(1);
  });

  it('marks a global rate limit as global', async () => {
    fake.failWhen({ times: 1 }, { status: 429, retryAfterSec: 20, global: true });
    const result = await sink.send(target, message, { idempotencyKey: 'adv-8' });
    expect(!result.ok && failureDetail(result.error)).toMatchObject({ global: true });
  });

  it('retries a 5xx once, then reports server_error', async () => {
    fake.failWhen({ channelId, times: 1 }, { status: 502 });
    const recovered = await sink.send(target, message, { idempotencyKey: 'adv-9' });
    expect(recovered.ok).toBe(true);
    fake.failWhen({ channelId }, { status: 500 });
    const failed = await sink.send(target, message, { idempotencyKey: 'adv-10' });
    expect(!failed.ok && failed.error.code).toBe('server_error');
    expect(posts().map((r) => r.status)).toEqual([502, 200, 500, 500]);
  });

  it('reports a closed socket and an unreachable server as network failures', async () => {
    fake.failWhen({ channelId, times: 2 }, { closeSocket: true });
    const closed = await sink.send(target, message, { idempotencyKey: 'adv-11' });
    expect(!closed.ok && closed.error.code).toBe('network');
    await fake.close();
    const down = await new DiscordSink(createDiscordRest(TOKEN, { apiUrl: fake.url, retries: 0 })).send(target, message, { idempotencyKey: 'adv-12' });
    expect(!down.ok && down.error.code).toBe('network');
    fake = new FakeDiscord({ token: TOKEN });
    await fake.start();
  });

  it('refuses a target that is not a Discord channel without calling Discord', async () => {
    const result = await sink.send({ kind: 'console' }, message, { idempotencyKey: 'adv-13' });
    expect(!result.ok && result.error.code).toBe('bad_request');
    expect(fake.requests()).toHaveLength(0);
  });

  it('paces a burst under a global limit of 50 requests per second and loses nothing', async () => {
    fake.setGlobalRateLimit(50);
    const send = (i: number) => sink.send(target, message, { idempotencyKey: `burst-${i}` });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => send(i)));
    // A rate limit is a value the outbox retries; on a loaded machine the client's and the fake's
    // one-second windows can drift apart, so a stray 429 is tolerated but never a loss.
    const limited = results.flatMap((r, i) => (r.ok ? [] : [i]));
    expect(results.every((r) => r.ok || r.error.code === 'rate_limited')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const retried = await Promise.all(limited.map((i) => send(i)));
    expect(retried.every((r) => r.ok)).toBe(true);
    expect(fake.requests().filter((r) => r.status === 429).length).toBeLessThanOrEqual(3);
    expect(fake.messages(channelId)).toHaveLength(60);
  });
});
