// A failed statistics upload names the file as uploaded and never the server's temporary folder (where uploads are
// written to be read), whatever went wrong: not a statistics file, a corrupt or truncated gzip, bytes that are not
// UTF-8, a bad value, no observations, a file name that is not a file (those answer 500 until upload names are
// checked, finding 4 of issue #11 — but even then without the path).
import assert from 'node:assert/strict';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { ENGINES } from '../helpers/engines.ts';

const OPERATOR = 'operator-token-0123456789abcdef';
const directory = loadDirectory();
const kb = loadKnowledgeBase();

const CASES: Array<[string, string, Buffer]> = [
  ['not a statistics file', 'notes.csv', Buffer.from('hello,world\n1,2\n')],
  ['a truncated gzip', 'series.tsv.gz', gzipSync(Buffer.from('freq,unit\\TIME_PERIOD\t2022 \n'.repeat(2000))).subarray(0, 200)],
  ['a corrupt gzip', 'series.tsv.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(64, 0x41)])],
  ['bytes that are not UTF-8', 'latin1.tsv', Buffer.from([...Buffer.from('freq,unit\\TIME_PERIOD\t2022 \nA,PER\t'), 0xe9, 0x0a])],
  ['a bad value', 'broken.tsv', Buffer.from('freq,unit\\TIME_PERIOD\t2022 \nA,PER\tnot-a-number \n')],
  ['an empty file body', 'empty.tsv', Buffer.from('\n')],
  ['a name that is the folder itself', '.', Buffer.from('x')],
  ['a name that is the folder above', '..', Buffer.from('x')],
];

for (const engine of ENGINES) {
  describe(`statistics upload errors on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      app = await buildApp({
        config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_OPERATOR_TOKEN: OPERATOR, OTKAZ_RATE_LIMIT: '0' }),
        db,
        directory,
        kb,
      });
    });
    after(async () => {
      await app.close();
      await drop();
    });

    for (const [what, filename, payload] of CASES) {
      it(`${what}: the answer never names the server's temporary folder`, async () => {
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/operations/stats/import?filename=${encodeURIComponent(filename)}`,
          headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/octet-stream' },
          payload,
        });
        assert.doesNotMatch(res.body, /otkaz-upload-/, 'the temporary folder');
        assert.ok(!res.body.includes(`${os.tmpdir()}/`), `the system's temporary folder: ${res.body}`);
        if (res.statusCode < 500 && filename.length > 2) assert.match(res.body, new RegExp(filename.replace(/\./g, '\\.')), 'names the file as uploaded');
      });
    }
  });
}
