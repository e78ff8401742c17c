import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAuthTokenRequest } from '../../src/crypto/auth-token-request';
import { signAuthTokenRequest } from '../../src/crypto/xades-sign';
import { createAppHandler } from '../../server/app-handler';
import { createNodeServer } from '../../server/node-server';
import { XML_LIMITS } from '../../server/sandbox/auth/xml-limits';
import { NIP, PERSON, testSigner } from '../support/sandbox-harness';

/**
 * The acceptance test of the sandbox's XML caps, against the server `npm start` runs (the whole app
 * handler on a real socket): while four 1 MB sign-in documents are posted at once, over and over, the
 * home page keeps answering within 200 ms. Before the caps one such document held the event loop for
 * seconds and four made `GET /` take 11-14 s instead of 34 ms.
 *
 * Robust on a busy machine: the posts come from another process, so that their uploads do not share
 * the event loop being measured; `GET /` is measured the same way just before, with nothing posted,
 * and the posts may add at most 200 ms to its median (on an idle machine `GET /` alone takes a few
 * ms, so that is the acceptance figure itself; scheduling hiccups of a loaded machine move single
 * requests, not the median). When the test runner's other files load both cores, one round can still
 * miss by a few ms: up to `ROUNDS` rounds are measured and the best must pass (without the caps, every
 * round's median was over 2 s).
 */
const ROUNDS = 3;
const HOME_BOUND_MS = 200;
const MEASURE_MS = 1500;
const MB = 1024 * 1024;

let root: string;
let oneMegabyte: Uint8Array<ArrayBuffer>;
let signedPadded: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sandbox-load-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ksef-cert</title>');
  const element = '<a xmlns="urn:x" b="1">' + 'A'.repeat(40) + '</a>';
  const head = `<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0">`;
  const fill = element.repeat(Math.ceil(MB / element.length));
  oneMegabyte = new TextEncoder().encode(`${head}${fill}</AuthTokenRequest>`.slice(0, MB - 19) + '</AuthTokenRequest>');
  // Within every cap and validly signed, so the sandbox parses it and verifies the signature in full
  // (it ends in 21111: the challenge was never issued there).
  const signed = await signAuthTokenRequest(
    buildAuthTokenRequest({ challenge: '20260302-CR-0000000000-0000000000-00', context: { type: 'Nip', value: NIP } }),
    await testSigner(PERSON),
  );
  const pad = `<x:P xmlns:x="urn:x" a="1">${'A'.repeat(600)}</x:P>`.repeat(340);
  signedPadded = new TextEncoder().encode(signed.replace('</ds:Object>', `${pad}</ds:Object>`));
  await writeFile(join(root, 'one-megabyte'), oneMegabyte);
  await writeFile(join(root, 'signed-padded'), signedPadded);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function startServer(env: NodeJS.ProcessEnv): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createNodeServer(createAppHandler(root, env));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A post the server answered by closing the connection (an upload refused mid-way). */
const CLOSED = 0;

/**
 * Another client, in a process of its own so that its uploads do not share the event loop that is
 * measured: posts `file` to the sandbox's sign-in in rounds of four at once, with a Content-Length or
 * (`chunked`) as a stream of 64 KiB chunks, and prints each round's statuses as a JSON line, until
 * killed.
 */
const POSTER = `
const [base, file, mode] = process.argv.slice(1);
const body = new Uint8Array(require('node:fs').readFileSync(file));
const url = base + '/api/sandbox/v2/auth/xades-signature';
const headers = { 'Content-Type': 'application/xml' };
const streamed = () => {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= body.length) return controller.close();
      controller.enqueue(body.subarray(offset, offset + 65536));
      offset += 65536;
    },
  });
};
const post = async () => {
  try {
    const init = mode === 'chunked' ? { method: 'POST', headers, body: streamed(), duplex: 'half' } : { method: 'POST', headers, body };
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return ${CLOSED};
  }
};
(async () => {
  for (;;) process.stdout.write(JSON.stringify(await Promise.all([post(), post(), post(), post()])) + '\\n');
})();
`;

interface Poster {
  /** Every status so far, and how many rounds of four have ended. */
  readonly statuses: Set<number>;
  rounds: number;
  stop(): void;
}

function startPoster(base: string, file: string, mode: 'length' | 'chunked'): Poster {
  const child = spawn(process.execPath, ['-e', POSTER, base, file, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const poster: Poster = { statuses: new Set(), rounds: 0, stop: () => child.kill() };
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n')) {
      for (const status of z.array(z.number()).parse(JSON.parse(pending.slice(0, end)))) poster.statuses.add(status);
      poster.rounds++;
      pending = pending.slice(end + 1);
    }
  });
  return poster;
}

/**
 * `GET /` on a connection of its own, as another visitor's browser would make it: fetch's pool could
 * otherwise queue it behind a post's upload or hand it a socket the server closed on a refused post.
 */
function getHome(base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(`${base}/`, { agent: false }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', reject);
  });
}

interface Measured {
  /** Every `GET /` made while posts were in flight, in ms. */
  readonly home: number[];
  readonly homeStatuses: Set<number>;
  readonly postStatuses: Set<number>;
  readonly rounds: number;
}

/** `GET /` one after another for `MEASURE_MS` while another process posts rounds of four throughout. */
async function homeWhilePosting(base: string, file: string, mode: 'length' | 'chunked'): Promise<Measured> {
  const poster = startPoster(base, file, mode);
  try {
    while (poster.rounds < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const roundsBefore = poster.rounds;
    const home: number[] = [];
    const homeStatuses = new Set<number>();
    const until = performance.now() + MEASURE_MS;
    while (performance.now() < until || poster.rounds < roundsBefore + 2) {
      const started = performance.now();
      homeStatuses.add(await getHome(base));
      home.push(performance.now() - started);
    }
    return { home, homeStatuses, postStatuses: poster.statuses, rounds: poster.rounds - roundsBefore };
  } finally {
    poster.stop();
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** `GET /` one after another for half of `MEASURE_MS`, nothing else going on. */
async function homeAlone(base: string): Promise<number[]> {
  const home: number[] = [];
  const until = performance.now() + MEASURE_MS / 2;
  while (performance.now() < until || home.length < 3) {
    const started = performance.now();
    await getHome(base);
    home.push(performance.now() - started);
  }
  return home;
}

describe('GET / while four 1 MB sign-in documents are posted at once', () => {
  it.each([
    ['sandbox on, with Content-Length: refused before reading', '1', 'one-megabyte', 'length', 400],
    ['sandbox on, chunked: refused once 256 KiB have arrived', '1', 'one-megabyte', 'chunked', 400],
    ['sandbox on, within the caps: parsed and verified in full', '1', 'signed-padded', 'length', 400],
    ['sandbox off: 404', '0', 'one-megabyte', 'length', 404],
  ] as const)('%s', async (_, sandbox, file, mode, status) => {
    const server = await startServer({ KSEF_SANDBOX: sandbox });
    try {
      const seen: string[] = [];
      let added = Infinity;
      for (let round = 0; round < ROUNDS && added >= HOME_BOUND_MS; round++) {
        const alone = median(await homeAlone(server.base));
        const result = await homeWhilePosting(server.base, join(root, file), mode);
        // Refused with the status, or by closing the connection while the rest was still being uploaded.
        expect(result.postStatuses.has(status), `posts: ${[...result.postStatuses].join(' ')}`).toBe(true);
        expect([...result.postStatuses].filter((s) => s !== status && s !== CLOSED)).toEqual([]);
        expect(result.homeStatuses).toEqual(new Set([200]));
        expect(result.rounds).toBeGreaterThanOrEqual(2);
        seen.push(`GET / alone ${Math.round(alone)} ms; while posting: ${result.home.map(Math.round).join(' ')}`);
        added = median(result.home) - alone;
      }
      expect(added, seen.join('\n')).toBeLessThan(HOME_BOUND_MS);
    } finally {
      await server.close();
    }
  });

  it('the document that is parsed is one the caps let through, refused only at the challenge', async () => {
    expect(signedPadded.length).toBeLessThan(XML_LIMITS.maxBytes);
    expect(signedPadded.length).toBeGreaterThan(XML_LIMITS.maxBytes / 2);
    expect(oneMegabyte.length).toBe(MB);
    const server = await startServer({ KSEF_SANDBOX: '1' });
    try {
      const response = await fetch(`${server.base}/api/sandbox/v2/auth/xades-signature`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml' },
        body: signedPadded,
      });
      expect(await response.json()).toMatchObject({
        exception: { exceptionDetailList: [{ exceptionCode: 21111 }] },
      });
    } finally {
      await server.close();
    }
  });
});
