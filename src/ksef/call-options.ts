/** Options every operation takes. */
export interface CallOptions {
  /** Cancels the call, its retries and its waits; the call then fails with 'aborted'. */
  readonly signal?: AbortSignal;
}
