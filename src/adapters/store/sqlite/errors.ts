/** Why a database file could not be opened as the store: thrown at start-up, where it is fatal. */
export type StoreOpenErrorCode = 'store.not_a_database' | 'store.foreign_database' | 'store.newer_schema' | 'store.corrupt';

export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
  constructor(
    readonly code: StoreOpenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The SQLite result code carried by a driver error ("SQLITE_BUSY", "SQLITE_NOTADB"), if any. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}
