import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { type LocalTsa, startLocalTsa } from '../helpers/tsa.ts';

describe('otkaz archive stamp / verify-stamp', () => {
  useTempDataDir('otkaz-stamp-cli-');
  let tsa: LocalTsa;
  before(async () => {
    tsa = await startLocalTsa();
  });
  after(() => tsa.close());

  it('refuses to stamp without a TSA or a contact, naming the setting', async () => {
    delete process.env.OTKAZ_TSA_URL;
    const none = await cli('archive', 'stamp');
    assert.equal(none.code, 2);
    assert.match(none.err, /OTKAZ_TSA_URL/);
    process.env.OTKAZ_TSA_URL = tsa.url;
    delete process.env.OTKAZ_CRAWL_CONTACT;
    const anonymous = await cli('archive', 'stamp');
    assert.equal(anonymous.code, 2);
    assert.match(anonymous.err, /OTKAZ_CRAWL_CONTACT/);
  });

  it('stamps the captures, then verifies one offline, signature included, and says what a stamp proves', async () => {
    for (const page of ['leninsky_ufa_criminal.html', 'blag_card.html']) {
      const ingest = await cli('ingest', path.join(FIXTURES, 'courts', page));
      assert.equal(ingest.code, 0, ingest.err);
    }
    process.env.OTKAZ_TSA_URL = tsa.url;
    process.env.OTKAZ_CRAWL_CONTACT = 'archive@example.org';
    const stamped = await cli('archive', 'stamp', '--batch', '1');
    assert.equal(stamped.code, 0, stamped.err);
    assert.match(stamped.out, /stamped 2 capture\(s\) in 2 token\(s\)/);
    assert.match(stamped.out, /not that the court's server served them/);
    assert.match(tsa.lastUserAgent() ?? '', /^otkaz\/.*contact: archive@example\.org/);
    assert.match((await cli('archive', 'stamp')).out, /every capture is stamped already/);

    const unsigned = await cli('archive', 'verify-stamp', '1');
    assert.equal(unsigned.code, 0, 'nothing failed');
    assert.match(unsigned.out, /signature: not checked \(no CA file/);
    assert.match(unsigned.out, /not fully verified/);

    const verified = await cli('archive', 'verify-stamp', '2', '--ca', tsa.caFile, '--json');
    assert.equal(verified.code, 0, verified.err);
    const report = JSON.parse(verified.out) as { verified: boolean; stamps: { signature: string }[] };
    assert.equal(report.verified, true);
    assert.equal(report.stamps[0]?.signature, 'verified');
    process.env.OTKAZ_TSA_CA_FILE = tsa.caFile;
    const text = await cli('archive', 'verify-stamp', '2');
    assert.match(text.out, /verified: the capture's bytes existed no later than the stamp's time/);
    assert.match(text.out, /qualified TSA/);

    // Under another CA the signature fails: exit status 4, coded.
    const stranger = await startLocalTsa();
    try {
      const failed = await cli('archive', 'verify-stamp', '2', '--ca', stranger.caFile);
      assert.equal(failed.code, 4);
      assert.match(failed.out, /token signature: FAILED/);
      assert.match(failed.err, /archive\.stamp_unverified/);
    } finally {
      await stranger.close();
    }
    const unknown = await cli('archive', 'verify-stamp', '99');
    assert.equal(unknown.code, 2);
  });
});
