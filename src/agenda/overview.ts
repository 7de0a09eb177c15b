/**
 * The overview of deadlines on a given day: overdue (the last day has passed, not met), due this week (today and
 * the six days after it), later, and those without a date (suspended by legal aid, a date missing, an input the
 * engine refused) — which a lawyer must see as much as the dated ones. Met deadlines are counted, not listed.
 * Pure: "today" is an argument (src/agenda/today.ts takes it in the installation's time zone).
 */
import { addDays, daysBetween, type PlainDate } from '../deadlines/dates.ts';
import type { ApplicationDeadline } from './deadlines.ts';

export const BUCKETS = ['overdue', 'thisWeek', 'later', 'undetermined'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** The days "this week" spans: today and the next six. */
export const WEEK_DAYS = 7;

export function bucketOf(deadline: Pick<ApplicationDeadline, 'due' | 'done'>, today: PlainDate): Bucket | null {
  if (deadline.done) return null;
  if (!deadline.due) return 'undetermined';
  if (deadline.due < today) return 'overdue';
  if (deadline.due <= addDays(today, WEEK_DAYS - 1)) return 'thisWeek';
  return 'later';
}

export interface Overview<T> {
  readonly today: PlainDate;
  readonly overdue: T[];
  readonly thisWeek: T[];
  readonly later: T[];
  readonly undetermined: T[];
  /** Deadlines met (the next stage filed, or marked done). */
  readonly done: number;
}

/** Sorts the items into the buckets, each by due date (then key), with the days left (negative: overdue). */
export function overview<T extends Pick<ApplicationDeadline, 'due' | 'done' | 'key'>>(
  items: readonly T[],
  today: PlainDate,
): Overview<T & { daysLeft: number | null }> {
  const out: Overview<T & { daysLeft: number | null }> = { today, overdue: [], thisWeek: [], later: [], undetermined: [], done: 0 };
  const sorted = [...items].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.key.localeCompare(b.key));
  for (const item of sorted) {
    const bucket = bucketOf(item, today);
    if (bucket === null) {
      (out as { done: number }).done += 1;
      continue;
    }
    out[bucket].push({ ...item, daysLeft: item.due ? daysBetween(today, item.due) : null });
  }
  return out;
}
