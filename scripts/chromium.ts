/**
 * The one place that says which Chromium the tests drive: Debian's `/usr/bin/chromium`, or the path
 * in `CHROMIUM_PATH`. Playwright never downloads a browser of its own.
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launch options for Playwright: the system Chromium, kept off the network it cannot reach. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return {
    executablePath: chromiumPath(),
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  };
}
