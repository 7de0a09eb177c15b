/** The watch's events — removals, restorations, changes between visits — for the watched courts or cases, newest first. */
import { z } from 'zod';
import { describeEvent, type WatchEvent, watchEvents } from '../../courts/watch/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { watchPolicy } from '../../policies/watch.ts';
import { WATCH_EVENT_COLUMNS, WatchEventSchema, WatchEventsInput, type WatchEventView } from './schemas.ts';

export function eventView(e: WatchEvent): WatchEventView {
  return { ...e, summary: describeEvent(e, 'en'), summary_ru: describeEvent(e, 'ru') };
}

export const watchEventsOperation = defineOperation({
  name: 'watch.events',
  summary: 'Removals from court sites, restorations and card changes of the watched courts or cases, newest first',
  input: WatchEventsInput,
  output: z.array(WatchEventSchema),
  policy: watchPolicy.read,
  surfaces: { api: true, cli: true },
  table: { fileName: 'watch-events.csv', columns: WATCH_EVENT_COLUMNS, rows: (rows) => rows },
  async run(ctx, input) {
    const events = await watchEvents(ctx.db, { courts: input.court, cases: input.case, kinds: input.kind, since: input.since, limit: input.limit });
    return events.map(eventView);
  },
});
