/** A real HTTP server on 127.0.0.1 for tests that talk to the network, and a port nothing listens on. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  /** Requests seen so far, as `METHOD /path`. */
  requests: string[];
  /** Every User-Agent header seen. */
  userAgents: Set<string>;
  /** The most requests the server was answering at the same moment. */
  maxInFlight(): number;
  resetCounts(): void;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, origin: string) => void;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: string[] = [];
  const userAgents = new Set<string>();
  let inFlight = 0;
  let peak = 0;
  let origin = '';
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    userAgents.add(request.headers['user-agent'] ?? '');
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    // 'close' fires both when the answer is sent and when the client gives up, so the count never leaks.
    response.on('close', () => (inFlight -= 1));
    handler(request, response, origin);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    userAgents,
    maxInFlight: () => peak,
    resetCounts() {
      requests.length = 0;
      peak = inFlight;
    },
    close: () =>
      new Promise<void>((closed) => {
        // Keep-alive sockets from fetch would otherwise hold the server open until they time out.
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** A port that refuses connections: bound once to get a free number, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}
