import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Long enough to ride out a checkpoint or a backup step of another connection. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a connection with the settings every store connection shares. WAL lets readers run while
 * one writer commits; synchronous=NORMAL is durable across application crashes in WAL mode and only
 * risks the last commits on power loss, which a feed poller can re-fetch.
 */
export function openConnection(file: string, options: { readonly fileMustExist?: boolean } = {}): Db {
  const db = new Database(file, { fileMustExist: options.fileMustExist ?? false, timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
