/**
 * What the app layer counts. The Prometheus adapter implements it; tests and CLI one-shots use
 * `noMetrics`. Labels are closed sets so that a metric's cardinality stays bounded.
 */
export interface Metrics {
  poll(outcome: 'ok' | 'not_modified' | 'error'): void;
  fetchError(kind: string): void;
  decision(action: 'new' | 'update' | 'duplicate' | 'ignored' | 'invalid'): void;
  advisory(status: 'new' | 'update' | 'resolved'): void;
  delivery(outcome: 'sent' | 'retry' | 'failed' | 'disabled', count?: number): void;
  rateLimited(): void;
}

export const noMetrics: Metrics = {
  poll: () => undefined,
  fetchError: () => undefined,
  decision: () => undefined,
  advisory: () => undefined,
  delivery: () => undefined,
  rateLimited: () => undefined,
};
