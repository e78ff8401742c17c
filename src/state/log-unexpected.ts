/**
 * Logs an unexpected failure by name and stack frames only: messages of parser errors can quote the
 * bytes they choked on, and no key, token or password may reach a log. The message is cut out of the
 * stack first, since a line of a multi-line message can look like a frame.
 */
export function logUnexpected(what: string, error: unknown): void {
  if (error instanceof Error) {
    const stack = error.message === '' ? (error.stack ?? '') : (error.stack ?? '').split(error.message).join('');
    const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
    console.error(`ksef-cert: ${what} (${error.name})`, frames.join('\n'));
  } else {
    console.error(`ksef-cert: ${what} (${typeof error})`);
  }
}
