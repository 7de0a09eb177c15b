/**
 * The time, for code whose behaviour depends on how much of it passed (the response cache's version check):
 * production uses the system clock, tests a manual one they move themselves, so no test depends on how fast the
 * machine is.
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until moved (for tests). */
export class ManualClock implements Clock {
  constructor(private ms = 0) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
