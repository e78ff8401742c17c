import { describe, expect, it } from 'vitest';
import { CryptoError, type CryptoErrorCode } from '../../src/crypto/errors';
import { SignInError } from '../../src/sign-in/errors';
import { createFileReader, type FileReader } from '../../src/workers/file-reader';
import { FIXTURE_PASSWORD, expectedSpki, fixture } from '../support/key-fixtures';
import { SIGNED_FIXTURES } from '../support/xades-fixtures';
import { CHALLENGE } from '../support/xades-signers';

/**
 * The file reader in real Chromium, with its real worker (the readers' coded errors cross intact) and
 * with stand-in workers that never answer or hold their thread (time limit, cancel, a free page).
 */
const NOW = new Date('2026-06-01T00:00:00Z');

/** Workers made by `spawn`, with how many were stopped. */
function counted(make: () => Worker) {
  const made: Worker[] = [];
  let terminated = 0;
  const spawn = () => {
    const worker = make();
    const terminate = worker.terminate.bind(worker);
    worker.terminate = () => {
      terminated++;
      terminate();
    };
    made.push(worker);
    return worker;
  };
  return { spawn, made, terminated: () => terminated };
}

const silent = () => new Worker(new URL('./silent.worker.ts', import.meta.url), { type: 'module' });
const busy = () => new Worker(new URL('./busy.worker.ts', import.meta.url), { type: 'module' });

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof CryptoError) return error.code;
  throw new Error(`expected a CryptoError, got ${String(error)}`);
}

describe('the file reader worker', () => {
  const reader: FileReader = createFileReader();

  it('opens a plain key and sends the CryptoKey back, usable on the page', async () => {
    const found = await reader.read('inspect', { bytes: fixture('ec-p256.pkcs8.pem'), now: NOW });
    expect(found.kind).toBe('key');
    if (found.kind !== 'key') return;
    expect(found.key.privateKey).toBeInstanceOf(CryptoKey);
    expect(found.key.spki).toEqual(expectedSpki('ec-p256'));
    const data = new Uint8Array([1, 2, 3]);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, found.key.privateKey, data);
    const algorithm = { name: 'ECDSA', hash: 'SHA-256' };
    expect(await crypto.subtle.verify(algorithm, found.key.publicKey, signature, data)).toBe(true);
  });

  it('keeps an encrypted key locked, then opens it with the password', async () => {
    const found = await reader.read('inspect', { bytes: fixture('ec-p256.pbes2-sha256-aes-128-cbc.pem'), now: NOW });
    expect(found.kind).toBe('locked');
    if (found.kind !== 'locked') return;
    const opened = await reader.read('unlock', { file: found, password: FIXTURE_PASSWORD, now: NOW });
    expect(opened.key.spki).toEqual(expectedSpki('ec-p256'));
  });

  it.each([
    { name: 'an empty file', bytes: new Uint8Array(), code: 'empty-file' },
    { name: 'a certificate given as the key', bytes: fixture('ec-p256.cert.pem'), code: 'certificate-not-key' },
  ])('rebuilds the coded error of $name as the same CryptoError', async ({ bytes, code }) => {
    const error: unknown = await reader.read('open-key-file', { bytes, password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toMatchObject({ code, name: 'CryptoError' });
  });

  describe('the signed sign-in file (a worker has no DOMParser: @xmldom/xmldom parses it there)', () => {
    const expected = { challenge: CHALLENGE, challengeIssuedAt: new Date('2025-11-20T10:14:00Z') };
    const now = new Date('2025-11-20T10:16:00Z');

    it('passes an enveloped XAdES made by xmlsec1, the bytes unchanged', async () => {
      const bytes = SIGNED_FIXTURES.xadesEnvelopedEc;
      expect(await reader.read('signed-file', { bytes, ...expected, now })).toEqual(bytes);
    });

    it.each([
      { name: 'XML that is not well-formed', bytes: new TextEncoder().encode('<a><b></a>'), code: 'xml-malformed' },
      {
        name: 'the file re-indented after signing',
        bytes: new TextEncoder().encode(
          new TextDecoder().decode(SIGNED_FIXTURES.xadesEnvelopedEc).replace('<Challenge>', '\n  <Challenge>'),
        ),
        code: 'signature-digest-mismatch',
      },
    ])('refuses $name with $code', async ({ bytes, code }) => {
      expect(await codeOf(reader.read('signed-file', { bytes, ...expected, now }))).toBe(code);
    });
  });

  it('rebuilds wrong-password from an unlock', async () => {
    const file = { format: 'encrypted-private-key' as const, bytes: fixture('ec-p256.pbes2-sha256-aes-128-cbc.pem') };
    expect(await codeOf(reader.read('unlock', { file: { ...file, certificates: [] }, password: 'no', now: NOW }))).toBe(
      'wrong-password',
    );
  });

  it('rebuilds a SignInError with its code', async () => {
    const error: unknown = await reader
      .read('signing-credentials', { files: { keyFile: fixture('ec-p256.pkcs8.pem') }, now: NOW })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ code: 'certificate-missing' });
  });
});

describe('the time limit and cancel', () => {
  it('stops a worker that does not answer in time with file-read-timed-out', async () => {
    const workers = counted(silent);
    const reader = createFileReader({ spawn: workers.spawn, timeLimitMs: 300 });
    const started = performance.now();
    expect(await codeOf(reader.read('inspect', { bytes: new Uint8Array([1]), now: NOW }))).toBe('file-read-timed-out');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(workers.terminated()).toBe(1);
  });

  it('stops the worker at once on cancel with file-read-cancelled, and the next job gets a new one', async () => {
    const workers = counted(silent);
    const reader = createFileReader({ spawn: workers.spawn, timeLimitMs: 60_000 });
    const cancel = new AbortController();
    const reading = reader.read('inspect', { bytes: new Uint8Array([1]), now: NOW }, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    expect(await codeOf(reading)).toBe('file-read-cancelled');
    expect(workers.terminated()).toBe(1);
    const again = new AbortController();
    const next = reader.read('inspect', { bytes: new Uint8Array([1]), now: NOW }, { signal: again.signal });
    again.abort();
    expect(await codeOf(next)).toBe('file-read-cancelled');
    expect(workers.made).toHaveLength(2);
  });

  it('cancels a job still waiting for a worker without touching the running ones', async () => {
    const workers = counted(silent);
    const reader = createFileReader({ spawn: workers.spawn, timeLimitMs: 60_000 });
    const first = new AbortController();
    const second = new AbortController();
    const third = new AbortController();
    const job = (signal: AbortSignal) => reader.read('inspect', { bytes: new Uint8Array([1]), now: NOW }, { signal });
    const running = [job(first.signal), job(second.signal)];
    const waiting = job(third.signal);
    third.abort();
    expect(await codeOf(waiting)).toBe('file-read-cancelled');
    expect(workers.made).toHaveLength(2);
    expect(workers.terminated()).toBe(0);
    first.abort();
    second.abort();
    expect(await Promise.all(running.map(codeOf))).toEqual(['file-read-cancelled', 'file-read-cancelled']);
  });

  it('warms the workers ahead, and reuses a finished job’s worker', async () => {
    const workers = counted(busy);
    const reader = createFileReader({ spawn: workers.spawn });
    reader.warm();
    expect(workers.made).toHaveLength(2);
    for (let i = 0; i < 3; i++) await reader.read('inspect', { bytes: new Uint8Array(1), now: NOW });
    expect(workers.made).toHaveLength(2);
    expect(workers.terminated()).toBe(0);
  });
});

/**
 * The longest task the page's main thread ran while `work` ran, as Chromium's Long Tasks API reports
 * them (every task over 50 ms); 0 when there was none.
 */
async function longestTaskDuring(work: () => Promise<unknown>): Promise<number> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  await work();
  // Entries are delivered after the task: let the observer hear the last one.
  await new Promise((resolve) => setTimeout(resolve, 50));
  durations.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return Math.max(0, ...durations);
}

describe('the page while a worker reads', () => {
  it('the probe sees the main thread held for 200 ms', async () => {
    const longest = await longestTaskDuring(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const end = performance.now() + 200;
      while (performance.now() < end);
    });
    expect(longest).toBeGreaterThanOrEqual(190);
  });

  it('keeps its main thread free while its worker is busy for 1.5 s: no task over 100 ms', async () => {
    const reader = createFileReader({ spawn: busy });
    reader.warm();
    const started = performance.now();
    const longest = await longestTaskDuring(() => reader.read('inspect', { bytes: new Uint8Array(1500), now: NOW }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1500);
    expect(longest).toBeLessThanOrEqual(100);
  });
});
