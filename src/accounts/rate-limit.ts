/**
 * The sign-in rate limit per client address: at most LOGIN_RATE.max attempts (password, code or passkey) in any
 * LOGIN_RATE.windowMs. Kept in the process's memory, one limiter per database handle (a server with several
 * processes multiplies the allowance by their number; the lock-out of an account, in the database, still holds).
 */
export const LOGIN_RATE = { max: 20, windowMs: 60_000 } as const;
const MAX_ADDRESSES = 10_000;

export class AttemptLimiter {
  readonly #attempts = new Map<string, number[]>();
  readonly max: number;
  readonly windowMs: number;
  constructor(max: number = LOGIN_RATE.max, windowMs: number = LOGIN_RATE.windowMs) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Counts an attempt from `address`; false when it is over the limit (the attempt is then not made). */
  take(address: string, now: Date): boolean {
    const since = now.getTime() - this.windowMs;
    const recent = (this.#attempts.get(address) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.#attempts.set(address, recent);
      return false;
    }
    recent.push(now.getTime());
    this.#attempts.delete(address);
    this.#attempts.set(address, recent);
    // Bounded memory: the address seen longest ago goes first.
    if (this.#attempts.size > MAX_ADDRESSES) {
      const oldest = this.#attempts.keys().next().value;
      if (oldest !== undefined) this.#attempts.delete(oldest);
    }
    return true;
  }

  /** Seconds until `address` may try again. */
  retryAfter(address: string, now: Date): number {
    const first = this.#attempts.get(address)?.[0];
    return first === undefined ? 0 : Math.max(1, Math.ceil((first + this.windowMs - now.getTime()) / 1000));
  }
}

const limiters = new WeakMap<object, AttemptLimiter>();

/** The limiter of a database handle (one per server). */
export function limiterFor(db: object): AttemptLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new AttemptLimiter();
    limiters.set(db, limiter);
  }
  return limiter;
}
