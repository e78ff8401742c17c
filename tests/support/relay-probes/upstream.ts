import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ANSWER, type UpstreamAnswer } from './probe.ts';

/** What the imitation of KSeF got. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An imitation of KSeF on loopback that answers what the current probe says and records requests. */
export interface ProbeUpstream {
  readonly port: number;
  readonly seen: SeenRequest[];
  /** Forgets what it saw and answers `answer` from now on. */
  readonly reset: (answer?: UpstreamAnswer) => void;
  readonly close: () => Promise<void>;
}

export async function startProbeUpstream(): Promise<ProbeUpstream> {
  const seen: SeenRequest[] = [];
  let answer = DEFAULT_ANSWER;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const current = answer;
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(current.status, current.headers as Record<string, string | string[]>);
        response.end(Buffer.from(current.body, 'latin1'));
      };
      if (current.delayMs === undefined) send();
      else setTimeout(send, current.delayMs).unref();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    reset: (next = DEFAULT_ANSWER) => {
      seen.length = 0;
      answer = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
