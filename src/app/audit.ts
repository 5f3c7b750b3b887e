import { z } from 'zod';

/**
 * The audit log: who changed keywords, feeds and subscriptions, and when. Admin commands append to
 * it; `/keywords list` and similar replies read it back. Implementations: MemoryAuditRepository
 * below, and the store adapters.
 */

/** Stable action codes; an action is "<what>.<verb>", so a prefix such as "keyword." selects one kind. */
export const AUDIT_ACTIONS = [
  'keyword.add',
  'keyword.update',
  'keyword.remove',
  'feed.add',
  'feed.update',
  'feed.remove',
  'subscription.add',
  'subscription.update',
  'subscription.remove',
] as const;

export type KnownAuditAction = (typeof AUDIT_ACTIONS)[number];

/** Plain JSON, so that every store keeps it as it is. */
export type AuditDetail = string | number | boolean | null | readonly AuditDetail[] | { readonly [key: string]: AuditDetail };

export interface AuditActor {
  /** Discord user id, or a fixed name for changes made outside Discord ("config", "cli"). */
  readonly userId: string;
  /** Human-readable name at the time of the change ("amina#0001", "amina"). */
  readonly tag: string;
  readonly guildId?: string;
}

export interface AuditEntry {
  /** Given by the repository on append; never reused, even after older entries are pruned. */
  readonly id?: string;
  /** When the change was made (ISO). */
  readonly at: string;
  readonly actor: AuditActor;
  /** A stable code such as those of AUDIT_ACTIONS. */
  readonly action: string;
  /** What was changed: a keyword rule id, a feed URL, a subscription id. */
  readonly subject: string;
  /** What the change was, for the reader: the rule as stored, the fields that changed ... */
  readonly detail?: AuditDetail;
}

export interface AuditQuery {
  /** Only actions starting with this text ("keyword." for every keyword change). */
  readonly actionPrefix?: string;
  readonly subject?: string;
  /** Only changes made from this guild. */
  readonly guildId?: string;
  readonly limit: number;
}

export interface AuditRepository {
  /** Stores the entry and returns it with its id. Throws on an entry that fails auditEntrySchema. */
  append(entry: AuditEntry): Promise<AuditEntry>;
  /** Newest first (by `at`, then by order of appending), at most `limit`. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
  /** Forgets entries made before `at` (retention); returns how many. */
  pruneBefore(at: string): Promise<number>;
}

const snowflakeOrName = z.string().trim().min(1).max(100);

export const auditEntrySchema = z.object({
  id: z.string().min(1).optional(),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ userId: snowflakeOrName, tag: z.string().min(1).max(100), guildId: snowflakeOrName.optional() }),
  action: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'a dotted lower-case code such as "keyword.add"'),
  subject: z.string().min(1).max(2048),
  detail: z.json().optional(),
});

/** Validates an entry before it is stored: the log is read by people deciding who to ask about a change. */
export function checkAuditEntry(entry: AuditEntry): void {
  auditEntrySchema.parse(entry);
}

/** In-memory audit log for tests and one-shot runs; entries are copied in and out, as a store would. */
export class MemoryAuditRepository implements AuditRepository {
  private entries: { readonly seq: number; readonly entry: AuditEntry }[] = [];
  private sequence = 0;

  async append(entry: AuditEntry): Promise<AuditEntry> {
    checkAuditEntry(entry);
    this.sequence += 1;
    const { id: _ignored, ...rest } = structuredClone(entry);
    const stored: AuditEntry = { id: String(this.sequence), ...rest };
    this.entries.push({ seq: this.sequence, entry: stored });
    return structuredClone(stored);
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const { actionPrefix, subject, guildId } = query;
    return this.entries
      .filter(({ entry }) => actionPrefix === undefined || entry.action.startsWith(actionPrefix))
      .filter(({ entry }) => subject === undefined || entry.subject === subject)
      .filter(({ entry }) => guildId === undefined || entry.actor.guildId === guildId)
      .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || b.seq - a.seq)
      .slice(0, Math.max(0, Math.floor(query.limit)))
      .map(({ entry }) => structuredClone(entry));
  }

  async pruneBefore(at: string): Promise<number> {
    const limit = Date.parse(at);
    const before = this.entries.length;
    this.entries = this.entries.filter(({ entry }) => Date.parse(entry.at) >= limit);
    return before - this.entries.length;
  }
}
