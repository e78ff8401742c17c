/** A WebCrypto implementation under test, with a name for test titles. */
export interface Engine {
  readonly name: string;
  readonly crypto: Crypto;
}

const inBrowser = typeof window !== 'undefined';

/**
 * The WebCrypto engines every crypto test runs against: in Node, Node's built-in WebCrypto and
 * `@peculiar/webcrypto`; in the browser project, the real Chromium one. Pass `engine.crypto` to the
 * function under test (the seam is a parameter, nothing is patched). `@peculiar/webcrypto` is built on
 * Node's crypto module, so it is loaded only in Node.
 */
export const engines: readonly Engine[] = inBrowser
  ? [{ name: 'chromium', crypto: globalThis.crypto }]
  : [
      { name: 'node', crypto: globalThis.crypto },
      { name: 'peculiar', crypto: new (await import('@peculiar/webcrypto')).Crypto() },
    ];
