/**
 * Eurostat asylum datasets (migr_asyappctza/m, migr_asydcfsta/q, migr_asydcfina): TSV of every header
 * generation, SDMX-CSV, JSON-stat, the eurostat R package's tidy CSV; persons, rounded to 5, flagged.
 * Readers: ../import/eurostat.ts.
 */
import { INDICATORS } from '../model.ts';
import type { SourceAdapter } from './adapter.ts';

const readers = () => import('../import/eurostat.ts');

/** Stored measures (both code lists map to these). */
const STORED = ['all', 'first_time', 'subsequent', 'total', 'positive', 'refugee_status', 'subsidiary', 'humanitarian', 'temporary_protection', 'rejected'];
/** UNHCR's words for the nearest Eurostat measure. */
const NEAREST: Record<string, string> = { new: 'first_time', repeat: 'subsequent' };

export const eurostat: SourceAdapter<'eurostat-tsv' | 'eurostat-csv' | 'eurostat-jsonstat'> = {
  id: 'eurostat',
  name: 'Eurostat',
  licence: 'Eurostat: re-use with attribution',
  formats: {
    'eurostat-tsv': { label: 'Eurostat TSV', input: 'text', read: async (text, hints) => (await readers()).readEurostatTsv(text, hints.file, hints.dataset) },
    'eurostat-csv': {
      label: 'Eurostat SDMX-CSV, eurostat R tidy CSV',
      input: 'text',
      read: async (text, hints) => (await readers()).readEurostatCsv(text, hints.file, hints.dataset),
    },
    'eurostat-jsonstat': {
      label: 'Eurostat JSON-stat',
      input: 'json',
      read: async (json, hints) => (await readers()).readEurostatJsonStat(json, hints.file, hints.dataset),
    },
  },
  detect({ text, firstLine, json }) {
    if (json)
      return /"class"\s*:\s*"dataset"/.test(text.slice(0, 4096)) || /"version"\s*:\s*"2\.0"/.test(text.slice(0, 4096))
        ? { format: 'eurostat-jsonstat', certainty: 'certain' }
        : null;
    if (/^[^\t]*\\(time|TIME_PERIOD)\t/i.test(firstLine) || /^[^\t]*\\(time|TIME_PERIOD)\s*$/i.test(firstLine))
      return { format: 'eurostat-tsv', certainty: 'certain' };
    if (/(^|,)"?DATAFLOW"?(,|$)/.test(firstLine) || /(^|,)OBS_VALUE(,|$)/.test(firstLine)) return { format: 'eurostat-csv', certainty: 'certain' };
    if (/(^|,)"?TIME_PERIOD"?(,|$)/.test(firstLine) && /(^|,)"?(values|geo)"?(,|$)/.test(firstLine)) return { format: 'eurostat-csv', certainty: 'certain' };
    return null;
  },
  measures(indicator, measure) {
    if (indicator !== 'applications' && indicator !== 'decisions') return null;
    const stored = NEAREST[measure] ?? measure;
    if (!STORED.includes(stored)) return null;
    return {
      measures: [stored],
      note: NEAREST[measure]
        ? `Eurostat has no "${measure}"; nearest: ${stored} (${INDICATORS[indicator].measures[stored]})`
        : (INDICATORS[indicator].measures[stored] ?? ''),
    };
  },
  // Eurostat publishes the EU aggregate itself: it is read as published (the others sum the member states).
  area: (area) => (area === 'EU27_2020' ? { codes: ['EU27_2020'], note: 'Eurostat EU27_2020 aggregate as published' } : null),
  describeMeasure: (measure) => measure,
  labelsLevels: false,
  fiscalYears: false,
  caveat: null,
  fetch: {
    base: 'https://ec.europa.eu',
    run: async (db, options, base, importFile) => (await import('../fetch/fetch.ts')).fetchEurostat(db, options, base, importFile),
  },
};
