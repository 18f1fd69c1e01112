import type { I2cpError } from '@i2cp/data';

/** What a queue's owner learns about the fate of each item (both optional). */
export interface QueueHooks<T> {
  /**
   * The consumer is done with an item it was given: it asked for the next one, or left the loop
   * (`break`, `return()`, or the iteration ended). Called once per item given out.
   */
  readonly consumed?: (item: T) => void;
  /** An item left the queue without ever being given out (dropped when full, or thrown away on release). */
  readonly dropped?: (item: T) => void;
}

/**
 * A single-consumer async iterable with a fixed capacity. When full, the oldest item is dropped
 * (the router cannot be paused per session without stalling lease-set requests, which a real
 * router punishes by closing the connection); `dropped` counts what was lost.
 */
export class BoundedQueue<T> implements AsyncIterable<T> {
  readonly capacity: number;
  #items: T[] = [];
  #head = 0;
  #waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  #ended = false;
  #error: I2cpError | undefined;
  #dropped = 0;
  #iterating = false;
  #released = false;
  /** The item last given to the consumer, until it comes back for the next one (or leaves). */
  #current: { readonly item: T } | undefined;
  readonly #onRelease: (() => void) | undefined;
  readonly #hooks: QueueHooks<T>;

  constructor(capacity: number, onRelease?: () => void, hooks: QueueHooks<T> = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`queue capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.#onRelease = onRelease;
    this.#hooks = hooks;
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  get dropped(): number {
    return this.#dropped;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Adds an item; false if the queue has ended (the item is discarded). */
  push(item: T): boolean {
    if (this.#ended) return false;
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      this.#waiter = undefined;
      this.#current = { item };
      waiter.resolve({ value: item, done: false });
      return true;
    }
    if (this.size >= this.capacity) {
      const oldest = this.#items[this.#head] as T;
      this.#items[this.#head] = undefined as T;
      this.#head++;
      this.#dropped++;
      this.#hooks.dropped?.(oldest);
    }
    this.#items.push(item);
    this.#compact();
    return true;
  }

  /** Ends iteration after the buffered items; with an error, the consumer gets it once they are read. */
  end(error?: I2cpError): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    const waiter = this.#waiter;
    if (waiter === undefined) return;
    this.#waiter = undefined;
    if (error === undefined) waiter.resolve({ value: undefined, done: true });
    else waiter.reject(error);
  }

  /** Takes every buffered item out (used to hand a backlog to a new consumer). */
  drain(): T[] {
    const items = this.#items.slice(this.#head);
    this.#items = [];
    this.#head = 0;
    return items;
  }

  #compact(): void {
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }

  /** The consumer came back: it is done with the item it was given last. */
  #settleCurrent(): void {
    const current = this.#current;
    if (current === undefined) return;
    this.#current = undefined;
    this.#hooks.consumed?.(current.item);
  }

  #next(): Promise<IteratorResult<T>> {
    if (this.#waiter === undefined) this.#settleCurrent();
    if (this.size > 0) {
      const value = this.#items[this.#head] as T;
      this.#current = { item: value };
      this.#items[this.#head] = undefined as T;
      this.#head++;
      if (this.#head === this.#items.length) {
        this.#items = [];
        this.#head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.#ended) {
      this.#notifyRelease();
      const error = this.#error;
      if (error !== undefined) {
        this.#error = undefined;
        return Promise.reject(error);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    if (this.#waiter !== undefined) return Promise.reject(new Error('BoundedQueue: next() called while a previous next() is pending'));
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  #release(): IteratorResult<T> {
    this.#settleCurrent();
    if (!this.#ended) this.end();
    this.#error = undefined;
    const left = this.#items.slice(this.#head);
    this.#items = [];
    this.#head = 0;
    if (this.#hooks.dropped !== undefined) for (const item of left) this.#hooks.dropped(item);
    this.#notifyRelease();
    return { value: undefined, done: true };
  }

  #notifyRelease(): void {
    if (this.#released) return;
    this.#released = true;
    this.#onRelease?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#iterating) throw new Error('BoundedQueue: already being iterated (one consumer per queue)');
    this.#iterating = true;
    return {
      next: () => this.#next(),
      return: () => Promise.resolve(this.#release()),
    };
  }
}
