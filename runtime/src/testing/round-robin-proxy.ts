/**
 * For the cluster test: a small load balancer in front of several Careloom processes. Each HTTP
 * request and each WebSocket upgrade goes to the next backend in turn (a request may name one with
 * `x-cluster-backend: <index>`, so a test can make sure two things happen in different processes).
 * A backend that refuses the connection (killed) is skipped, as a real balancer's health check would;
 * a request cut after it reached a backend is answered 502 and never retried (it may have been stored).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface RoundRobinProxy {
  url: string;
  /** Which backend each WebSocket upgrade went to, in order. */
  upgrades: number[];
  /** How many HTTP requests each backend answered. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backendPorts: readonly number[]): Promise<RoundRobinProxy> {
  let nextHttp = 0;
  let nextUpgrade = 0;
  const down = new Set<number>();
  const upgrades: number[] = [];
  const served = backendPorts.map(() => 0);
  const sockets = new Set<Duplex>();

  const pinned = (request: IncomingMessage): number | undefined => {
    const value = request.headers['x-cluster-backend'];
    const index = typeof value === 'string' ? Number(value) : NaN;
    return Number.isInteger(index) && index >= 0 && index < backendPorts.length ? index : undefined;
  };
  const pick = (counter: 'http' | 'upgrade', request: IncomingMessage, tried: ReadonlySet<number>): number | undefined => {
    const fixed = pinned(request);
    if (fixed !== undefined) return tried.has(fixed) ? undefined : fixed;
    for (let step = 0; step < backendPorts.length; step++) {
      const index = (counter === 'http' ? nextHttp++ : nextUpgrade++) % backendPorts.length;
      if (!down.has(index) && !tried.has(index)) return index;
    }
    return undefined;
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const tried = new Set<number>();
      const attempt = () => {
        const index = pick('http', request, tried);
        if (index === undefined) {
          response.writeHead(502).end('no backend');
          return;
        }
        tried.add(index);
        const upstream = httpRequest({ host: '127.0.0.1', port: backendPorts[index], method: request.method, path: request.url, headers: request.headers }, (answer) => {
          served[index]! += 1;
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          answer.on('error', () => response.destroy());
        });
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && !response.headersSent) {
            // Nothing reached that process: another may take the request.
            down.add(index);
            attempt();
            return;
          }
          if (!response.headersSent) response.writeHead(502).end('backend lost');
          else response.destroy();
        });
        upstream.end(body);
      };
      attempt();
    });
  });
  server.keepAliveTimeout = 60_000;

  server.on('upgrade', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const tried = new Set<number>();
    const attempt = () => {
      const index = pick('upgrade', request, tried);
      if (index === undefined) {
        client.destroy();
        return;
      }
      tried.add(index);
      const upstream: Socket = connect(backendPorts[index]!, '127.0.0.1', () => {
        upgrades.push(index);
        const lines = [`${request.method} ${request.url} HTTP/1.1`];
        for (let i = 0; i < request.rawHeaders.length; i += 2) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') {
          down.add(index);
          attempt();
        } else client.destroy();
      });
      client.on('close', () => upstream.destroy());
    };
    attempt();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    upgrades,
    served,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on right now (for a child process to take). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
