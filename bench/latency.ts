/**
 * Time from the start of a poll that finds a new item to the moment Discord accepts the channel
 * message, on the whole road with real adapters: a local RSS server, the HTTP fetcher and parser,
 * the engine over the seed baseline, the SQLite store and its outbox, the delivery loop kicked by
 * the ingest path, and the Discord wiring (gateway and REST) against the fake Discord on 127.0.0.1.
 *
 * The first poll primes the feed (it learns what is there and alerts nobody); then each repetition
 * publishes one new kidnapping in Mali, polls, and waits for the message. Prints p50/p95/max in ms.
 *
 *   node bin/run-ts.mjs bench/latency.ts [--reps N]
 */
import { parseArgs } from 'node:util';
import { DeliveryLoop } from '../src/adapters/scheduler/delivery-loop.js';
import { routingSink } from '../src/app/delivery/routing.js';
import { pollFeed, type PollDeps } from '../src/app/feeds/poll.js';
import type { Feed } from '../src/app/feeds/ports.js';
import { resolveSettings } from '../src/config/settings.js';
import { startDiscord, type DiscordRuntime } from '../src/discord-wiring.js';
import { createAppLogger, createCore, deliveryWork, type Core } from '../src/main.js';
import { defaultGuild, FakeDiscord } from '../tests/support/fake-discord/index.js';
import { FeedServer } from '../tests/support/feed-server.js';

const { values: flags } = parseArgs({ options: { reps: { type: 'string', default: '20' } } });
const REPS = Number(flags.reps);
const TOKEN = 'bench-token';
const ROOT = new URL('..', import.meta.url).pathname;
const FEED_PATH = '/sahel-desk.xml';
const WAIT_MS = 5_000;
const alertsChannel = defaultGuild.channels[0]?.id ?? '';

/**
 * One kidnapping per repetition, each a different event: another place, date, employer and victims,
 * told in other words (reports that share whole sentences are rightly taken for wire copies).
 */
interface Kidnapping {
  readonly title: string;
  readonly body: (day: string) => string;
}

const KIDNAPPINGS: readonly Kidnapping[] = [
  {
    title: 'Two Chinese engineers abducted at gold plant in Kéniéba',
    body: (day) =>
      `Gunmen stormed a gold-processing plant outside Kéniéba in western Mali on ${day} and seized two Chinese engineers, the company said. Guards were overpowered before dawn.`,
  },
  {
    title: 'Mali: four Turkish road workers taken hostage near Koutiala',
    body: (day) =>
      `Four Turkish employees of a road-building firm were kidnapped on ${day} at their camp on the highway south of Koutiala, a local councillor told reporters by telephone.`,
  },
  {
    title: 'Five Office du Niger staff kidnapped in Niono area',
    body: (day) =>
      `Armed men on motorbikes intercepted a pick-up carrying five staff of the Office du Niger irrigation scheme near Niono on ${day} and led them away, relatives said.`,
  },
  {
    title: 'Italian aid workers seized in central Mali',
    body: (day) =>
      `Two Italian nurses working for a medical charity were abducted on ${day} from a clinic in Bandiagara, in Mali's central plateau, according to the charity's head office in Rome.`,
  },
  {
    title: 'Nigerien lorry drivers kidnapped on Ménaka road',
    body: (day) =>
      `Three drivers from Niger hauling fuel were snatched by gunmen on ${day} about forty kilometres west of Ménaka; their tankers were set on fire.`,
  },
  {
    title: 'Ghanaian surveyors abducted at lithium site near Bougouni',
    body: (day) =>
      `Six Ghanaian surveyors contracted by a lithium mine were kidnapped on ${day} outside Bougouni in southern Mali, the mine operator confirmed in a statement.`,
  },
  {
    title: 'Traders from Mauritania kidnapped at Nioro du Sahel market',
    body: (day) =>
      `Two Mauritanian cattle traders were taken at gunpoint from the weekly market of Nioro du Sahel on ${day}, witnesses said, in the first such abduction in the town this year.`,
  },
  {
    title: 'Seven teachers abducted from school in Douentza',
    body: (day) =>
      `Unidentified gunmen burst into a primary school in Douentza on ${day} and took seven Malian teachers, leaving the pupils behind, the regional education office said.`,
  },
  {
    title: 'Egyptian telecom technicians kidnapped near Ansongo',
    body: (day) =>
      `Two Egyptian technicians repairing a mobile phone mast close to Ansongo, in the Gao region, were abducted on ${day}, the operator announced.`,
  },
  {
    title: 'Electoral agents seized in Goundam',
    body: (day) =>
      `Four agents of the electoral commission were kidnapped in Goundam, near Timbuktu, on ${day} while distributing voter cards, a commission spokesman said.`,
  },
  {
    title: 'Ivorian cotton buyers held by gunmen in Kadiolo',
    body: (day) =>
      `Three cotton buyers from Côte d'Ivoire were taken hostage on ${day} on a track outside Kadiolo, close to the border, by men who demanded their phones and money.`,
  },
  {
    title: 'Senegalese drillers abducted in Yélimané',
    body: (day) =>
      `Two Senegalese well drillers employed by a water utility disappeared on ${day} near Yélimané in the Kayes region; villagers saw armed men drive them off.`,
  },
  {
    title: 'Health workers kidnapped on Tominian road',
    body: (day) =>
      `Five Malian health workers returning from a vaccination round were stopped and kidnapped on ${day} between San and Tominian, the health ministry said.`,
  },
  {
    title: 'Lebanese merchants abducted in Kolokani',
    body: (day) =>
      `Two Lebanese shopkeepers were kidnapped from their store in Kolokani, north of Bamako, on ${day}; police said the attackers came in two cars.`,
  },
  {
    title: 'German restorers kidnapped in Djenné',
    body: (day) =>
      `Three German specialists restoring the mud-brick architecture of Djenné were seized on ${day} by armed men, Germany's foreign office confirmed.`,
  },
  {
    title: 'Bus passengers taken hostage near Bourem',
    body: (day) =>
      `Gunmen halted an intercity bus near Bourem on ${day}, ordered eight Malian passengers off and drove them into the desert, the bus company said.`,
  },
  {
    title: 'Russian geologists abducted in Nara',
    body: (day) =>
      `Two Russian geologists prospecting near the town of Nara, close to the Mauritanian border, were kidnapped on ${day}, the exploration company said.`,
  },
  {
    title: 'Guinean bridge engineers kidnapped near Diéma',
    body: (day) =>
      `Four Guinean engineers building a bridge on the Diéma road were abducted from their site on ${day}, a regional official said.`,
  },
  {
    title: 'Algerian drivers seized near Tessalit',
    body: (day) =>
      `Three Algerian lorry drivers were kidnapped on ${day} on the trans-Saharan track near Tessalit in the Kidal region, a transport union said.`,
  },
  {
    title: 'Burkinabe vets abducted in Dioïla',
    body: (day) =>
      `Two veterinarians from Burkina Faso running a cattle vaccination drive were kidnapped in Dioïla, southern Mali, on ${day}, the programme said.`,
  },
];

interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly published: Date;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(entries: readonly FeedEntry[]): string {
  const items = [...entries].reverse().map((e) =>
    [
      '<item>',
      `<guid isPermaLink="false">${e.id}</guid>`,
      `<title>${escapeXml(e.title)}</title>`,
      `<link>https://news.example.org/${e.id}</link>`,
      `<description>${escapeXml(e.body)}</description>`,
      `<pubDate>${e.published.toUTCString()}</pubDate>`,
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sahel Desk</title><link>https://news.example.org/</link><description>Security news from Mali</description>${items.join('')}</channel></rss>`;
}

const dayMonth = (date: Date): string => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** Events one to three days before their report, so that neighbouring reports differ in date too. */
function kidnappingEntry(index: number, k: Kidnapping, now: Date): FeedEntry {
  const day = dayMonth(new Date(now.getTime() - (1 + (index % 3)) * 86_400_000));
  return { id: `sahel-desk-${index}`, title: k.title, body: k.body(day), published: now };
}

const primingEntry = (now: Date): FeedEntry => ({
  id: 'sahel-desk-prime',
  title: 'Mali: farmers in Ségou prepare for the rice harvest',
  body: 'Farmers around Ségou say the rains came late this year but the rice harvest should be close to normal.',
  published: new Date(now.getTime() - 3_600_000),
});

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

interface Sample {
  readonly totalMs: number;
  readonly toOutboxMs: number;
  readonly pollMs: number;
}

interface Bench {
  readonly core: Core;
  readonly pollDeps: PollDeps;
  readonly feed: Feed;
  readonly marks: { publishedAt: number };
}

/** One repetition: publish the item, poll, and time the fake's acceptance of the channel message. */
async function repetition(bench: Bench, fake: FakeDiscord, entries: FeedEntry[], index: number): Promise<Sample | string> {
  const kidnapping = KIDNAPPINGS[index % KIDNAPPINGS.length] as Kidnapping;
  entries.push(kidnappingEntry(index, kidnapping, bench.core.clock.now()));
  const before = fake.messages(alertsChannel).length;
  // Armed before the poll, so that the probe runs at the instant the fake stores the message.
  const accepted = fake.waitFor(() => fake.messages(alertsChannel).length > before && performance.now(), WAIT_MS);
  bench.marks.publishedAt = Number.NaN;
  const start = performance.now();
  const report = await pollFeed(bench.feed, bench.pollDeps);
  const polled = performance.now();
  try {
    const at = await accepted;
    return { totalMs: at - start, toOutboxMs: bench.marks.publishedAt - start, pollMs: polled - start };
  } catch {
    const decision = await bench.core.store.decisions.findByDocument(`https://news.example.org/sahel-desk-${index}`);
    return `no message for item ${index} (poll ${report.status}, ${report.newItems} new; decision ${decision?.decision.action ?? 'none'})`;
  }
}

async function startCore(fake: FakeDiscord, logLines: string[]): Promise<Core> {
  const settings = resolveSettings(undefined, {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.url,
    CONFIG_DIR: `${ROOT}config`,
    SEEDS_DIR: `${ROOT}seeds`,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ALLOW_PRIVATE_FEEDS: 'true',
  });
  if (!settings.ok) throw new Error(settings.error.message);
  const logger = createAppLogger(settings.value, { logDestination: { write: (line: string) => void logLines.push(line) } });
  const core = await createCore(settings.value, { logger, storeFile: ':memory:' });
  if (!core.ok) throw new Error(core.error.message);
  return core.value;
}

function summarise(samples: readonly Sample[], failures: readonly string[], intervalMs: number): void {
  const totals = samples.map((s) => s.totalMs).sort((a, b) => a - b);
  const toOutbox = samples.map((s) => s.toOutboxMs).sort((a, b) => a - b);
  const polls = samples.map((s) => s.pollMs).sort((a, b) => a - b);
  console.log(`poll start -> message accepted by the fake Discord, ${samples.length} of ${REPS} new kidnappings (delivery interval ${intervalMs} ms):`);
  console.log(`  p50 ${ms(percentile(totals, 50))}, p95 ${ms(percentile(totals, 95))}, max ${ms(percentile(totals, 100))}`);
  console.log(`  of which poll start -> advisory in the outbox: p50 ${ms(percentile(toOutbox, 50))}, max ${ms(percentile(toOutbox, 100))}`);
  console.log(`  whole poll (fetch, parse, decide, publish, record): p50 ${ms(percentile(polls, 50))}, max ${ms(percentile(polls, 100))}`);
  for (const failure of failures) console.log(`  ${failure}`);
}

async function main(): Promise<void> {
  const fake = new FakeDiscord({ token: TOKEN });
  await fake.start();
  const server = await FeedServer.start({ recordRequests: false });
  const entries: FeedEntry[] = [];
  server.route(FEED_PATH, { body: () => rss(entries) });
  const logLines: string[] = [];
  const core = await startCore(fake, logLines);
  let discord: DiscordRuntime | undefined;
  let loop: DeliveryLoop | undefined;
  try {
    const started = await startDiscord(core, TOKEN, { readyTimeoutMs: 10_000 });
    if (!started.ok) throw new Error(started.error.message);
    discord = started.value;
    const { store, clock, settings } = core;
    await store.subscriptions.put({
      id: 'sub-bench',
      target: { kind: 'discord', guildId: defaultGuild.id, channelId: alertsChannel },
      filters: { countries: ['ml'], minSeverity: 1 },
      mode: { kind: 'realtime' },
      lang: 'en',
      enabled: true,
      createdBy: 'bench',
      createdAt: clock.now().toISOString(),
    });
    // The same delivery wiring as startBot: the loop at its configured interval, kicked by the ingest path.
    const wiring = { sink: routingSink({ discord: discord.sink }), notifier: discord.notifier };
    const delivery = new DeliveryLoop(deliveryWork(core, wiring, Math.random, core.metrics), settings.delivery.intervalMs, (error) => {
      logLines.push(`delivery run failed: ${String(error)}`);
    });
    loop = delivery;
    const marks = { publishedAt: Number.NaN };
    const ingest = core.ingestDeps(() => {
      marks.publishedAt = performance.now();
      delivery.kick();
    });
    const feed: Feed = { url: server.url(FEED_PATH), name: 'Sahel Desk', lang: 'en', intervalMinutes: 15, kind: 'news', enabled: true, addedAt: clock.now().toISOString() };
    await store.feeds.put(feed);
    delivery.start();

    entries.push(primingEntry(clock.now()));
    const prime = await pollFeed(feed, core.pollDeps(ingest));
    console.log(`priming poll: status ${prime.status}, first poll ${prime.firstPoll}, ${prime.items} item(s) learned, messages posted ${fake.messages(alertsChannel).length}`);

    const bench: Bench = { core, pollDeps: core.pollDeps(ingest), feed, marks };
    const samples: Sample[] = [];
    const failures: string[] = [];
    for (let i = 0; i < REPS; i++) {
      const outcome = await repetition(bench, fake, entries, i);
      if (typeof outcome === 'string') failures.push(outcome);
      else samples.push(outcome);
    }
    summarise(samples, failures, settings.delivery.intervalMs);
    const posts = fake.requests().filter((r) => r.method === 'POST' && r.path === `/channels/${alertsChannel}/messages`);
    console.log(`channel posts: ${posts.length}, messages in the channel: ${fake.messages(alertsChannel).length}, warnings logged: ${logLines.length}`);
    for (const line of logLines.slice(0, 5)) console.log(`  log: ${line.trim().slice(0, 300)}`);
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await loop?.stop();
    await discord?.stop();
    core.store.close();
    await server.close();
    await fake.close();
  }
}

await main();
