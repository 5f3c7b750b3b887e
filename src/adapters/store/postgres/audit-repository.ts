import { checkAuditEntry, type AuditEntry, type AuditQuery, type AuditRepository } from '../../../app/audit.js';
import { instant, pgText, rowLimit, toJson } from './codec.js';
import type { Database } from './database.js';
import { Params, where } from './sql.js';

interface AuditRow {
  readonly seq: string;
  readonly body: Omit<AuditEntry, 'id'>;
}

/** The entry is kept as given, without its id: the id is the row's identity number. */
const toEntry = (row: AuditRow): AuditEntry => ({ id: String(row.seq), ...row.body });

/** An append-only log of admin changes, read newest first and pruned by age. */
export class PostgresAuditRepository implements AuditRepository {
  constructor(private readonly db: Database) {}

  async append(entry: AuditEntry): Promise<AuditEntry> {
    checkAuditEntry(entry);
    const { id: _ignored, ...body } = entry;
    const { rows } = await this.db.query<{ seq: string }>(
      'INSERT INTO audit_log (at, action, subject, guild_id, body) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING seq',
      [instant(entry.at), pgText(entry.action), pgText(entry.subject), entry.actor.guildId === undefined ? null : pgText(entry.actor.guildId), toJson(body)],
    );
    return { id: String(rows[0]?.seq), ...structuredClone(body) };
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const limit = rowLimit(query.limit);
    if (limit === 0) return [];
    const params = new Params();
    // A prefix compared with left(), not LIKE: LIKE treats "_" and "%" as wildcards.
    const filter = where([
      query.actionPrefix !== undefined && `left(action, ${params.add(query.actionPrefix.length)}) = ${params.add(pgText(query.actionPrefix))}`,
      query.subject !== undefined && `subject = ${params.add(pgText(query.subject))}`,
      query.guildId !== undefined && `guild_id = ${params.add(pgText(query.guildId))}`,
    ]);
    const { rows } = await this.db.query<AuditRow>(
      `SELECT seq::text AS seq, body FROM audit_log ${filter} ORDER BY at DESC, seq DESC LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map(toEntry);
  }

  async pruneBefore(at: string): Promise<number> {
    return (await this.db.query('DELETE FROM audit_log WHERE at < $1', [instant(at)])).count;
  }
}
