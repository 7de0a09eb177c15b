// A scheduler for the server's periodic work that a test drives by hand (src/agenda/schedule.ts): no timer runs,
// nothing depends on the wall clock; `fire()` is one tick of every live timer and settles when their runs are done.
import type { Scheduler } from '../../src/agenda/schedule.ts';

/** A scheduler whose ticks the test fires, awaiting each run. */
export class HandScheduler implements Scheduler {
  readonly timers: Array<{ ms: number; task: () => Promise<void>; cancelled: boolean }> = [];
  every(ms: number, task: () => Promise<void>) {
    const timer = { ms, task, cancelled: false };
    this.timers.push(timer);
    return {
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }
  /** One tick of every live timer; settles when their runs are done. */
  async fire(): Promise<void> {
    await Promise.all(this.timers.filter((t) => !t.cancelled).map((t) => t.task()));
  }
}
