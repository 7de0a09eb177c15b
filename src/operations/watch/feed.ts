/**
 * The watch as an Atom feed: the same events as watch.events, as entries (the route and the command render the XML,
 * with the origin the feed is read from). Only what the case pages show: no names at all.
 */
import { z } from 'zod';
import type { Feed } from '../../courts/watch/atom.ts';
import { describeEvent, watchEvents } from '../../courts/watch/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { watchPolicy } from '../../policies/watch.ts';
import { WatchScopeFields } from './schemas.ts';

export const WatchFeedInput = z
  .object({
    ...WatchScopeFields,
    lang: z.enum(['en', 'ru']).default('en').describe('the language of titles and summaries'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const WatchFeedSchema = z.object({
  scope: z.string(),
  title: z.string(),
  updated: z.string(),
  entries: z.array(z.object({ key: z.string(), title: z.string(), summary: z.string(), updated: z.string(), path: z.string(), category: z.string() })),
});

const TITLES = {
  en: { feed: 'otkaz: cases removed from court sites, and card changes', removed: 'Removed', restored: 'Back on the site', changed: 'Changed' },
  ru: { feed: 'otkaz: дела, удалённые с сайтов судов, и изменения карточек', removed: 'Удалено', restored: 'Снова на сайте', changed: 'Изменено' },
} as const;

export const watchFeedOperation = defineOperation({
  name: 'watch.feed',
  summary: 'Atom 1.0 feed of removals from court sites, restorations and card changes of the watched courts or cases',
  input: WatchFeedInput,
  output: WatchFeedSchema,
  policy: watchPolicy.read,
  surfaces: { api: true, cli: true },
  async run(ctx, input): Promise<Feed> {
    const events = await watchEvents(ctx.db, { courts: input.court, cases: input.case, limit: input.limit });
    const t = TITLES[input.lang];
    const scope = JSON.stringify({ court: input.court ?? null, case: input.case ?? null, lang: input.lang });
    return {
      scope,
      title: t.feed,
      // The newest event's time (a feed with none: the epoch — it never changed).
      updated: events[0]?.at ?? new Date(0).toISOString(),
      entries: events.map((e) => ({
        key: e.key,
        title: `${t[e.kind]}: ${e.case_number ?? `#${e.case_id}`}, ${e.court_name ?? e.court_vnkod}${e.synthetic ? ' (SYNTHETIC)' : ''}`,
        summary: describeEvent(e, input.lang),
        updated: e.at,
        path: `/cases/${e.case_id}`,
        category: e.kind,
      })),
    };
  },
});
