import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Readiness } from '../../app/readiness.js';

export interface OpsServerDeps {
  readonly readiness: () => Promise<Readiness>;
  readonly registry: Registry;
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** /healthz (alive), /readyz (working), /metrics (Prometheus). Nothing else is served. */
export async function startOpsServer(deps: OpsServerDeps, options: { port: number; host: string }): Promise<OpsServer> {
  const server = createServer((req, res) => {
    handle(req.method ?? 'GET', (req.url ?? '/').split('?')[0] ?? '/', deps)
      .then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      })
      .catch((cause: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`internal error: ${(cause as Error).message}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}

async function handle(method: string, path: string, deps: OpsServerDeps): Promise<{ status: number; type: string; body: string }> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, type: 'text/plain', body: 'method not allowed\n' };
  if (path === '/healthz') return { status: 200, type: 'application/json', body: '{"status":"ok"}\n' };
  if (path === '/readyz') {
    const readiness = await deps.readiness();
    return { status: readiness.ready ? 200 : 503, type: 'application/json', body: `${JSON.stringify(readiness)}\n` };
  }
  if (path === '/metrics') return { status: 200, type: deps.registry.contentType, body: await deps.registry.metrics() };
  return { status: 404, type: 'text/plain', body: 'not found\n' };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
