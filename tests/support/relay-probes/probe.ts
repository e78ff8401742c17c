/**
 * One relay probe: a request a browser (or anyone) could send to `/api/...`, what the imitation of
 * KSeF answers if the relay calls it, and what must come back. The same table runs against the Node
 * relay and against nginx with deploy/nginx/ksef-cert.conf (tests/deploy/relay-probes.node.test.ts),
 * so the two relays' counts compare.
 */

/** Stands for the relay's own origin (`http://127.0.0.1:<port>`) in a probe's header values. */
export const SAME_ORIGIN = '{same-origin}';

/** What the imitation of KSeF answers. */
export interface UpstreamAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** Bytes as latin1 (a compressed body stays exact). */
  readonly body: string;
  /** Answer only after this long (the relay should have given up by then). */
  readonly delayMs?: number;
}

export const DEFAULT_ANSWER: UpstreamAnswer = {
  status: 200,
  headers: { 'Content-Type': 'application/json' },
  body: '{"answer":"from KSeF"}',
};

export interface ProbeRequest {
  readonly method: string;
  /** Sent as is, not normalised: `/api/test/v2/...`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Send the body with `Transfer-Encoding: chunked` instead of a `Content-Length`. */
  readonly chunked?: boolean;
}

export interface ProbeExpectation {
  readonly status: number;
  /** The relay answered itself: this `{"error": ...}` body and no upstream call at all. */
  readonly error?: string;
  /** KSeF was not called (an answer that is not the relay's own, e.g. a path outside `/api/`). */
  readonly notRelayed?: boolean;
  /** The relay called KSeF exactly once, for this path and query below the upstream's base. */
  readonly forwarded?: {
    readonly path: string;
    /** Headers KSeF must get, with these values. */
    readonly headers?: Readonly<Record<string, string>>;
    /** Headers of the request whose values must not reach KSeF (absent or replaced). */
    readonly withheld?: readonly string[];
    /** The body KSeF must get, byte for byte (`''`: none). */
    readonly body?: string;
  };
  /** Response headers that must be there with exactly this value. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Response headers whose upstream value must not reach the client. */
  readonly withheld?: Readonly<Record<string, string>>;
  /** The body the client reads (decoded). */
  readonly body?: string;
}

export interface RelayProbe {
  readonly name: string;
  readonly request: ProbeRequest;
  readonly upstream?: UpstreamAnswer;
  readonly expect: ProbeExpectation;
}

/** A reference number and a certificate serial in KSeF's formats (docs/ksef-contract.md §3.4). */
export const REFERENCE = '20250514-AU-1A2B3C4D5E-6F7A8B9C0D-1E';
export const SERIAL = '0123456789ABCDEF';
export const JSON_TYPE = { 'Content-Type': 'application/json' };

/** A request the relay answers itself with `status` and `{"error": error}`, never calling KSeF. */
export const refused = (name: string, method: string, path: string, status: number, error: string): RelayProbe => ({
  name,
  request: { method, path, headers: JSON_TYPE, ...(method === 'POST' ? { body: '{}' } : {}) },
  expect: { status, error },
});
