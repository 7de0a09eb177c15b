/** "Today" as a calendar date in a time zone (the installation's OTKAZ_TIME_ZONE): a deadline is a date, not an instant. */
import type { PlainDate } from '../deadlines/dates.ts';

export function todayIn(timeZone: string, now: Date): PlainDate {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
