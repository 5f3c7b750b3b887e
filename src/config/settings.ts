import { z } from 'zod';
import { err, ok, type Result } from '../domain/shared/result.js';

/**
 * One schema for the settings file and the environment together: the file gives the shape,
 * environment variables override single values (see ENV_BINDINGS). Nothing else reads process.env.
 */

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const hours = z.number().positive();

/** "0,2,4" from the environment, or a JSON array from the file. */
const shardIds = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((id) => (/^\s*\d+\s*$/.test(id) ? Number(id) : id)) : value),
  z.array(z.number().int().min(0)).min(1),
);

/**
 * Discord's gateway shards this process runs, out of `count` for the whole bot (discord.js's
 * `shards` and `shardCount`); every shard of the deployment when `ids` is absent.
 */
const shardsSchema = z
  .object({ count: z.number().int().min(1).max(10_000), ids: shardIds.optional() })
  .strict()
  .refine((s) => s.ids === undefined || s.ids.every((id) => id < s.count), 'shard ids below the shard count')
  .refine((s) => s.ids === undefined || new Set(s.ids).size === s.ids.length, 'each shard id once');

export const settingsSchema = z
  .object({
    dataDir: z.string().min(1).default('./data'),
    /** postgres://… selects the PostgreSQL store; absent means the embedded SQLite file in dataDir. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
    /** The PostgreSQL schema of the store, created when missing; the connection's search_path when absent. */
    databaseSchema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case PostgreSQL identifier').optional(),
    configDir: z.string().min(1).default('./config'),
    seedsDir: z.string().min(1).default('./seeds'),
    discord: z
      .object({
        token: z.string().min(1).optional(),
        apiUrl: z.url({ protocol: /^https?$/ }).optional(),
        applicationId: z.string().regex(/^\d{5,25}$/, 'a Discord snowflake (digits)').optional(),
        devGuildId: z.string().regex(/^\d{5,25}$/, 'a Discord snowflake (digits)').optional(),
        shards: shardsSchema.optional(),
        /**
         * Servers whose admins may change what every server receives (keyword rules, feeds) and that
         * are told when a feed is paused; empty lets any server's admins change them.
         */
        operatorGuildIds: z.array(z.string().regex(/^\d{5,25}$/, 'a Discord snowflake (digits)')).default([]),
      })
      .strict()
      .prefault({}),
    http: z
      .object({
        port: z.number().int().min(0).max(65535).default(8080),
        host: z.string().min(1).default('0.0.0.0'),
      })
      .strict()
      .prefault({}),
    log: z
      .object({
        level: logLevel.default('info'),
        format: z.enum(['json', 'pretty', 'auto']).default('auto'),
      })
      .strict()
      .prefault({}),
    feeds: z
      .object({
        operatorContact: z.string().min(3).default('https://github.com/sahel-watch/sahel-watch'),
        allowPrivateAddresses: z.boolean().default(false),
        allowedHosts: z.array(z.string().min(1)).default([]),
        timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
        maxBytes: z.number().int().min(1024).max(50 * 1024 * 1024).default(5 * 1024 * 1024),
        maxRedirects: z.number().int().min(0).max(10).default(5),
        concurrency: z.number().int().min(1).max(64).default(4),
        firstPollMaxAgeHours: hours.default(48),
        pauseAfterHours: hours.default(24),
        /** Seconds between scheduling rounds: a divisor of 60 below 60, so that rounds fall evenly in every minute. */
        tickSeconds: z.number().int().refine((n) => n >= 1 && n < 60 && 60 % n === 0, 'a divisor of 60 below 60').default(15),
        /** Feeds due when the bot starts are spread over up to this long instead of firing together. */
        startSpreadMs: z.number().int().min(0).max(3_600_000).default(60_000),
        /**
         * With several processes on one database, the term of a feed's lease: renewed while its poll
         * runs, so a process that dies lets its feeds go within this time.
         */
        leaseMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
      })
      .strict()
      .prefault({}),
    delivery: z
      .object({
        intervalMs: z.number().int().min(50).default(2_000),
        maxAttempts: z.number().int().min(1).max(50).default(8),
        /**
         * How long a claimed delivery stays reserved for its sender: a sender that dies leaves its
         * deliveries to the others after this. Keep it well above the Discord request timeout.
         */
        leaseMs: z.number().int().min(1_000).max(3_600_000).default(120_000),
      })
      .strict()
      .prefault({}),
    retention: z
      .object({
        seenItemsDays: z.number().int().min(1).default(120),
        decisionsDays: z.number().int().min(1).default(180),
        deliveriesDays: z.number().int().min(1).default(90),
      })
      .strict()
      .prefault({}),
    shutdownTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** `list` is comma-separated: "1,2" becomes ["1", "2"], blanks dropped. */
type EnvKind = 'string' | 'int' | 'bool' | 'list';

/** Environment variable -> settings path. Kept as data so `config check` and the README can list it. */
export const ENV_BINDINGS: ReadonlyArray<{ name: string; path: readonly string[]; kind: EnvKind; secret?: boolean }> = [
  { name: 'DISCORD_TOKEN', path: ['discord', 'token'], kind: 'string', secret: true },
  { name: 'DISCORD_API_URL', path: ['discord', 'apiUrl'], kind: 'string' },
  { name: 'DISCORD_APPLICATION_ID', path: ['discord', 'applicationId'], kind: 'string' },
  { name: 'DISCORD_DEV_GUILD_ID', path: ['discord', 'devGuildId'], kind: 'string' },
  { name: 'DATA_DIR', path: ['dataDir'], kind: 'string' },
  { name: 'DATABASE_URL', path: ['databaseUrl'], kind: 'string', secret: true },
  { name: 'DATABASE_SCHEMA', path: ['databaseSchema'], kind: 'string' },
  { name: 'DISCORD_SHARD_COUNT', path: ['discord', 'shards', 'count'], kind: 'int' },
  { name: 'DISCORD_SHARDS', path: ['discord', 'shards', 'ids'], kind: 'string' },
  { name: 'OPERATOR_GUILD_IDS', path: ['discord', 'operatorGuildIds'], kind: 'list' },
  { name: 'CONFIG_DIR', path: ['configDir'], kind: 'string' },
  { name: 'SEEDS_DIR', path: ['seedsDir'], kind: 'string' },
  { name: 'HTTP_PORT', path: ['http', 'port'], kind: 'int' },
  { name: 'HTTP_HOST', path: ['http', 'host'], kind: 'string' },
  { name: 'LOG_LEVEL', path: ['log', 'level'], kind: 'string' },
  { name: 'LOG_FORMAT', path: ['log', 'format'], kind: 'string' },
  { name: 'OPERATOR_CONTACT', path: ['feeds', 'operatorContact'], kind: 'string' },
  { name: 'ALLOW_PRIVATE_FEEDS', path: ['feeds', 'allowPrivateAddresses'], kind: 'bool' },
  { name: 'SHUTDOWN_TIMEOUT_MS', path: ['shutdownTimeoutMs'], kind: 'int' },
];

export const SECRET_ENV_NAMES: readonly string[] = ENV_BINDINGS.filter((b) => b.secret).map((b) => b.name);

export interface SettingsProblem {
  /** Where: "env DISCORD_TOKEN", "file config/settings.json: http.port". */
  readonly where: string;
  readonly expected: string;
  readonly found: string;
}

export type SettingsErrorCode = 'invalid_settings' | 'invalid_json';

function envValue(raw: string, kind: EnvKind): unknown {
  if (kind === 'int') return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  if (kind === 'bool') {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
    return raw;
  }
  if (kind === 'list') return raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return raw;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
}

function getPath(source: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = source;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describeFound(value: unknown, secret: boolean): string {
  if (value === undefined) return 'nothing';
  if (secret) return '(a secret value, not shown)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Merges file and environment and validates; every problem is listed, none is thrown. */
export function resolveSettings(
  file: { name: string; content: unknown } | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Result<Settings, SettingsErrorCode> & { problems?: SettingsProblem[] } {
  const merged: Record<string, unknown> =
    file && typeof file.content === 'object' && file.content !== null ? structuredClone(file.content as Record<string, unknown>) : {};
  const fromEnv = new Map<string, (typeof ENV_BINDINGS)[number]>();
  for (const binding of ENV_BINDINGS) {
    const raw = env[binding.name];
    if (raw === undefined || raw === '') continue;
    setPath(merged, binding.path, envValue(raw, binding.kind));
    fromEnv.set(binding.path.join('.'), binding);
  }
  if (file && (typeof file.content !== 'object' || file.content === null || Array.isArray(file.content))) {
    const problems = [{ where: `file ${file.name}`, expected: 'a JSON object', found: describeFound(file.content, false) }];
    return { ...err('invalid_settings', formatProblems(problems)), problems };
  }
  const parsed = settingsSchema.safeParse(merged);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue): SettingsProblem => {
    const dotted = issue.path.map(String).join('.');
    const binding = envBindingOf(fromEnv, issue.path);
    const where = binding ? `env ${binding.name}` : `${file ? `file ${file.name}` : 'settings'}: ${dotted || '(root)'}`;
    const found = getPath(merged, issue.path);
    return { where, expected: issue.message, found: describeFound(found, binding?.secret ?? dotted.endsWith('token')) };
  });
  return { ...err('invalid_settings', formatProblems(problems)), problems };
}

/** The variable that set this path or a value containing it (a list's element comes from the list's variable). */
function envBindingOf<T>(fromEnv: ReadonlyMap<string, T>, path: readonly PropertyKey[]): T | undefined {
  for (let length = path.length; length > 0; length--) {
    const binding = fromEnv.get(path.slice(0, length).map(String).join('.'));
    if (binding) return binding;
  }
  return undefined;
}

export function formatProblems(problems: readonly SettingsProblem[]): string {
  const lines = problems.map((p) => `  - ${p.where}: ${p.expected} (found ${p.found})`);
  return [`The configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`, ...lines].join('\n');
}
