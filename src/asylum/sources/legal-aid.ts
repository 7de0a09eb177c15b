/**
 * Legal-aid case files: the anonymised releases otkaz makes of the case files of the organisations that share
 * statistics (src/disclosure, docs/disclosure.md). One indicator of its own, `clients` (persons), by military
 * status, stage and outcome; never summed with UNHCR, Eurostat or CBP figures (no other source has the indicator,
 * and this one has no other). Reader: ../import/legal-aid.ts.
 */
import { INDICATORS } from '../model.ts';
import type { SourceAdapter } from './adapter.ts';

export const legalAid: SourceAdapter<'otkaz-release-json'> = {
  id: 'legal_aid',
  name: 'Legal-aid case files',
  licence: 'as published by the sharing organisations (anonymised release)',
  formats: {
    'otkaz-release-json': {
      label: 'otkaz anonymised statistics release (JSON)',
      input: 'json',
      read: async (json, hints) => (await import('../import/legal-aid.ts')).readRelease(json, hints.file),
    },
  },
  detect: ({ text, json }) =>
    json && /"format"\s*:\s*"otkaz-anonymised-statistics"/.test(text) ? { format: 'otkaz-release-json', certainty: 'certain' } : null,
  measures: (indicator, measure) => {
    if (indicator !== 'clients') return null;
    const note = INDICATORS.clients.measures[measure];
    return note ? { measures: [measure], note: `${note} — clients of the organisations that share statistics only` } : null;
  },
  // A release states countries and the all-destination total (WORLD); a sum over members would add withheld cells as 0.
  area: (area) =>
    area === 'WORLD' || /^[A-Z]{3}$/.test(area) ? { codes: [area], note: null } : { codes: [area], note: 'releases state countries and the total only' },
  describeMeasure: (measure) => measure,
  labelsLevels: false,
  fiscalYears: false,
  caveat: 'only clients of the legal-aid organisations that share statistics, not all (military) applicants; withheld counts (c) are not zeros',
  fetch: null,
};
