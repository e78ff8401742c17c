/**
 * The few node-forge modules the legacy ciphers use, imported one by one so the bundle carries RC2,
 * DES and MD5 only (node-forge ships no types; these describe the calls we make and nothing more).
 */
declare module 'node-forge/lib/util.js' {
  export interface ByteStringBuffer {
    getBytes(): string;
  }
  const util: {
    createBuffer(bytes: string): ByteStringBuffer;
    binary: { raw: { encode(bytes: Uint8Array): string; decode(binary: string): Uint8Array<ArrayBuffer> } };
  };
  export default util;
}

declare module 'node-forge/lib/forge-cipher' {
  import type { ByteStringBuffer } from 'node-forge/lib/util.js';
  /** A CBC decipher; `finish(pad)` with a pad function that returns true leaves the padding to the caller. */
  export interface ForgeDecipher {
    start(iv: ByteStringBuffer): void;
    update(input: ByteStringBuffer): void;
    finish(pad: () => boolean): boolean;
    readonly output: ByteStringBuffer;
  }
}

declare module 'node-forge/lib/rc2.js' {
  import type { ForgeDecipher } from 'node-forge/lib/forge-cipher';
  import type { ByteStringBuffer } from 'node-forge/lib/util.js';
  const rc2: { createDecryptionCipher(key: ByteStringBuffer, effectiveBits: number): ForgeDecipher };
  export default rc2;
}

declare module 'node-forge/lib/des.js' {
  import type { ForgeDecipher } from 'node-forge/lib/forge-cipher';
  import type { ByteStringBuffer } from 'node-forge/lib/util.js';
  const des: { createDecryptionCipher(key: ByteStringBuffer, mode: 'CBC'): ForgeDecipher };
  export default des;
}
