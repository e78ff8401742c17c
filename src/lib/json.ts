/**
 * `JSON.parse` for text from outside (storage, a response body): `undefined` when the text is not JSON
 * (a value JSON cannot produce), so callers check its shape next with zod. Anything but a SyntaxError
 * is a bug and is rethrown.
 */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    if (cause instanceof SyntaxError) return undefined;
    throw cause;
  }
}
