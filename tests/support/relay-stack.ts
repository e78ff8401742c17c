/**
 * The deployed shape on loopback sockets: the local KSeF sandbox on one server, the relay on another
 * with the sandbox as its `test` upstream, and the app's client pointed at the relay's `/api/test/v2`.
 * Both hops are recorded: what reached the relay (to prove no secret travels) and every exchange the
 * sandbox served (to check against `open-api.json`).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { createKsefClient, type KsefClient } from '../../src/ksef/client';
import type { Sleep } from '../../src/ksef/sleep';
import { toBase64, toHex } from '../../src/lib/bytes';
import { createRelay, type RelayLogLine, type RelayOptions } from '../../server/relay/relay';
import { type SandboxClock, createSandboxClock } from '../../server/sandbox/core/clock';
import {
  type ControlledSandbox,
  type ControlledSandboxOptions,
  createControlledSandbox,
} from '../../server/sandbox/control/controlled-sandbox';
import { SANDBOX_API_PREFIX } from '../../server/sandbox/sandbox';
import { useXmlDom } from '../../server/sandbox/auth/xml-dom';
import type { SandboxAnswerShape } from '../../server/sandbox/core/context';
import { answerShapeUnderTest, withoutAnswerShapeGaps } from './answer-shapes';
import { type ContractExchange, contractViolations } from './open-api-contract';

// Signing in needs a DOM in Node (the browser has its own).
useXmlDom();

/** A request as it arrived at the relay, before anything was filtered. */
export interface RelayedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly [string, string][];
  readonly body: Uint8Array;
}

type Server = ReturnType<typeof serve>;

/** A request for something the sandbox publishes outside the API (its CRL). */
export interface PublishedFetch {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export interface RelayStack {
  readonly sandbox: ControlledSandbox;
  /** The shape of the sandbox's answers: the run's (`answerShapeUnderTest`) unless the options set one. */
  readonly answerShape: SandboxAnswerShape;
  /** The sandbox's clock: real time plus whatever the client's `sleep` and the tests added. */
  readonly clock: SandboxClock;
  /** `http://127.0.0.1:<relay port>/api/test/v2`. */
  readonly baseUrl: string;
  /** `http://127.0.0.1:<sandbox port>`: the sandbox itself, for what the relay does not forward (TEST helpers). */
  readonly sandboxOrigin: string;
  /** A client on the relay whose waits advance the sandbox clock instead of sleeping. */
  readonly client: KsefClient;
  /** Every wait the client asked for, in ms. */
  readonly sleeps: number[];
  /** The sandbox clock as a `now` seam, so certificates and SigningTime agree with the sandbox. */
  readonly now: () => Date;
  readonly sleep: Sleep;
  readonly relayed: RelayedRequest[];
  readonly relayLog: RelayLogLine[];
  /** Exchanges the sandbox served, paths below `/v2`. */
  readonly exchanges: ContractExchange[];
  /** Requests the sandbox served outside `/v2` (its CRL), with their status. */
  readonly published: PublishedFetch[];
  /**
   * Every sandbox exchange honours the contract (but for the gaps an older answer shape makes on
   * purpose, which must then appear); every relayed request reached the sandbox.
   */
  expectContract(): void;
  close(): Promise<void>;
}

function listen(fetch: (request: Request) => Promise<Response>): Promise<{ server: Server; origin: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
    server.once('listening', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

const HAS_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Starts the sandbox (server A) and the relay (server B, `test` → A's `/api/sandbox/v2`). `relayOptions`
 * change the relay's timeout or its upstream `fetch` (to make KSeF unreachable).
 */
export async function startRelayStack(
  options: ControlledSandboxOptions = {},
  relayOptions: Pick<RelayOptions, 'timeoutMs' | 'fetch'> = {},
): Promise<RelayStack> {
  const clock = createSandboxClock();
  const answerShape = options.answerShape ?? answerShapeUnderTest();
  const sandbox = createControlledSandbox({ clock, log: () => undefined, ...options, answerShape });
  const exchanges: ContractExchange[] = [];
  const published: PublishedFetch[] = [];
  const recordingSandbox = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    // What the sandbox publishes beside the API (its CRL) is not an operation of open-api.json.
    if (!url.pathname.startsWith(`${SANDBOX_API_PREFIX}/`)) {
      const response = await sandbox.handle(request);
      published.push({ method: request.method, path: url.pathname, status: response.status });
      return response;
    }
    const requestBody = HAS_BODY.has(request.method) ? await request.clone().text() : undefined;
    const response = await sandbox.handle(request);
    const body = await response.clone().text();
    exchanges.push({
      method: request.method,
      path: url.pathname.slice(SANDBOX_API_PREFIX.length),
      query: url.searchParams,
      requestHeaders: new Headers(request.headers),
      requestBody: requestBody === '' ? undefined : requestBody,
      response: { status: response.status, headers: response.headers, body },
    });
    return response;
  };
  const a = await listen(recordingSandbox);

  const relayed: RelayedRequest[] = [];
  const relayLog: RelayLogLine[] = [];
  const relay = createRelay({
    upstreams: { test: `${a.origin}${SANDBOX_API_PREFIX}` },
    log: (line) => relayLog.push(line),
    ...relayOptions,
  });
  const recordingRelay = async (request: Request): Promise<Response> => {
    const body = new Uint8Array(await request.clone().arrayBuffer());
    relayed.push({ method: request.method, url: request.url, headers: [...request.headers], body });
    return relay(request);
  };
  const b = await listen(recordingRelay);

  const sleeps: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    sleeps.push(ms);
    clock.advance(ms);
    await Promise.resolve();
    signal?.throwIfAborted();
  };
  const now = (): Date => clock.now();
  const baseUrl = `${b.origin}/api/test/v2`;
  return {
    sandbox,
    answerShape,
    clock,
    baseUrl,
    sandboxOrigin: a.origin,
    client: createKsefClient({ baseUrl, sleep, now }),
    sleeps,
    now,
    sleep,
    relayed,
    relayLog,
    exchanges,
    published,
    expectContract: () => {
      expect(withoutAnswerShapeGaps(exchanges.flatMap(contractViolations), answerShape)).toEqual([]);
      expect(relayLog.filter((line) => line.error !== undefined)).toEqual([]);
      expect(relayed).toHaveLength(exchanges.length + published.length);
    },
    close: async () => {
      await close(b.server);
      await close(a.server);
    },
  };
}

/** The ways a private key (or a password) could show up in a request, for `expectNoSecretRelayed`. */
export async function secretForms(privateKey: CryptoKey, crypto: Crypto = globalThis.crypto): Promise<string[]> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const d = jwk.d ?? '';
  const dBytes = Uint8Array.from(
    atob(d.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (d.length % 4)) % 4)),
    (c) => c.charCodeAt(0),
  );
  return [toBase64(pkcs8), toHex(pkcs8), d, toBase64(dBytes), toHex(dBytes)].filter((form) => form.length >= 16);
}

/** No URL, header or body that reached the relay contains any of `secrets` (also in another letter case, for hex). */
export function expectNoSecretRelayed(relayed: readonly RelayedRequest[], secrets: readonly string[]): void {
  expect(secrets.length).toBeGreaterThan(0);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const leaks: string[] = [];
  for (const request of relayed) {
    const haystack = [
      request.url,
      ...request.headers.map(([name, value]) => `${name}: ${value}`),
      decoder.decode(request.body),
    ].join('\n');
    const lower = haystack.toLowerCase();
    for (const secret of secrets) {
      if (haystack.includes(secret) || lower.includes(secret.toLowerCase()))
        leaks.push(`${request.method} ${new URL(request.url).pathname}`);
    }
  }
  expect(leaks).toEqual([]);
}
