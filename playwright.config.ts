import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';
import { e2ePorts } from './scripts/nginx-test-config.ts';

/**
 * `E2E_PORT` lets two runs share a machine; the default is what CI uses. The run takes four ports
 * from it: the app's Node server, a second Node server whose sandbox nginx relays TEST to, nginx, and a
 * third Node server for the 'apply-second' journeys (`scripts/nginx-test-config.ts`).
 */
const { app: PORT, upstream: UPSTREAM_PORT, nginx: NGINX_PORT, secondApp: SECOND_PORT } = e2ePorts();
const HOST = '127.0.0.1';
const baseURL = `http://${HOST}:${PORT}/`;
/**
 * KSeF TEST, for the server's relay: a TCP forwarder to this server's own sandbox that the fault
 * journeys switch off and on (`e2e/support/switchable-upstream.ts`, which derives the same port).
 */
const UPSTREAM_FORWARDER_PORT = PORT + 5;
/** Short, so "KSeF is slow" takes seconds: the relay answers 504 upstream-timeout after this. */
const RELAY_TIMEOUT_MS = 3_000;
const chromium = { browserName: 'chromium' as const, launchOptions: chromiumLaunchOptions() };
/** The journeys that drive the sandbox through its controls: the wizard's and the certificates screen's. */
const APPLY_SPECS = /(apply-[^/]*|certificates)\.spec\.ts$/;
/**
 * The wizard's journeys that run against a second app server with a sandbox of its own, so that two
 * of them run at once without one's controls reaching the other. None of them uses the switchable
 * upstream or the clock; new journeys go to the first server unless listed here.
 */
const SECOND_SERVER_SPECS =
  /apply-(resume|renewal|keyboard|external-signature|words|offline|back|files|auth-test)\.spec\.ts$/;
/** Journeys that advance the sandbox clock (it never goes back). */
const CLOCK_SPECS = /apply-(session|token-expiry)\.spec\.ts$/;
/** The app served by deploy/nginx/ksef-cert.conf, as scripts/nginx-e2e.ts runs it. */
const NGINX_SPECS = /nginx-[^/]*\.spec\.ts$/;

/**
 * End-to-end journeys against the production build, served exactly as `npm start` serves it, in the
 * system Chromium (Playwright never downloads a browser here). Fixtures are made with openssl in
 * `e2e/global-setup.ts`.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL,
    acceptDownloads: true,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: [APPLY_SPECS, NGINX_SPECS],
      use: chromium,
    },
    // The sandbox's controls (limits, faults, timing, clock) are global to the server: the wizard's
    // journeys run one at a time, each starting from a reset sandbox.
    {
      name: 'apply',
      testMatch: APPLY_SPECS,
      testIgnore: [CLOCK_SPECS, SECOND_SERVER_SPECS],
      fullyParallel: false,
      workers: 1,
      use: chromium,
    },
    {
      name: 'apply-second',
      testMatch: SECOND_SERVER_SPECS,
      fullyParallel: false,
      workers: 1,
      use: { ...chromium, baseURL: `http://${HOST}:${SECOND_PORT}/` },
    },
    // The sandbox clock only moves forward: journeys that advance it run after every other journey.
    {
      name: 'apply-clock',
      testMatch: CLOCK_SPECS,
      dependencies: ['apply'],
      fullyParallel: false,
      workers: 1,
      use: chromium,
    },
    // The static build, the relay and the headers as nginx serves them with the shipped config;
    // TEST is relayed to the second Node server's sandbox.
    {
      name: 'nginx',
      testMatch: NGINX_SPECS,
      use: { ...chromium, baseURL: `http://${HOST}:${NGINX_PORT}/` },
    },
  ],
  // Playwright starts these one after another, each once its URL answers: the first builds dist/
  // when it is stale, the second finds it fresh, nginx serves it as it is.
  webServer: [
    {
      command: 'npm start',
      env: {
        PORT: String(PORT),
        HOST,
        KSEF_SANDBOX: '1',
        KSEF_SANDBOX_CONTROL: '1',
        KSEF_UPSTREAM_TEST: `http://${HOST}:${UPSTREAM_FORWARDER_PORT}/api/sandbox/v2`,
        KSEF_RELAY_TIMEOUT_MS: String(RELAY_TIMEOUT_MS),
      },
      url: baseURL,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
    // The 'apply-second' journeys' server: its own sandbox; its relay sends TEST to that sandbox directly.
    {
      command: 'npm start',
      env: {
        PORT: String(SECOND_PORT),
        HOST,
        KSEF_SANDBOX: '1',
        KSEF_SANDBOX_CONTROL: '1',
        KSEF_UPSTREAM_TEST: `http://${HOST}:${SECOND_PORT}/api/sandbox/v2`,
        KSEF_RELAY_TIMEOUT_MS: String(RELAY_TIMEOUT_MS),
      },
      url: `http://${HOST}:${SECOND_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
    // Its own server, so that the faults and limits the 'apply' journeys set never reach nginx's.
    {
      command: 'npm start',
      env: { PORT: String(UPSTREAM_PORT), HOST, KSEF_SANDBOX: '1', KSEF_SANDBOX_CONTROL: '1' },
      url: `http://${HOST}:${UPSTREAM_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
    // Stopped with SIGTERM (not Playwright's default SIGKILL) so that it removes its prefix folder.
    {
      command: 'node --import tsx scripts/nginx-e2e.ts',
      env: { E2E_PORT: String(PORT) },
      url: `http://${HOST}:${NGINX_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
