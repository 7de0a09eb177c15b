// Property checks for the statistics readers: random and mutated files of every format never crash them —
// each input either reads (and every observation keeps its invariants) or fails with a typed stats error.
// Used by the CI test and by `npm run fuzz`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { readStatistics } from '../../src/asylum/import/detect.ts';
import { stringText } from '../../src/asylum/import/input.ts';
import { isIndicator } from '../../src/asylum/model.ts';
import { OtkazError } from '../../src/shared/errors.ts';
import { present } from '../../src/shared/present.ts';
import { ASSETS, SAMPLES } from '../helpers/asylum.ts';

const head = (file: string, chars = 3000) => {
  const text = gunzipSync(readFileSync(path.join(ASSETS, file))).toString('utf8');
  return text.slice(0, text.lastIndexOf('\n', chars) + 1);
};
const sample = (file: string) => readFileSync(path.join(SAMPLES, file), 'utf8');

/** One seed document per reader, with a file name that names its dataset where the format needs it. */
export const SEEDS: Array<{ name: string; text: string }> = [
  { name: 'unhcr_asylum_applications_RUS.csv', text: head('unhcr_asylum_applications_RUS.csv.gz') },
  { name: 'unhcr_asylum_decisions_RUS.csv', text: head('unhcr_asylum_decisions_RUS.csv.gz') },
  { name: 'asylum-applications_footnotes.csv', text: head('asylum-applications_footnotes.csv.gz') },
  { name: 'migr_asyappctza_tidy.csv', text: head('migr_asyappctza_RU_bulk-2024-01-18_tidy.csv.gz') },
  { name: 'cbp.csv', text: head('nationwide-encounters-fy22-fy25-state.csv.gz') },
  { name: 'rdf.csv', text: sample('rdf_with_preamble.csv') },
  { name: 'migr_asyappctza.tsv', text: sample('legacy_migr_asyappctza.tsv') },
  { name: 'estat_migr_asyappctzm_en.tsv', text: sample('estat_migr_asyappctzm_en.tsv') },
  { name: 'sdmx.csv', text: sample('migr_asydcfsta_sdmx.csv') },
  { name: 'jsonstat.json', text: sample('migr_asyappctza_jsonstat.json') },
  { name: 'unhcr_api.json', text: sample('unhcr_api_asylum-decisions_page.json') },
  { name: 'cbp_aor.csv', text: sample('cbp_aor_fy23-fy26-nov_sample.csv') },
];

const PIECES = [
  ',',
  '\t',
  '"',
  '\n',
  '\r\n',
  ':',
  ' p',
  ': c',
  'RU',
  'XX',
  'QQQ',
  '-',
  'NA',
  '""',
  '{',
  '}',
  '[',
  ']',
  '2022',
  'FY',
  '(FYTD)',
  '\\time',
  '-1',
  '1e9',
  '0n',
  'ä',
  '\uFEFF',
];

/** A seed document with random edits: cuts, duplications, splices of format characters and noise. */
export const mutatedStats = fc
  .record({
    seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
    edits: fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 60 }), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 10 })) }), {
      minLength: 1,
      maxLength: 6,
    }),
  })
  .map(({ seed, edits }) => {
    const { name, text: original } = present(SEEDS[seed], `seed ${seed}`);
    let text = original;
    for (const edit of edits) {
      const at = text.length ? edit.at % text.length : 0;
      text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
    }
    return { name, text };
  });

/** Random text with a header of one of the formats, so the readers (not only detection) see it. */
export const headedNoise = fc
  .record({
    seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
    body: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 60 }),
  })
  .map(({ seed, body }) => {
    const { name, text } = present(SEEDS[seed], `seed ${seed}`);
    return { name, text: text.slice(0, text.indexOf('\n') + 1) + body.join('') };
  });

const PERIOD = /^\d{4}(-Q[1-4]|-\d{2})?$/;

/** Reads an input fully; returns normally or throws an OtkazError with a stats code. Anything else is a bug. */
export async function checkStats(input: { name: string; text: string }): Promise<void> {
  try {
    const parsed = await readStatistics(stringText(input.text), { file: input.name });
    for await (const batch of parsed.observations) {
      for (const o of batch) {
        if (!isIndicator(o.indicator)) throw new Error(`bad indicator ${o.indicator}`);
        if (!PERIOD.test(o.period)) throw new Error(`bad period ${o.period}`);
        if (!/^[A-Z0-9_]{3,}$/.test(o.origin) || !/^[A-Z0-9_]{3,}$/.test(o.destination)) throw new Error(`bad area ${o.origin}/${o.destination}`);
        if (o.value !== null && !Number.isFinite(o.value)) throw new Error(`bad value ${o.value}`);
        if (!(o.line >= 1)) throw new Error(`bad line ${o.line}`);
      }
    }
    if (parsed.footnotes) for await (const f of parsed.footnotes) if (typeof f.text !== 'string') throw new Error('bad footnote');
  } catch (error) {
    if (error instanceof OtkazError && error.code.startsWith('stats.')) return;
    throw error;
  }
}

export async function runStatsProperties(numRuns: number, seed?: number): Promise<void> {
  const params = { numRuns, ...(seed === undefined ? {} : { seed }) };
  await fc.assert(fc.asyncProperty(mutatedStats, checkStats), params);
  await fc.assert(fc.asyncProperty(headedNoise, checkStats), params);
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => checkStats({ name: 'random.csv', text })),
    params,
  );
}
