import { createHash } from 'node:crypto';

/** Discord accepts nonces of at most 25 characters. */
export const MAX_NONCE_LENGTH = 25;

/**
 * The nonce for a delivery: its idempotency key when that fits, otherwise a digest of it, so that
 * every retry of the same delivery carries the same nonce.
 */
export function nonceFor(idempotencyKey: string): string {
  if (idempotencyKey.length > 0 && idempotencyKey.length <= MAX_NONCE_LENGTH) return idempotencyKey;
  return `k${createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, MAX_NONCE_LENGTH - 1)}`;
}
