import { checkAuditEntry, type AuditEntry, type AuditQuery, type AuditRepository } from '../../../app/audit.js';
import { fromJson, instant, rowLimit, toJson } from './codec.js';
import type { Db } from './connection.js';
import { StatementCache, where } from './statements.js';

interface AuditRow {
  readonly seq: number;
  readonly body: string;
}

/** The entry is kept as given, without its id: the id is the row's sequence number. */
function toEntry(row: AuditRow): AuditEntry {
  return { id: String(row.seq), ...fromJson<Omit<AuditEntry, 'id'>>(row.body) };
}

/** An append-only log of admin changes, read newest first and pruned by age. */
export class SqliteAuditRepository implements AuditRepository {
  private readonly cache;
  private readonly appendStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.cache = new StatementCache(db);
    this.appendStmt = db.prepare(
      `INSERT INTO audit_log (at, action, subject, guild_id, body) VALUES (@at, @action, @subject, @guildId, @body)`,
    );
    this.pruneStmt = db.prepare('DELETE FROM audit_log WHERE at < ?');
  }

  async append(entry: AuditEntry): Promise<AuditEntry> {
    checkAuditEntry(entry);
    const { id: _ignored, ...body } = entry;
    const { lastInsertRowid } = this.appendStmt.run({
      at: instant(entry.at),
      action: entry.action,
      subject: entry.subject,
      guildId: entry.actor.guildId ?? null,
      body: toJson(body),
    });
    return { id: String(lastInsertRowid), ...structuredClone(body) };
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const limit = rowLimit(query.limit);
    if (limit === 0) return [];
    // A prefix compared with substr, not LIKE: LIKE ignores case and treats "_" as a wildcard.
    const filter = where([
      query.actionPrefix !== undefined && 'substr(action, 1, length(@prefix)) = @prefix',
      query.subject !== undefined && 'subject = @subject',
      query.guildId !== undefined && 'guild_id = @guildId',
    ]);
    const stmt = this.cache.get<[Record<string, string | number>], AuditRow>(
      `SELECT seq, body FROM audit_log ${filter} ORDER BY at DESC, seq DESC LIMIT @limit`,
    );
    const params: Record<string, string | number> = { limit };
    if (query.actionPrefix !== undefined) params['prefix'] = query.actionPrefix;
    if (query.subject !== undefined) params['subject'] = query.subject;
    if (query.guildId !== undefined) params['guildId'] = query.guildId;
    return stmt.all(params).map(toEntry);
  }

  async pruneBefore(at: string): Promise<number> {
    return this.pruneStmt.run(instant(at)).changes;
  }
}
