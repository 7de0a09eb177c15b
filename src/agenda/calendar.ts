/**
 * A member's deadlines as an iCalendar file (RFC 5545, written by ical-generator): one all-day event per dated
 * deadline not yet met, with an alarm the reminder days before. A calendar is meant to be imported into — and then
 * synced through — third-party servers, so an event names the client by initials and the short file reference only
 * (src/agenda/messages.ts), and its UID is a digest that says nothing. It is an authenticated download, never a
 * public feed URL: a feed would carry the member's deadlines to whoever holds the link.
 */
import { createHash } from 'node:crypto';
import ical, { ICalAlarmType } from 'ical-generator';
import type { AgendaEntry } from './load.ts';
import { calendarSummary, fileLink, type Language, ruleLines } from './messages.ts';

export interface CalendarOptions {
  readonly language: Language;
  readonly orgId: string;
  readonly reminderDays: number;
  readonly publicUrl: string | undefined;
  readonly now: Date;
}

const NAMES: Record<Language, string> = { en: 'otkaz: deadlines', ru: 'otkaz: сроки' };

/** The stable UID of a deadline's event: a digest of the organisation and the deadline's key (which names nobody). */
export function eventUid(orgId: string, key: string): string {
  return `${createHash('sha256').update(`${orgId}\u0000${key}`).digest('hex').slice(0, 32)}@otkaz`;
}

export function deadlineCalendar(entries: readonly AgendaEntry[], options: CalendarOptions): string {
  const calendar = ical({ name: NAMES[options.language], prodId: { company: 'otkaz', product: 'deadlines', language: options.language.toUpperCase() } });
  for (const entry of entries) {
    if (!entry.due || entry.done) continue;
    const link = fileLink(options.publicUrl, entry.clientId);
    calendar.createEvent({
      id: eventUid(options.orgId, entry.key),
      start: entry.due,
      allDay: true,
      stamp: options.now,
      summary: calendarSummary(entry, options.language),
      description: ruleLines(entry, options.language).join('\n'),
      ...(link ? { url: link } : {}),
      alarms: [{ type: ICalAlarmType.display, trigger: options.reminderDays * 86_400 }],
    });
  }
  return calendar.toString();
}
