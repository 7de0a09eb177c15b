// The source-adapter registry (src/asylum/sources/): one adapter per source id, each recognising its own formats
// (every sample and bundled file is read as the source it comes from), and the source-specific readings of
// measures and areas that the queries ask the adapter for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { detect } from '../../src/asylum/import/detect.ts';
import { SOURCES } from '../../src/asylum/model.ts';
import { series } from '../../src/asylum/query/series.ts';
import { SOURCE_ADAPTERS, sourceAdapter } from '../../src/asylum/sources/registry.ts';
import type { Queryable } from '../../src/db/database.ts';
import { ASSETS, SAMPLES } from '../helpers/asylum.ts';

/** The source each file name says it comes from (test/fixtures/asylum/SOURCES.md, assets/asylum/manifest.json). */
function expectedSource(name: string): string {
  if (/cbp|encounters/.test(name)) return 'cbp';
  if (/migr_|estat/.test(name)) return 'eurostat';
  if (/unhcr|rdf|asylum-/.test(name)) return 'unhcr';
  throw new Error(`no expected source for ${name}`);
}

function head(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').slice(0, 65536);
}

describe('source adapters', () => {
  it('one adapter per source id, under its own id', () => {
    assert.deepEqual(Object.keys(SOURCE_ADAPTERS).sort(), [...SOURCES].sort());
    for (const id of SOURCES) {
      assert.equal(sourceAdapter(id).id, id);
      assert.ok(Object.keys(sourceAdapter(id).formats).length > 0, id);
      const fetcher = sourceAdapter(id).fetch;
      // Legal-aid releases are made here (otkaz stats release) or received as files: nothing to download.
      if (id === 'legal_aid') assert.equal(fetcher, null);
      else assert.match(fetcher?.base ?? '', /^https:\/\//, id);
    }
  });

  it('every sample and bundled file is recognised as its source, in a format that source reads', () => {
    const files = [
      ...readdirSync(SAMPLES)
        .filter((f) => !f.endsWith('.md'))
        .map((f) => path.join(SAMPLES, f)),
      ...readdirSync(ASSETS)
        .filter((f) => f.endsWith('.gz'))
        .map((f) => path.join(ASSETS, f)),
    ];
    assert.ok(files.length >= 15);
    for (const file of files) {
      const found = detect(head(file), path.basename(file));
      assert.equal(found.adapter.id, expectedSource(path.basename(file)), path.basename(file));
      assert.ok(Object.hasOwn(found.adapter.formats, found.format), `${path.basename(file)}: ${found.format}`);
    }
  });

  it('a file no source claims is refused with every supported format named', () => {
    assert.throws(
      () => detect('hello,world\n1,2\n', 'notes.csv'),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'stats.format_unknown');
        for (const adapter of Object.values(SOURCE_ADAPTERS))
          for (const format of Object.values(adapter.formats)) assert.ok(error.message.includes(format.label), format.label);
        return true;
      },
    );
  });

  it('measures and areas as each source reads them', () => {
    assert.deepEqual(sourceAdapter('eurostat').measures('applications', 'new')?.measures, ['first_time']);
    assert.deepEqual(sourceAdapter('unhcr').measures('applications', 'first_time')?.measures, ['new']);
    assert.deepEqual(sourceAdapter('unhcr').measures('decisions', 'positive')?.measures, ['refugee_status', 'complementary']);
    assert.equal(sourceAdapter('cbp').measures('applications', 'all'), null);
    assert.equal(sourceAdapter('eurostat').measures('refugees', 'stock'), null);
    assert.deepEqual(sourceAdapter('cbp').area('WORLD')?.codes, ['USA']);
    assert.deepEqual(sourceAdapter('eurostat').area('EU27_2020')?.codes, ['EU27_2020']);
    assert.equal(sourceAdapter('unhcr').area('EU27_2020'), null);
  });
});

describe('series bounds', () => {
  // Refused before any statement runs: a database that answers nothing is enough.
  const db = { query: async () => assert.fail('no statement may run') } as unknown as Queryable;

  it('a month bound outside 01–12 is a coded error naming the flag (it used to return no rows)', async () => {
    for (const [flag, bound] of [
      ['--from', { from: '2024-13' }],
      ['--to', { to: '2024-00' }],
    ] as const) {
      await assert.rejects(series(db, { indicator: 'encounters', destinations: ['USA'], period: 'month', ...bound }), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'stats.query');
        assert.match(error.message, new RegExp(`not a month.*\\(${flag}\\)`));
        return true;
      });
    }
  });

  it('a bound of another basis is refused', async () => {
    await assert.rejects(series(db, { indicator: 'applications', destinations: ['DEU'], period: 'year', from: 'FY2023' }), /not a year/);
    await assert.rejects(series(db, { indicator: 'applications', destinations: ['DEU'], period: 'quarter', from: '2023-05' }), /not a quarter/);
  });
});
