import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * Three projects: `node` runs every unit test (crypto against Node's WebCrypto and @peculiar/webcrypto,
 * plus the openssl/xmlsec1 oracles); `node-older-shapes` runs the Node journeys again against older KSeF
 * answers; `chromium` runs the crypto suite again in real Chromium.
 * Files named `*.node.test.ts` need Node (child processes, fs) and run only in the first; files named
 * `*.browser.test.ts` need a browser (Web Workers) and run only in the last.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.browser.test.ts'],
          testTimeout: 60_000,
        },
      },
      // The Node journeys again, against the older answer shape real KSeF TEST sent in January 2026
      // (docs/ksef-contract.md §14a; tests/support/answer-shapes.ts).
      {
        test: {
          name: 'node-older-shapes',
          environment: 'node',
          include: ['tests/state/apply/journeys.node.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          provide: { ksefAnswerShape: 'january-2026' },
        },
      },
      {
        test: {
          name: 'chromium',
          include: ['tests/crypto/**/*.test.ts', 'tests/lib/**/*.test.ts', 'tests/workers/**/*.test.ts'],
          exclude: ['tests/**/*.node.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
