import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from '../../app/metrics.js';

export interface PrometheusMetrics extends Metrics {
  readonly registry: Registry;
  /** Reads the outbox depth when Prometheus scrapes, so it is never stale. */
  setOutboxDepthSource(read: () => Promise<number>): void;
}

/** A registry of its own (not prom-client's global one) so that tests and processes never share counters. */
export function createPrometheusMetrics(options: { defaultMetrics?: boolean } = {}): PrometheusMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'sahel_watch_' });
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name: `sahel_watch_${name}`, help, labelNames, registers: [registry] });
  const polls = counter('polls_total', 'Feed polls by outcome', ['outcome']);
  const fetchErrors = counter('fetch_errors_total', 'Feed fetch errors by kind', ['kind']);
  const items = counter('items_total', 'Items by decision', ['decision']);
  const advisories = counter('advisories_total', 'Advisories by status', ['status']);
  const deliveries = counter('deliveries_total', 'Deliveries by outcome', ['outcome']);
  const rateLimits = counter('discord_rate_limits_total', 'Discord rate-limit answers');
  let readDepth: () => Promise<number> = async () => 0;
  new Gauge({
    name: 'sahel_watch_outbox_depth',
    help: 'Deliveries waiting in the outbox',
    registers: [registry],
    async collect() {
      this.set(await readDepth());
    },
  });
  return {
    registry,
    setOutboxDepthSource: (read) => void (readDepth = read),
    poll: (outcome) => polls.inc({ outcome }),
    fetchError: (kind) => fetchErrors.inc({ kind }),
    decision: (action) => items.inc({ decision: action }),
    advisory: (status) => advisories.inc({ status }),
    delivery: (outcome, count = 1) => {
      if (count > 0) deliveries.inc({ outcome }, count);
    },
    rateLimited: () => rateLimits.inc(),
  };
}
