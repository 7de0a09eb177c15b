/**
 * UNHCR Refugee Data Finder / Refugee Statistics API: R-package and Refugee Data Finder CSV, API JSON; annual,
 * by procedure stage, in persons or cases. Readers: ../import/unhcr.ts.
 */

import { preambleOf } from '../import/unhcr-preamble.ts';
import { INDICATORS } from '../model.ts';
import type { SourceAdapter } from './adapter.ts';

const readers = () => import('../import/unhcr.ts');

const MEASURE_NAMES: Record<string, string> = { first_time: 'new (app_type N, nearest to first-time)', subsequent: 'repeat (app_type R)', all: 'all types' };

export const unhcr: SourceAdapter<'unhcr-csv' | 'unhcr-json'> = {
  id: 'unhcr',
  name: 'UNHCR',
  licence: 'CC BY 4.0',
  formats: {
    'unhcr-csv': {
      label: 'UNHCR R-package CSV, Refugee Data Finder CSV',
      input: 'text',
      read: async (text, hints, head) => (await readers()).readUnhcrCsv(text, hints.file, head),
    },
    'unhcr-json': { label: 'UNHCR API JSON', input: 'json', read: async (json, hints) => (await readers()).readUnhcrJson(json, hints.file) },
  },
  // Any JSON that no other source claims is read as API JSON, and a CSV with a year and ISO columns or a Refugee
  // Data Finder preamble as UNHCR CSV: the reader then names what is missing.
  detect({ text, firstLine, json }) {
    if (json) return { format: 'unhcr-json', certainty: 'fallback' };
    if (/^"?year"?,/.test(firstLine) && /coo_iso|coa_iso/.test(firstLine)) return { format: 'unhcr-csv', certainty: 'fallback' };
    if (preambleOf(text).lines > 0 || /^"?(Year|Footnote)"?,/.test(firstLine)) return { format: 'unhcr-csv', certainty: 'fallback' };
    return null;
  },
  measures(indicator, measure) {
    const own = INDICATORS[indicator].measures[measure];
    if (indicator === 'encounters' || indicator === 'clients') return null;
    if (indicator === 'applications') {
      if (measure === 'all') return { measures: null, note: 'UNHCR: sum of every application type and procedure stage reported' };
      if (measure === 'first_time' || measure === 'new')
        return {
          measures: ['new'],
          note: "UNHCR new applications (app_type N) — the national authority's count of new claims; the nearest to Eurostat first-time applicants",
        };
      if (measure === 'subsequent' || measure === 'repeat')
        return { measures: ['repeat'], note: 'UNHCR repeat applications (app_type R); nearest to Eurostat subsequent applicants' };
      if (measure === 'appeal' || measure === 'other') return { measures: [measure], note: own ?? '' };
      return null;
    }
    if (indicator === 'decisions') {
      if (measure === 'positive') return { measures: ['refugee_status', 'complementary'], note: 'UNHCR: recognised + complementary protection' };
      if (['total', 'refugee_status', 'complementary', 'rejected', 'otherwise_closed'].includes(measure)) return { measures: [measure], note: own ?? '' };
      return null;
    }
    return { measures: [measure], note: own ?? '' };
  },
  area: () => null,
  describeMeasure: (measure) => MEASURE_NAMES[measure] ?? measure,
  labelsLevels: true,
  fiscalYears: false,
  caveat: null,
  fetch: {
    base: 'https://api.unhcr.org',
    run: async (db, options, base, importFile) => (await import('../fetch/fetch.ts')).fetchUnhcr(db, options, base, importFile),
  },
};
