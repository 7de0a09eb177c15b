/**
 * US CBP Nationwide Encounters (state and AOR CSV files): monthly, by US fiscal year, one destination (the USA);
 * encounters are events, not people. Reader: ../import/cbp.ts.
 */
import { INDICATORS } from '../model.ts';
import type { SourceAdapter } from './adapter.ts';

export const cbp: SourceAdapter<'cbp-csv'> = {
  id: 'cbp',
  name: 'US CBP',
  licence: 'US federal government work',
  formats: {
    'cbp-csv': { label: 'CBP encounters CSV', input: 'text', read: async (text, hints) => (await import('../import/cbp.ts')).readCbpCsv(text, hints.file) },
  },
  detect: ({ firstLine, json }) => (!json && /^"?Fiscal Year"?,/.test(firstLine) ? { format: 'cbp-csv', certainty: 'certain' } : null),
  measures: (indicator, measure) =>
    indicator === 'encounters' && measure === 'total' ? { measures: ['total'], note: INDICATORS.encounters.measures.total ?? '' } : null,
  // The whole of the data is one destination: "the world" is the USA.
  area: (area) => (area === 'WORLD' ? { codes: ['USA'], note: null } : null),
  describeMeasure: (measure) => measure,
  labelsLevels: false,
  fiscalYears: true,
  caveat: 'encounters are events, not people',
  fetch: {
    base: 'https://www.cbp.gov',
    run: async (db, options, base, importFile) => (await import('../fetch/fetch.ts')).fetchCbp(db, options, base, importFile),
  },
};
