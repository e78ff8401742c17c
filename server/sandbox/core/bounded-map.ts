/** How long entries of one kind are kept, and how many at most. */
export interface Retention {
  /** Sandbox time after which an entry is dropped, counted from when it was added. */
  readonly ttlMs: number;
  /** Past this many entries, the oldest goes first. */
  readonly cap: number;
}

/** One addition, in the order of additions; `key` was added at `at` as its `serial`th addition. */
interface Added<K> {
  readonly key: K;
  readonly serial: number;
  readonly at: number;
}

/**
 * A Map that forgets, so the sandbox's memory stays bounded however many people sign in: an entry is
 * dropped `ttlMs` of sandbox time after it was added, and adding one to a full map drops the oldest.
 * Every entry of a map has the same TTL, so the order of additions is the order of expiry: a queue of
 * additions is pruned from its head, never walking the live entries (a Map's own iteration from the
 * front would step over the holes its deletions leave). Lookups do not prune; whoever reads an entry
 * still checks its own validity (a token's `validUntil`, a challenge's age).
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly retention: Retention;
  readonly #now: () => Date;
  /** The serial of each live key's addition; a queue item of another serial is stale. */
  readonly #serials = new Map<K, number>();
  #queue: Added<K>[] = [];
  #head = 0;
  #nextSerial = 0;

  /** `now` is the sandbox clock, so tests move expiry with it. */
  constructor(retention: Retention, now: () => Date) {
    super();
    this.retention = retention;
    this.#now = now;
  }

  override set(key: K, value: V): this {
    if (!this.#serials.has(key)) {
      const at = this.#now().getTime();
      this.prune(at);
      while (this.#serials.size >= this.retention.cap) this.#dropHead();
      const serial = this.#nextSerial++;
      this.#serials.set(key, serial);
      this.#queue.push({ key, serial, at });
    }
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.#serials.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.#serials.clear();
    this.#queue = [];
    this.#head = 0;
    super.clear();
  }

  /** Drops the entries older than the TTL at `now`. */
  prune(now: number = this.#now().getTime()): void {
    for (let item = this.#queue[this.#head]; item !== undefined; item = this.#queue[this.#head]) {
      if (this.#serials.get(item.key) === item.serial && now - item.at < this.retention.ttlMs) break;
      this.#dropHead();
    }
  }

  /** Removes the queue's head, and its entry when it is still that addition; compacts now and then. */
  #dropHead(): void {
    const item = this.#queue[this.#head++];
    if (item !== undefined && this.#serials.get(item.key) === item.serial) this.delete(item.key);
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
