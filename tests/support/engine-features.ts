/**
 * What a WebCrypto engine under test implements, for the few places where engines differ by design.
 * Chromium implements AES-128 and AES-256 but not AES-192 (it rejects 192-bit keys).
 */
export async function supportsAes192(crypto: Crypto): Promise<boolean> {
  try {
    await crypto.subtle.importKey('raw', new Uint8Array(24), 'AES-CBC', false, ['decrypt']);
    return true;
  } catch (error) {
    if (error instanceof Error) return false;
    throw error;
  }
}
