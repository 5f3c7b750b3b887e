/**
 * Clean + extract benchmark: documents per second through buildDocument and extractFacts with the
 * project's catalogs, on article-sized texts: the five seeds and generated English and French
 * articles, half of them as HTML pages with their clutter, a tenth without any date of their own.
 * Date windows are memoised by text and reference day, so no document is ever processed twice: every
 * round builds new ones, with their own ids, numbers, names and publication days. Building the texts
 * is not timed. The first round warms the JIT up and is not counted.
 * Run: node bin/run-ts.mjs bench/clean-extract.ts [--docs 3000] [--rounds 5]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogs } from '../src/config/catalogs.js';
import { extractFacts, type Catalogs } from '../src/domain/extract/facts.js';
import type { RawInput } from '../src/domain/model.js';
import { buildDocument } from '../src/domain/text/document.js';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '5' } } });
const DOCS = Number(values.docs);
const ROUNDS = Number(values.rounds);
const TARGET_PER_SECOND = 2000;
const SEEN_AT = '2025-12-01T08:00:00.000Z';
const DAY_MS = 86_400_000;

/** A small seeded generator (xorshift32), so that every run builds the same texts. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

const catalogs = ((): Catalogs => {
  const loaded = loadCatalogs('config');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
})();

const regionName = new Map(catalogs.gazetteer.entries.filter((e) => e.kind === 'region').map((e) => [e.id, e.name]));
const countryName = new Map(catalogs.gazetteer.entries.filter((e) => e.kind === 'country').map((e) => [e.country, e.name]));
const TOWNS = catalogs.gazetteer.entries
  .filter((e) => e.kind === 'town' && e.region !== undefined && ['ml', 'bf', 'ne'].includes(e.country))
  .map((e) => ({ town: e.name, region: regionName.get(e.region ?? '') ?? e.name, country: countryName.get(e.country) ?? 'Mali' }));
const GROUPS = catalogs.actors.actors.filter((a) => a.kind === 'armed_group').flatMap((a) => a.aliases.slice(0, 3));
const FORCES = catalogs.actors.actors.filter((a) => a.kind === 'security_force').flatMap((a) => a.aliases.slice(0, 2));

const NATIONALITIES = [
  ['Indian', 'indiens'],
  ['Chinese', 'chinois'],
  ['Malian', 'maliens'],
  ['Egyptian', 'égyptiens'],
  ['Moroccan', 'marocains'],
  ['Turkish', 'turcs'],
] as const;
const SITES = [
  ['the Diamond Cement Factory', 'la cimenterie Diamond Cement'],
  ['a gold mine', "une mine d'or"],
  ['a road construction camp', 'un chantier routier'],
  ['the Sadiola mine', 'la mine de Sadiola'],
  ['a solar plant site', 'le site de la centrale solaire'],
  ['a cotton ginning plant', "une usine d'égrenage de coton"],
] as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const DAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const OUTLETS = ['Sahel Daily', 'West Africa Wire', 'Bamako Courier', 'Le Journal du Sahel', 'Niger River Post', 'Gazette de Ségou'];

interface Slots {
  readonly n: number;
  readonly killed: number;
  readonly nat: (typeof NATIONALITIES)[number];
  readonly site: (typeof SITES)[number];
  readonly place: (typeof TOWNS)[number];
  readonly other: (typeof TOWNS)[number];
  readonly group: string;
  readonly force: string;
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly weekday: number;
  readonly person: string;
}

function slots(pick: Pick, rand: () => number, published: Date): Slots {
  const event = new Date(published.getTime() - Math.floor(rand() * 6) * DAY_MS);
  return {
    n: 2 + Math.floor(rand() * 30),
    killed: 3 + Math.floor(rand() * 120),
    nat: pick(NATIONALITIES),
    site: pick(SITES),
    place: pick(TOWNS),
    other: pick(TOWNS),
    group: pick(GROUPS),
    force: pick(FORCES),
    day: event.getUTCDate(),
    month: event.getUTCMonth(),
    year: event.getUTCFullYear(),
    weekday: (event.getUTCDay() + 6) % 7,
    person: `${pick(['Souleymane', 'Aminata', 'Ibrahim', 'Fatoumata', 'Moussa', 'Awa', 'Oumar', 'Mariam'])} ${pick(['Traoré', 'Keïta', 'Diallo', 'Coulibaly', 'Maïga', 'Touré', 'Sangaré', 'Dembélé'])}`,
  };
}

const NUMBERS_EN = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function english(s: Slots, pick: Pick): { title: string; paragraphs: string[] } {
  const count = s.n <= 10 ? NUMBERS_EN[s.n - 2] ?? String(s.n) : String(s.n);
  const date = pick([`on ${MONTHS_EN[s.month]} ${s.day}`, `on ${DAYS_EN[s.weekday]}`, `on ${DAYS_EN[s.weekday]}, ${MONTHS_EN[s.month]} ${s.day}`, `on ${s.day} ${MONTHS_EN[s.month]?.slice(0, 3)} ${s.year}`]);
  const where = `near ${s.place.town} in the ${s.place.region} region of ${s.place.country}`;
  const lead = pick([
    `${count[0]?.toUpperCase()}${count.slice(1)} ${s.nat[0]} workers were kidnapped ${date} at ${s.site[0]} ${where}, officials said.`,
    `Gunmen attacked ${s.site[0]} ${where} ${date}, killing ${s.killed} people and abducting ${count} ${s.nat[0]} nationals.`,
    `At least ${s.killed} soldiers were killed ${date} when fighters stormed an army post ${where}.`,
    `${s.group} fighters imposed a blockade on roads around ${s.place.town} ${date}, cutting fuel supplies to the ${s.place.region} region.`,
  ]);
  const title = pick([
    `${s.place.country}: ${count} ${s.nat[0]} workers abducted near ${s.place.town}`,
    `Attack near ${s.place.town} leaves ${s.killed} dead`,
    `${s.group} blamed for deadly raid in ${s.place.region}`,
    `Security alert for ${s.place.town} after ${s.group} assault`,
  ]);
  return {
    title,
    paragraphs: [
      `${lead} The assailants arrived on motorcycles and left towards the border before ${s.force} units reached the area.`,
      `"The situation is under control and search operations are continuing," army spokesperson ${s.person} said in a statement broadcast on national television. He added that ${s.killed % 40} assailants had been neutralised.`,
      pick([
        `No group has claimed responsibility for the attack, but ${s.group} is active in the area and has carried out similar raids.`,
        `${s.group} claimed responsibility for the attack in a message posted on social media.`,
        `Local sources suspect ${s.group}, which has targeted foreign workers in the ${s.place.region} region before.`,
      ]),
      `The Ministry of External Affairs said it was in touch with the authorities and urged all ${s.nat[0]} nationals in ${s.place.country} to exercise utmost caution and stay in close contact with the embassy in Bamako.`,
      `Earlier this year, ${1 + (s.n % 7)} foreign nationals were kidnapped in separate incidents in western ${s.place.country}, and a convoy was ambushed near ${s.other.town} in ${MONTHS_EN[(s.month + 9) % 12]} ${s.year - 1}.`,
      `Residents of ${s.other.town} said markets had closed and that traders no longer dared to travel on the main road after dark. "We are afraid to leave our homes," one trader said by telephone.`,
      `The region has faced a deteriorating security environment since 2012, when a separatist rebellion in the north turned into a jihadist insurgency that spread to central ${s.place.country} and neighbouring countries.`,
      `About ${100 + s.killed * 3} ${s.nat[0]} citizens live in ${s.place.country}, most of them employed in mining, construction and trade, according to community leaders.`,
      `Analysts say the group levies taxes on local communities, controls several rural roads and negotiates local agreements with villages that accept its rules. Humanitarian agencies warned that ${s.n * 1000} people had fled their homes in the ${s.other.region} region in recent months.`,
      `The government has announced additional patrols along the main roads and asked transport companies to travel in escorted convoys until further notice.`,
      `Witnesses said some of the attackers wore military fatigues and fired into the air before setting fire to ${1 + (s.killed % 9)} trucks and a fuel depot near ${s.place.town}.`,
      `The raid comes ${2 + (s.n % 6)} weeks after a convoy was ambushed on the road between ${s.place.town} and ${s.other.town}, where ${s.killed % 17 + 2} drivers are still missing.`,
      `Mining and construction companies in the ${s.place.region} region employ about ${s.n * 350} people, many of them foreign nationals, and several have suspended work on remote sites.`,
      `The embassy advised against all travel to the ${s.place.region} region, asked its citizens to register with the consulate and to avoid road travel outside ${s.place.country === 'Mali' ? 'Bamako' : 'the capital'}.`,
    ],
  };
}

function french(s: Slots, pick: Pick): { title: string; paragraphs: string[] } {
  const date = pick([`le ${s.day === 1 ? '1er' : s.day} ${MONTHS_FR[s.month]}`, `${DAYS_FR[s.weekday]}`, `${DAYS_FR[s.weekday]} ${s.day} ${MONTHS_FR[s.month]}`, `le ${s.day} ${MONTHS_FR[s.month]} ${s.year}`]);
  const where = `près de ${s.place.town}, dans la région de ${s.place.region}`;
  const lead = pick([
    `${s.n} ressortissants ${s.nat[1]} ont été enlevés ${date} sur ${s.site[1]} ${where}, selon des sources sécuritaires.`,
    `Des hommes armés ont attaqué ${s.site[1]} ${where} ${date}, faisant ${s.killed} morts et enlevant ${s.n} travailleurs ${s.nat[1]}.`,
    `Au moins ${s.killed} soldats ont été tués ${date} lors de l'attaque d'un poste militaire ${where}.`,
    `Les combattants du ${s.group} imposent un blocus autour de ${s.place.town} depuis ${date}, privant la région de ${s.place.region} de carburant.`,
  ]);
  const title = pick([
    `${s.place.country} : ${s.n} travailleurs ${s.nat[1]} enlevés près de ${s.place.town}`,
    `Attaque près de ${s.place.town} : au moins ${s.killed} morts`,
    `Le ${s.group} mis en cause dans un raid meurtrier à ${s.place.town}`,
    `Alerte de sécurité pour ${s.place.town} après une attaque`,
  ]);
  return {
    title,
    paragraphs: [
      `${lead} Les assaillants, arrivés à moto, se sont repliés vers la frontière avant l'arrivée des renforts des ${s.force}.`,
      `« La situation est sous contrôle et les opérations de ratissage se poursuivent », a déclaré le porte-parole de l'armée, ${s.person}, dans un communiqué lu à la télévision nationale. Il a ajouté que ${s.killed % 40} assaillants avaient été neutralisés.`,
      pick([
        `L'attaque n'a pas été revendiquée, mais le ${s.group} est actif dans la zone et a déjà mené des raids similaires.`,
        `Le ${s.group} a revendiqué l'attaque dans un message diffusé sur les réseaux sociaux.`,
        `Des sources locales soupçonnent le ${s.group}, qui a déjà visé des travailleurs étrangers dans la région de ${s.place.region}.`,
      ]),
      `L'ambassade a appelé ses ressortissants à faire preuve de la plus grande prudence et à rester en contact étroit avec ses services à Bamako.`,
      `Depuis le début de l'année, ${1 + (s.n % 7)} étrangers ont été enlevés dans l'ouest du pays, et un convoi avait déjà été pris en embuscade près de ${s.other.town} en ${MONTHS_FR[(s.month + 9) % 12]} ${s.year - 1}.`,
      `À ${s.other.town}, les habitants affirment que les marchés ont fermé et que les commerçants n'osent plus emprunter la route principale à la nuit tombée. « Nous avons peur de sortir », confie un commerçant joint par téléphone.`,
      `Le pays est confronté depuis 2012 à une crise sécuritaire profonde, née d'une rébellion dans le nord qui s'est muée en insurrection jihadiste avant de s'étendre au centre et aux pays voisins.`,
      `Environ ${100 + s.killed * 3} ressortissants ${s.nat[1]} vivent dans le pays, la plupart employés dans les mines, la construction et le commerce, selon des responsables communautaires.`,
      `Selon des analystes, le groupe prélève des taxes auprès des communautés locales, contrôle plusieurs axes ruraux et négocie des accords avec les villages qui acceptent ses règles. Les agences humanitaires estiment que ${s.n * 1000} personnes ont fui leurs foyers dans la région de ${s.other.region} ces derniers mois.`,
      `Le gouvernement a annoncé des patrouilles supplémentaires sur les grands axes et demandé aux transporteurs de circuler en convois escortés jusqu'à nouvel ordre.`,
      `Selon des témoins, certains assaillants portaient des tenues militaires et ont tiré en l'air avant d'incendier ${1 + (s.killed % 9)} camions et un dépôt de carburant près de ${s.place.town}.`,
      `Ce raid survient ${2 + (s.n % 6)} semaines après l'embuscade tendue à un convoi sur la route entre ${s.place.town} et ${s.other.town}, où ${s.killed % 17 + 2} chauffeurs sont toujours portés disparus.`,
      `Les entreprises minières et du bâtiment de la région de ${s.place.region} emploient environ ${s.n * 350} personnes, dont de nombreux étrangers, et plusieurs ont suspendu leurs chantiers isolés.`,
      `L'ambassade déconseille formellement tout déplacement dans la région de ${s.place.region}, demande à ses ressortissants de s'inscrire au consulat et d'éviter les routes hors de la capitale.`,
    ],
  };
}

const CLUTTER_TEXT = ['Advertisement', 'Share this article', 'Read more: Sahel security in five charts', 'Subscribe to our newsletter', '© 2025 All rights reserved'];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An article as a page: paragraphs with clutter between them, as plain text or HTML. */
/** The lead first, then the other paragraphs in an order of their own, as no two outlets tell a story alike. */
function shuffled(paragraphs: readonly string[], rand: () => number): string[] {
  const [lead = '', ...rest] = paragraphs;
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
  }
  return [lead, ...rest];
}

function page(article: { title: string; paragraphs: string[] }, pick: Pick, html: boolean): string {
  const parts: string[] = [];
  for (const [i, p] of article.paragraphs.entries()) {
    parts.push(p);
    if (i % 3 === 2) parts.push(pick(CLUTTER_TEXT));
  }
  if (!html) return [article.title, ...parts].join('\n\n');
  const body = parts.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<html><head><title>${escapeHtml(article.title)}</title><script>window.ads = [];</script></head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>${escapeHtml(article.title)}</h1>\n${body}\n</article><footer>Follow us on Telegram</footer></body></html>`;
}

const SEEDS = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, body: readFileSync(join('seeds', name), 'utf8') }));

/** Text built by concatenation is a tree of pieces until first read; bodies read from a feed or a file are flat. */
function asRead(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The documents of one round: the seeds under new ids and publication days, then generated articles. */
function roundInputs(round: number): RawInput[] {
  const rand = generator(0x5eed + round * 7919);
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)] as (typeof items)[number];
  const inputs: RawInput[] = [];
  const base = Date.parse('2023-01-01T06:00:00Z') + round * 17 * DAY_MS;
  for (let i = 0; i < DOCS; i++) {
    const published = new Date(base + i * 7 * 3_600_000 + Math.floor(rand() * 3_600_000));
    const dated = i % 10 !== 9;
    const meta = { seenAt: SEEN_AT, ...(dated ? { published: i % 2 === 0 ? published.toUTCString() : published.toISOString() } : {}) };
    const seed = i < SEEDS.length ? SEEDS[i] : undefined;
    if (seed !== undefined) {
      inputs.push({ id: `r${round}-${seed.name}`, kind: 'seed', source: seed.name, body: seed.body, ...meta });
      continue;
    }
    const fr = i % 3 === 0;
    const written = (fr ? french : english)(slots(pick, rand, published), pick);
    const article = { title: written.title, paragraphs: shuffled(written.paragraphs, rand) };
    const html = i % 2 === 1;
    inputs.push({
      id: `r${round}-gen-${i}`,
      kind: 'news',
      source: pick(OUTLETS),
      ...(html ? {} : { title: article.title }),
      body: asRead(page(article, pick, html)),
      url: `https://news.example.org/${round}/${i}`,
      ...(i % 4 === 0 ? { lang: fr ? 'fr' : 'en' } : {}),
      ...meta,
    });
  }
  return inputs;
}

interface RoundFigures {
  readonly docs: number;
  readonly chars: number;
  /** Wall-clock time of the round, and of its two halves summed over the documents. */
  readonly wallMs: number;
  readonly cleanMs: number;
  readonly extractMs: number;
  /** CPU time the process spent on the round: on a shared machine, what one core would need. */
  readonly cpuMs: number;
  readonly refused: number;
  readonly events: number;
  readonly places: number;
  readonly dates: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function runRound(inputs: readonly RawInput[]): RoundFigures {
  let cleanMs = 0;
  let extractMs = 0;
  let refused = 0;
  let chars = 0;
  let events = 0;
  let places = 0;
  let dates = 0;
  const cpuStart = cpuMs();
  const wallStart = performance.now();
  for (const raw of inputs) {
    chars += raw.body.length;
    const t0 = performance.now();
    const built = buildDocument(raw);
    const t1 = performance.now();
    cleanMs += t1 - t0;
    if (!built.ok) {
      refused++;
      continue;
    }
    const facts = extractFacts(built.value, catalogs);
    extractMs += performance.now() - t1;
    events += facts.events.length;
    places += facts.places.length;
    dates += facts.dates.length;
  }
  const wallMs = performance.now() - wallStart;
  return { docs: inputs.length, chars, wallMs, cleanMs, extractMs, cpuMs: cpuMs() - cpuStart, refused, events, places, dates };
}

const fixed = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const perSecond = (docs: number, ms: number): number => (docs * 1000) / ms;

console.log(`clean + extract: ${fixed(DOCS)} article-sized documents per round (the 5 seeds, generated English and French articles, half of them HTML), ${ROUNDS} rounds after a warm-up`);
runRound(roundInputs(ROUNDS + 1));
const rounds: RoundFigures[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const f = runRound(roundInputs(r));
  rounds.push(f);
  console.log(
    `  round ${r + 1}: ${fixed(perSecond(f.docs, f.wallMs))} docs/s wall, ${fixed(perSecond(f.docs, f.cpuMs))} docs/s of CPU time` +
      ` (clean ${fixed((f.cleanMs * 1000) / f.docs)} µs + extract ${fixed((f.extractMs * 1000) / f.docs)} µs per doc)${f.refused > 0 ? `, ${f.refused} refused` : ''}`,
  );
}

const sum = (key: 'docs' | 'chars' | 'wallMs' | 'cpuMs' | 'events' | 'places' | 'dates'): number => rounds.reduce((total, f) => total + f[key], 0);
const docs = sum('docs');
const bestWall = Math.max(...rounds.map((f) => perSecond(f.docs, f.wallMs)));
const bestCpu = Math.max(...rounds.map((f) => perSecond(f.docs, f.cpuMs)));
console.log(`  documents: ${fixed(sum('chars') / docs)} characters on average; ${fixed(sum('events') / docs, 1)} events, ${fixed(sum('places') / docs, 1)} places, ${fixed(sum('dates') / docs, 1)} dates found per document`);
console.log(`  best round: ${fixed(bestWall)} docs/s wall, ${fixed(bestCpu)} docs/s of CPU time`);
console.log(`  mean: ${fixed((sum('wallMs') * 1000) / docs)} µs wall, ${fixed((sum('cpuMs') * 1000) / docs)} µs of CPU time per document over ${fixed(docs)} documents`);
console.log(`  peak RSS: ${fixed(process.resourceUsage().maxRSS / 1024)} MB`);
console.log(`  target ${fixed(TARGET_PER_SECOND)} docs/s on one core: ${bestCpu >= TARGET_PER_SECOND ? 'met' : 'NOT met'} (best round, CPU time)`);
