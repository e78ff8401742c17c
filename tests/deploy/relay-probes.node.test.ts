import { serve } from '@hono/node-server';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  applyReplacements,
  PREFIX_FOLDERS,
  renderLoopbackSite,
  renderMainConfig,
  SHIPPED_CONFIG,
} from '../../scripts/nginx-test-config';
import { createAppHandler } from '../../server/app-handler';
import { freePort, startNginx, type RunningNginx } from '../support/nginx-harness';
import { probeProblems, sendProbe } from '../support/relay-probes/client';
import { CRL_PROBES } from '../support/relay-probes/crl-probes';
import { EXCHANGE_PROBES } from '../support/relay-probes/exchange-probes';
import { HEADER_PROBES } from '../support/relay-probes/header-probes';
import { DEFAULT_ANSWER, type RelayProbe } from '../support/relay-probes/probe';
import { ROUTE_PROBES } from '../support/relay-probes/route-probes';
import { startProbeUpstream, type ProbeUpstream } from '../support/relay-probes/upstream';

/*
 * One table of relay probes, run against both relays: the Node server as `npm start` composes it and
 * nginx with deploy/nginx/ksef-cert.conf (its loopback variant). Both relay TEST to the same imitation
 * of KSeF and DEMO to a closed port, and give up on KSeF after 1 s.
 */

const PROBES: readonly RelayProbe[] = [...ROUTE_PROBES, ...EXCHANGE_PROBES, ...HEADER_PROBES, ...CRL_PROBES];
const RELAYS = ['node', 'nginx'] as const;
type Relay = (typeof RELAYS)[number];

/**
 * Probes a relay is known to fail, by name. Each is still run: once it passes, this test fails until
 * the entry goes, so the list is always the true gap.
 */
const KNOWN_GAPS: Readonly<Record<Relay, readonly string[]>> = {
  node: [],
  nginx: [],
};

const origins: Partial<Record<Relay, string>> = {};
const passedCount: Record<Relay, number> = { node: 0, nginx: 0 };
let dir: string;
let upstream: ProbeUpstream;
let nodeServer: ReturnType<typeof serve>;
let nginx: RunningNginx;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ksef-cert-relay-probes-'));
  for (const folder of PREFIX_FOLDERS) mkdirSync(join(dir, folder));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  upstream = await startProbeUpstream();
  const closedPort = await freePort();
  const test = `http://127.0.0.1:${upstream.port}/v2`;
  const demo = `http://127.0.0.1:${closedPort}/v2`;

  const handler = createAppHandler(join(dir, 'dist'), {
    KSEF_UPSTREAM_TEST: test,
    KSEF_UPSTREAM_DEMO: demo,
    KSEF_RELAY_TIMEOUT_MS: '1000',
  });
  nodeServer = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => nodeServer.once('listening', resolve));
  origins.node = `http://127.0.0.1:${(nodeServer.address() as AddressInfo).port}`;

  const port = await freePort();
  const site = join(dir, 'ksef-cert.conf');
  const loopback = renderLoopbackSite(readFileSync(SHIPPED_CONFIG, 'utf8'), {
    port,
    prefix: dir,
    distDir: join(dir, 'dist'),
    testUpstream: test,
  });
  writeFileSync(
    site,
    applyReplacements(loopback, [
      {
        why: 'DEMO at a closed port',
        from: '    demo    https://api-demo.ksef.mf.gov.pl/v2;\n',
        to: `    demo    ${demo};\n`,
      },
      {
        why: "DEMO's CRLs at a closed port",
        from: '    demo    https://ksef-demo.mf.gov.pl;\n',
        to: `    demo    ${demo.replace(/\/v2$/, '')};\n`,
      },
      { why: 'give up after 1 s', from: '    proxy_read_timeout 25s;\n', to: '    proxy_read_timeout 1s;\n' },
      {
        why: 'give up on a CRL after 1 s',
        from: '        js_fetch_timeout 25s;\n',
        to: '        js_fetch_timeout 1s;\n',
      },
    ]),
  );
  const main = join(dir, 'nginx.conf');
  writeFileSync(main, renderMainConfig({ prefix: dir, site, runningAsRoot: process.getuid?.() === 0 }));
  origins.nginx = `http://127.0.0.1:${port}`;
  nginx = await startNginx(dir, main, `${origins.nginx}/`);
});

afterAll(async () => {
  await nginx?.stop();
  await new Promise((resolve) => nodeServer?.close(resolve));
  await upstream?.close();
  rmSync(dir, { recursive: true, force: true });
  const counts = RELAYS.map(
    (relay) => `${relay} ${passedCount[relay]}/${PROBES.length} passed (known gaps: ${KNOWN_GAPS[relay].length})`,
  );
  console.warn(`relay probes: ${PROBES.length}; ${counts.join('; ')}`);
});

it('the probe names are unique and every known gap names a probe', () => {
  const names = PROBES.map((probe) => probe.name);
  expect(new Set(names).size).toBe(names.length);
  for (const relay of RELAYS) for (const gap of KNOWN_GAPS[relay]) expect(names, relay).toContain(gap);
});

describe.each(RELAYS)('the %s relay', (relay) => {
  it.each(PROBES.map((probe) => [probe.name, probe] as const))('%s', async (_name, probe) => {
    const origin = origins[relay];
    if (origin === undefined) throw new Error(`${relay} did not start`);
    upstream.reset(probe.upstream ?? DEFAULT_ANSWER);
    // The Node relay logs every request on stderr; the counts below are what this test reports.
    const quiet = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const observed = await sendProbe(origin, probe.request).finally(() => quiet.mockRestore());
    const problems = probeProblems(probe, origin, observed, upstream.seen);
    if (problems.length === 0) passedCount[relay] += 1;
    if (KNOWN_GAPS[relay].includes(probe.name)) {
      expect(problems, 'a known gap now passes: remove it from KNOWN_GAPS').not.toEqual([]);
    } else {
      expect(problems).toEqual([]);
    }
  });
});
