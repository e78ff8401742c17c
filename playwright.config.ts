import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/** `E2E_PORT` lets two runs share a machine; the default is what CI uses. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
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
/** The application wizard's journeys: they drive the sandbox through its controls. */
const APPLY_SPECS = /apply-[^/]*\.spec\.ts$/;
/** Journeys that advance the sandbox clock (it never goes back). */
const CLOCK_SPECS = /apply-(session|token-expiry)\.spec\.ts$/;

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
      testIgnore: APPLY_SPECS,
      use: chromium,
    },
    // The sandbox's controls (limits, faults, timing, clock) are global to the server: the wizard's
    // journeys run one at a time, each starting from a reset sandbox.
    {
      name: 'apply',
      testMatch: APPLY_SPECS,
      testIgnore: CLOCK_SPECS,
      fullyParallel: false,
      workers: 1,
      use: chromium,
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
  ],
  webServer: {
    command: 'npm start',
    env: {
      PORT: String(PORT),
      HOST,
      KSEF_SANDBOX_CONTROL: '1',
      KSEF_UPSTREAM_TEST: `http://${HOST}:${UPSTREAM_FORWARDER_PORT}/api/sandbox/v2`,
      KSEF_RELAY_TIMEOUT_MS: String(RELAY_TIMEOUT_MS),
    },
    url: baseURL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
