// `otkaz evidence packet --case N --out FILE` (#15) on a SYNTHETIC card: the zip is written, the export is recorded
// and named in the output; bad input is a coded error naming what is wrong, and nothing is written.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../../src/courts/synthetic/pages.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

describe('otkaz evidence packet', () => {
  useTempDataDir('otkaz-evidence-cli-');
  const dir = tempDir('otkaz-evidence-out-');

  it('writes the packet of a case and records the export; refuses a missing folder, case or Chromium', async () => {
    const [card] = syntheticPages(
      generateCases({ seed: 3, count: 1, courts: ['61GV0001'], from: '2025-01-01', to: '2025-03-31' }),
      loadDirectory(),
      'directory',
    ).filter((p) => p.kind === 'case_card');
    assert.ok(card);
    const page = path.join(dir, 'synthetic-card.html');
    writeFileSync(page, card.bytes);
    const ingest = await cli('ingest', page);
    assert.equal(ingest.code, 0, ingest.err);
    const listed = await cli('cases', 'list', '--json');
    assert.equal(listed.code, 0, listed.err);
    const caseId = (JSON.parse(listed.out) as { rows: { id: number }[] }).rows[0]?.id;
    assert.ok(caseId);

    const out = path.join(dir, 'packet.zip');
    const made = await cli('evidence', 'packet', '--case', String(caseId), '--out', out);
    assert.equal(made.code, 0, made.err);
    assert.match(
      made.out,
      new RegExp(`wrote the evidence packet of case #${caseId} to .*packet\\.zip: export #1, 1 capture\\(s\\), 0 time-stamp token\\(s\\)`),
    );
    assert.match(made.out, /MANIFEST\.sha256 has SHA-256 [0-9a-f]{64}/);
    assert.match(made.out, /VERIFY-en\.txt/);
    assert.ok(existsSync(out));
    const again = await cli('evidence', 'packet', '--case', String(caseId), '--out', path.join(dir, 'again.zip'), '--json');
    assert.equal(again.code, 0, again.err);
    assert.equal((JSON.parse(again.out) as { exportId: number }).exportId, 2, 'each export has its number');

    const noFolder = await cli('evidence', 'packet', '--case', String(caseId), '--out', path.join(dir, 'missing', 'p.zip'));
    assert.equal(noFolder.code, 2);
    assert.match(noFolder.err, /input\.not_found.*no folder/);
    const noCase = await cli('evidence', 'packet', '--case', '4242', '--out', path.join(dir, 'x.zip'));
    assert.equal(noCase.code, 2);
    assert.match(noCase.err, /no case #4242/);
    const badCase = await cli('evidence', 'packet', '--case', 'abc', '--out', path.join(dir, 'x.zip'));
    assert.equal(badCase.code, 2);
    assert.match(badCase.err, /--case/);
    process.env.OTKAZ_CHROMIUM = path.join(dir, 'no-chromium-here');
    const noBrowser = await cli('evidence', 'packet', '--case', String(caseId), '--out', path.join(dir, 'x.zip'));
    delete process.env.OTKAZ_CHROMIUM;
    assert.equal(noBrowser.code, 3);
    assert.match(noBrowser.err, /evidence\.browser_missing.*OTKAZ_CHROMIUM/s);
    assert.deepEqual(readdirSync(dir).sort(), ['again.zip', 'packet.zip', 'synthetic-card.html'], 'nothing else written');
  });
});
