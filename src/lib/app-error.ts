/**
 * The one error base of the app. Every error a pure module throws carries a stable `code` from a
 * string-literal union; the UI maps codes to text in `src/messages/` and never inspects `message`.
 *
 * `src/lib/` is a leaf: it imports nothing from the rest of `src/`, so `crypto/` and `ksef/` may use it
 * without breaking the one direction of imports.
 */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}
