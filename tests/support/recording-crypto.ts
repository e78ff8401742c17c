/** One `crypto.subtle` call: the method and, where it has one, the algorithm's name. */
export interface SubtleCall {
  readonly method: string;
  readonly algorithm: string | undefined;
}

function algorithmName(args: readonly unknown[], method: string): string | undefined {
  // importKey(format, keyData, algorithm, ...); the other methods take the algorithm first.
  const algorithm = method === 'importKey' ? args[2] : args[0];
  if (typeof algorithm === 'string') return algorithm;
  if (typeof algorithm === 'object' && algorithm !== null && 'name' in algorithm) return String(algorithm.name);
  return undefined;
}

/**
 * `crypto` (a WebCrypto implementation) with every `crypto.subtle` call recorded, in order: to show a
 * refusal made before any derivation, or the order derivations are handed to WebCrypto in.
 */
export function recordingCrypto(crypto: Crypto = globalThis.crypto): { crypto: Crypto; calls: SubtleCall[] } {
  const calls: SubtleCall[] = [];
  const subtle = new Proxy(crypto.subtle, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        calls.push({ method: String(name), algorithm: algorithmName(args, String(name)) });
        return Reflect.apply(value, target, args);
      };
    },
  });
  // Bound: Node's and Chromium's getRandomValues refuse any other `this`.
  const recording = Object.create(crypto, {
    subtle: { value: subtle },
    getRandomValues: { value: crypto.getRandomValues.bind(crypto) },
  }) as Crypto;
  return { crypto: recording, calls };
}
