import { connect } from 'node:net';

/** One HTTP answer as it came off the wire, parsed by hand (no HTTP library to smooth it over). */
export interface RawAnswer {
  readonly status: number;
  /** Lower-case names; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The server closed the connection after this answer. */
  readonly closed: boolean;
  /** Bytes the client managed to write before the connection ended. */
  readonly written: number;
}

export interface RawOptions {
  /** Written once the first bytes are out, again and again until the server closes (an endless body). */
  readonly endless?: Buffer;
  /** Give up after this long. */
  readonly timeoutMs?: number;
}

/**
 * Sends `bytes` to 127.0.0.1:`port` on a fresh connection and collects everything the server sends
 * until it closes the connection (or, for a keep-alive answer, until one complete answer arrived).
 */
export function rawExchange(port: number, bytes: string | Buffer, options: RawOptions = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let written = 0;
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) {
        reject(new Error(`no complete answer: ${JSON.stringify(text.slice(0, 200))}`));
        return;
      }
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
      const raw = text.slice(end + 4);
      const body = headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw;
      resolve({ status, headers, body, closed, written });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 10_000);
    const pump = () => {
      while (!done && !socket.destroyed && options.endless !== undefined) {
        written += options.endless.length;
        if (!socket.write(options.endless)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.on('connect', () => {
      written += Buffer.byteLength(bytes);
      socket.write(bytes);
      pump();
    });
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1];
      const keepAlive = !/\r\nconnection: *close/i.test(text.slice(0, end));
      if (end >= 0 && keepAlive && length !== undefined && text.length >= end + 4 + Number(length)) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
  });
}

/** The data of a chunked body (RFC 9112 §7.1), up to the last chunk or as far as it arrived. */
function dechunk(raw: string): string {
  let data = '';
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) return data;
    const size = parseInt(raw.slice(at, lineEnd), 16);
    if (!(size > 0)) return data;
    data += raw.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}
