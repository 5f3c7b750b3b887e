import { afterEach, describe, expect, it } from 'vitest';
import { startOpsServer, type OpsServer } from '../../../../src/adapters/http/server.js';
import { createPrometheusMetrics } from '../../../../src/adapters/metrics/prometheus.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(ready: boolean) {
  const metrics = createPrometheusMetrics({ defaultMetrics: true });
  metrics.setOutboxDepthSource(async () => 7);
  metrics.poll('ok');
  metrics.decision('new');
  metrics.delivery('sent');
  metrics.rateLimited();
  server = await startOpsServer(
    { registry: metrics.registry, readiness: async () => ({ ready, checks: [{ name: 'store', ok: ready, detail: 'x' }] }) },
    { port: 0, host: '127.0.0.1' },
  );
  return `http://127.0.0.1:${server.port}`;
}

describe('ops server', () => {
  it('answers healthz and readyz', async () => {
    const base = await start(true);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { ready: boolean }).ready).toBe(true);
  });

  it('answers 503 when not ready', async () => {
    const base = await start(false);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
  });

  it('exposes Prometheus metrics including outbox depth and event-loop lag', async () => {
    const base = await start(true);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('sahel_watch_polls_total{outcome="ok"} 1');
    expect(text).toContain('sahel_watch_items_total{decision="new"} 1');
    expect(text).toContain('sahel_watch_deliveries_total{outcome="sent"} 1');
    expect(text).toContain('sahel_watch_discord_rate_limits_total 1');
    expect(text).toContain('sahel_watch_outbox_depth 7');
    expect(text).toContain('sahel_watch_nodejs_eventloop_lag_seconds');
  });

  it('answers 404 elsewhere and 405 for writes', async () => {
    const base = await start(true);
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
