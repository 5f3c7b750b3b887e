import { sqlState } from './database.js';
import { EngineInUseError } from './pglite-database.js';

/** Why the PostgreSQL store could not be opened: thrown at start-up, where it is fatal. */
export type PostgresStoreErrorCode =
  | 'store.bad_options'
  | 'store.unreachable'
  | 'store.refused'
  | 'store.foreign_database'
  | 'store.newer_schema'
  | 'store.engine_in_use';

export class PostgresStoreError extends Error {
  override readonly name = 'PostgresStoreError';
  constructor(
    readonly code: PostgresStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Network failures of the driver (connection refused, unknown host, timeout). */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Connection-level failures as store errors that name the server but never the credentials;
 * anything else is returned unchanged for the caller to rethrow.
 */
export function openFailure(error: unknown, server: string): unknown {
  if (error instanceof EngineInUseError) return new PostgresStoreError('store.engine_in_use', error.message);
  const state = sqlState(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (NETWORK.has(code) || /timeout|terminated/i.test(message) && state === undefined) {
    return new PostgresStoreError('store.unreachable', `cannot reach the PostgreSQL server at ${server}: ${message}`);
  }
  // Class 28: invalid authorization; 3D000: no such database; 42501: insufficient privilege.
  if (state !== undefined && (state.startsWith('28') || state === '3D000' || state === '42501')) {
    return new PostgresStoreError('store.refused', `the PostgreSQL server at ${server} refused the store: ${message}`);
  }
  return error;
}
