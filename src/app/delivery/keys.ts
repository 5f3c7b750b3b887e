import { createHash } from 'node:crypto';

export function deliveryKey(incidentId: string, version: number, subscriptionId: string): string {
  return `${incidentId}:${version}:${subscriptionId}`;
}

export function digestKey(subscriptionId: string, runAt: string): string {
  return `digest:${subscriptionId}:${runAt}`;
}

/** Discord nonces are at most 25 characters: 25 hex digits of SHA-256 (100 bits) of the key. */
export function idempotencyKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 25);
}
