import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * Two projects: `node` runs every unit test (crypto against Node's WebCrypto and @peculiar/webcrypto,
 * plus the openssl/xmlsec1 oracles); `chromium` runs the crypto suite again in real Chromium.
 * Files named `*.node.test.ts` need Node (child processes, fs) and run only in the first.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'chromium',
          include: ['tests/crypto/**/*.test.ts', 'tests/lib/**/*.test.ts'],
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
