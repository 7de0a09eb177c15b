import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { merkleTree, rootFromProof } from '../../src/courts/archive/merkle.ts';
import { captureStamps, opensslVerify, requestTimestamp, stampCaptures, verifyCaptureStamp } from '../../src/courts/archive/stamp.ts';
import { storeCapture } from '../../src/courts/archive/store.ts';
import { parseTimeStampResponse, timeStampRequest } from '../../src/courts/archive/tsp.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bundledKnowledgeBase } from '../helpers/kb.ts';
import { type LocalTsa, startLocalTsa } from '../helpers/tsa.ts';

const UA = 'otkaz/0.1 (evidence archive time stamps; contact: archive@example.org)';
const NOW = () => new Date('2026-12-03T12:00:00Z');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function run(args: string[]): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => execFile('openssl', args, (error, stdout, stderr) => resolve({ ok: !error, out: `${stdout}${stderr}` })));
}

async function withFiles<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'otkaz-ts-test-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function codeOf(error: unknown): string | null {
  return error instanceof OtkazError ? error.code : null;
}

/** A TimeStampResp with a status and no token (a refusal). */
function refusal(status: number, failBit: number): Uint8Array {
  const bits = new Uint8Array(4);
  bits[failBit >> 3] = 0x80 >> (failBit & 7);
  const statusInfo = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: status }),
      new asn1js.Sequence({ value: [new asn1js.Utf8String({ value: 'not today' })] }),
      new asn1js.BitString({ valueHex: bits, unusedBits: 0 }),
    ],
  });
  return new Uint8Array(new asn1js.Sequence({ value: [statusInfo] }).toBER(false));
}

/**
 * The byte ranges of a TimeStampResp that the TSA's signature covers, directly or through its certificate: the
 * TSTInfo, the TSA's certificate (bound by the ESS signing-certificate attribute), the signed attributes and the
 * signature. The rest of CMS is not signed — the status, the other certificates of the bag (the CA's copy: the
 * verifier trusts its own CA file instead), the signer's issuer-and-serial — so a changed byte there may verify.
 */
function signedRanges(stored: Uint8Array): [number, number][] {
  const response = new Uint8Array(stored); // a buffer of its own, at offset 0: the views' offsets are positions in it
  const at = (node: asn1js.AsnType): [number, number] => {
    const view = node.valueBeforeDecodeView;
    return [view.byteOffset, view.byteOffset + view.byteLength];
  };
  const kids = (node: asn1js.AsnType | undefined): asn1js.AsnType[] => (node as asn1js.Sequence).valueBlock.value;
  const top = kids(asn1js.fromBER(response).result);
  const signedData = kids(kids(kids(top[1])[1])[0]);
  const eContent = kids(kids(signedData[2])[1])[0] as asn1js.AsnType;
  const tsaCert = kids(signedData[3])[0] as asn1js.AsnType;
  const signerInfo = kids(kids(signedData[signedData.length - 1])[0]);
  const signedAttrs = signerInfo.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0) as asn1js.AsnType;
  const signature = signerInfo[signerInfo.length - 1] as asn1js.AsnType;
  return [at(eContent), at(tsaCert), at(signedAttrs), at(signature)];
}

describe('RFC 3161 codec and the local openssl TSA', () => {
  let tsa: LocalTsa;
  before(async () => {
    tsa = await startLocalTsa();
  });
  after(() => tsa.close());

  it('writes a request openssl reads: SHA-256 imprint, the nonce, certReq yes, version 1', async () => {
    const imprint = new Uint8Array(32).fill(0x5a);
    const request = timeStampRequest(imprint, 0x1234567890abcdefn);
    const text = await withFiles(async (dir) => {
      await writeFile(path.join(dir, 'q.tsq'), request.der);
      return (await run(['ts', '-query', '-in', path.join(dir, 'q.tsq'), '-text'])).out;
    });
    assert.match(text, /Version: 1/);
    assert.match(text, /Hash Algorithm: sha256/);
    assert.match(text, /Nonce: 0x1234567890ABCDEF/i);
    assert.match(text, /Certificate required: yes/);
    assert.match(text.replace(/\s+/g, ' '), /5a 5a 5a 5a/i);
  });

  it('gets a token that covers the root, with the nonce, and that openssl ts -verify accepts with the CA', async () => {
    const { root } = merkleTree([new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)]);
    const { token, tstInfo, response } = await requestTimestamp({ tsaUrl: tsa.url, userAgent: UA }, root);
    assert.equal(tsa.lastUserAgent(), UA, 'the User-Agent names otkaz and the contact');
    assert.equal(hex(tstInfo.imprint), hex(root));
    assert.equal(tstInfo.policy, '1.3.6.1.4.1.99999.1');
    assert.ok(token.byteLength > 100);
    assert.deepEqual((await opensslVerify(response, hex(root), tsa.caFile)).signature, 'verified');
    const other = new Uint8Array(root);
    other[0] = (other[0] ?? 0) ^ 1;
    assert.equal((await opensslVerify(response, hex(other), tsa.caFile)).signature, 'failed', 'not for another root');
    // A CA that did not sign the TSA's certificate.
    const stranger = await startLocalTsa();
    try {
      assert.equal((await opensslVerify(response, hex(root), stranger.caFile)).signature, 'failed', 'not under another CA');
    } finally {
      await stranger.close();
    }
  });

  it('refuses a rejection, a token for another query (imprint, nonce), garbage and an HTTP error, each with its code', async () => {
    const root = new Uint8Array(32).fill(3);
    const attempt = async (answer: (query: Uint8Array) => Promise<{ status: number; body: Uint8Array }>): Promise<string | null> => {
      tsa.override(answer);
      try {
        await requestTimestamp({ tsaUrl: tsa.url, userAgent: UA }, root);
        return 'accepted';
      } catch (error) {
        return codeOf(error);
      } finally {
        tsa.override(null);
      }
    };
    assert.equal(await attempt(async () => ({ status: 200, body: refusal(2, 0) })), ErrorCode.TimestampRefused);
    const foreignImprint = async () => ({ status: 200, body: await tsa.reply(timeStampRequest(new Uint8Array(32).fill(4), 77n).der) });
    assert.equal(await attempt(foreignImprint), ErrorCode.TimestampMismatch);
    // The same imprint, but the answer to an earlier request (a replay): its nonce is not this request's.
    const replay = await tsa.reply(timeStampRequest(root, 12345n).der);
    assert.equal(await attempt(async () => ({ status: 200, body: replay })), ErrorCode.TimestampMismatch);
    assert.equal(await attempt(async () => ({ status: 200, body: Uint8Array.of(0x30, 0x03, 0x02, 0x01) })), ErrorCode.TimestampInvalid);
    assert.equal(await attempt(async () => ({ status: 500, body: new Uint8Array() })), ErrorCode.TimestampFetch);
    const refused = parseTimeStampResponse(refusal(2, 25));
    assert.equal(refused.statusName, 'rejection');
    assert.deepEqual(refused.failures, ['systemFailure']);
    assert.deepEqual(refused.statusText, ['not today']);
  });

  it('an unreachable TSA is a coded error, after the timeout at most', async () => {
    const closed = await startLocalTsa();
    const url = closed.url;
    await closed.close();
    await assert.rejects(
      requestTimestamp({ tsaUrl: url, userAgent: UA, timeoutMs: 2000 }, new Uint8Array(32)),
      (e: unknown) => codeOf(e) === ErrorCode.TimestampFetch,
    );
  });
});

for (const engine of ENGINES) {
  describe(`trusted time stamps, batched: ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let tsa: LocalTsa;
    const ids: number[] = [];
    before(async () => {
      ({ db, drop } = await engine.create());
      tsa = await startLocalTsa();
      for (let i = 0; i < 23; i += 1) {
        const stored = await storeCapture(db, {
          bytes: new TextEncoder().encode(`<html>SYNTHETIC capture ${i}</html>`),
          url: `https://synthetic.example/page/${i}`,
          retrievedAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
          httpStatus: 200,
          httpHeaders: null,
          requestHeaders: null,
          contentType: 'text/html',
          source: 'synthetic',
          sourceRef: null,
          synthetic: true,
          pageKind: 'case',
          layout: null,
          courtVnkod: null,
        });
        ids.push(stored.id);
      }
    });
    after(async () => {
      await tsa.close();
      await drop();
    });

    it('stamps the unstamped captures in batches, one token each, and nothing twice', async () => {
      const before = tsa.requests();
      const report = await stampCaptures(db, { tsaUrl: tsa.url, userAgent: UA, batchSize: 10, now: NOW });
      assert.equal(report.captures, 23);
      assert.deepEqual(
        report.batches.map((b) => b.captures),
        [10, 10, 3],
      );
      assert.equal(tsa.requests() - before, 3, 'one request per batch');
      const again = await stampCaptures(db, { tsaUrl: tsa.url, userAgent: UA, batchSize: 10, now: NOW });
      assert.equal(again.captures, 0);
      assert.equal(tsa.requests() - before, 3, 'nothing left to stamp: no request');
    });

    it("openssl ts -verify accepts each batch's token for its root; every capture's proof recomputes the root", async () => {
      const roots = new Set<string>();
      for (const id of ids) {
        const { sha256, stamps } = await captureStamps(db, id);
        assert.equal(stamps.length, 1);
        const stamp = stamps[0];
        assert.ok(stamp);
        const recomputed = rootFromProof(
          Buffer.from(sha256, 'hex'),
          stamp.leafIndex,
          stamp.leaves,
          stamp.proof.map((p) => Buffer.from(p, 'hex')),
        );
        assert.equal(recomputed && hex(recomputed), stamp.root);
        if (roots.has(stamp.root)) continue;
        roots.add(stamp.root);
        // As a lawyer would, with the files alone: the .tsr, the root, the CA.
        const verdict = await withFiles(async (dir) => {
          await writeFile(path.join(dir, 'token.tsr'), Buffer.from(stamp.response, 'base64'));
          return run(['ts', '-verify', '-digest', stamp.root, '-in', path.join(dir, 'token.tsr'), '-CAfile', tsa.caFile]);
        });
        assert.ok(verdict.ok, verdict.out);
        assert.match(verdict.out, /Verification: OK/);
      }
      assert.equal(roots.size, 3);
      const report = await verifyCaptureStamp(db, ids[4] as number, tsa.caFile);
      assert.equal(report.verified, true, JSON.stringify(report));
      assert.equal(report.stamps[0]?.signature, 'verified');
      const unsigned = await verifyCaptureStamp(db, ids[4] as number, null);
      assert.equal(unsigned.verified, false, 'without a CA the signature is not checked, and it says so');
      assert.equal(unsigned.stamps[0]?.signature, 'not_checked');
      assert.equal(unsigned.stamps[0]?.proofLeadsToRoot, true);
      assert.equal(unsigned.stamps[0]?.tokenCoversRoot, true);
    });

    it('property: a tampered capture hash, proof node or token byte is detected, at any position', async () => {
      const saved = await db.query<{ capture_id: number; timestamp_id: number; proof: Uint8Array }>(
        'select capture_id, timestamp_id, proof from capture_stamps',
      );
      const tokens = await db.query<{ id: number; response: Uint8Array }>('select id, response from timestamps');
      const sha = new Map((await db.query<{ id: number; sha256: string }>('select id, sha256 from captures')).map((r) => [r.id, r.sha256]));
      await fc.assert(
        fc.asyncProperty(
          fc.nat(ids.length - 1),
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          fc.constantFrom('hash', 'proof', 'token'),
          async (pick, rawPos, flip, what) => {
            const id = ids[pick] as number;
            const row = saved.find((r) => r.capture_id === id);
            assert.ok(row);
            const token = tokens.find((t) => t.id === row.timestamp_id);
            assert.ok(token);
            try {
              if (what === 'hash') {
                // Another stored body's hash in the capture's row (the foreign key allows only a stored one).
                const other = sha.get(ids[(pick + 1 + (rawPos % (ids.length - 1))) % ids.length] as number);
                await db.query('update captures set sha256 = $1 where id = $2', [other, id]);
              } else if (what === 'proof') {
                if (row.proof.byteLength === 0) return;
                const proof = Buffer.from(row.proof);
                const at = rawPos % proof.byteLength;
                proof[at] = (proof[at] ?? 0) ^ flip;
                await db.query('update capture_stamps set proof = $1 where capture_id = $2', [proof, id]);
              } else {
                // Any byte of what the signature covers (see signedRanges), at a random place.
                const bytes = Buffer.from(token.response);
                const ranges = signedRanges(token.response);
                const total = ranges.reduce((sum, [a, b]) => sum + (b - a), 0);
                let offset = rawPos % total;
                let at = -1;
                for (const [a, b] of ranges) {
                  if (offset < b - a) {
                    at = a + offset;
                    break;
                  }
                  offset -= b - a;
                }
                bytes[at] = (bytes[at] ?? 0) ^ flip;
                await db.query('update timestamps set response = $1 where id = $2', [bytes, token.id]);
              }
              const report = await verifyCaptureStamp(db, id, tsa.caFile);
              assert.equal(report.verified, false, `${what} tampered at ${rawPos}: ${JSON.stringify(report)}`);
              if (what === 'proof') assert.equal(report.stamps[0]?.proofLeadsToRoot, false);
              if (what === 'hash') assert.ok(!report.bodyMatchesHash || !report.stamps[0]?.proofLeadsToRoot);
            } finally {
              await db.query('update captures set sha256 = $1 where id = $2', [sha.get(id), id]);
              await db.query('update capture_stamps set proof = $1 where capture_id = $2', [row.proof, id]);
              await db.query('update timestamps set response = $1 where id = $2', [token.response, token.id]);
            }
          },
        ),
        { numRuns: 60 },
      );
      assert.equal((await verifyCaptureStamp(db, ids[0] as number, tsa.caFile)).verified, true, 'untampered again');
    });

    it('a changed body no longer matches its stamped hash', async () => {
      const id = ids[7] as number;
      const [{ sha256 } = { sha256: '' }] = await db.query<{ sha256: string }>('select sha256 from captures where id = $1', [id]);
      const [{ body } = { body: new Uint8Array() }] = await db.query<{ body: Uint8Array }>('select body from blobs where sha256 = $1', [sha256]);
      try {
        await db.query('update blobs set body = $1 where sha256 = $2', [new TextEncoder().encode('<html>altered</html>'), sha256]);
        const report = await verifyCaptureStamp(db, id, tsa.caFile);
        assert.equal(report.bodyMatchesHash, false);
        assert.equal(report.verified, false);
        assert.equal(report.stamps[0]?.proofLeadsToRoot, true, 'the stamp itself is intact: the body is what changed');
      } finally {
        await db.query('update blobs set body = $1 where sha256 = $2', [body, sha256]);
      }
    });

    it("the API gives a capture's stamps as stored: token, root, proof (with the read token where reads are private)", async () => {
      const reader = 'reader-token-0123456789abcdefgh';
      const config = loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_READ_TOKEN: reader, OTKAZ_RATE_LIMIT: '0' });
      const app = await buildApp({ config, db, directory: loadDirectory(), kb: bundledKnowledgeBase() });
      try {
        const id = ids[11] as number;
        const url = `/api/v1/captures/${id}/stamps`;
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 401);
        const answer = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${reader}` } });
        assert.equal(answer.statusCode, 200, answer.body);
        assert.deepEqual(answer.json(), await captureStamps(db, id));
        const { stamps } = answer.json() as { stamps: { root: string; leafIndex: number; leaves: number; proof: string[] }[] };
        const stamp = stamps[0];
        assert.ok(stamp);
        assert.equal(stamp.leaves, 10);
        assert.equal(stamp.proof.length, 4, 'a leaf of a tree of 10 is 4 levels deep (or 2, for the last two)');
        const missing = await app.inject({ method: 'GET', url: '/api/v1/captures/999999/stamps', headers: { authorization: `Bearer ${reader}` } });
        assert.equal(missing.statusCode, 404);
      } finally {
        await app.close();
      }
    });

    it('a capture without a stamp, and an unknown one, are told apart', async () => {
      const stored = await storeCapture(db, {
        bytes: new TextEncoder().encode('<html>SYNTHETIC late capture</html>'),
        url: 'https://synthetic.example/late',
        retrievedAt: null,
        httpStatus: null,
        httpHeaders: null,
        requestHeaders: null,
        contentType: null,
        source: 'synthetic',
        sourceRef: null,
        synthetic: true,
        pageKind: 'case',
        layout: null,
        courtVnkod: null,
      });
      assert.deepEqual((await captureStamps(db, stored.id)).stamps, []);
      await assert.rejects(verifyCaptureStamp(db, stored.id, tsa.caFile), (e: unknown) => codeOf(e) === ErrorCode.InputNotFound);
      await assert.rejects(captureStamps(db, 999_999), (e: unknown) => codeOf(e) === ErrorCode.InputNotFound);
      // Stamped alone: a tree of one leaf, an empty proof.
      const report = await stampCaptures(db, { tsaUrl: tsa.url, userAgent: UA, batchSize: 100, now: NOW });
      assert.equal(report.captures, 1);
      const { stamps } = await captureStamps(db, stored.id);
      assert.deepEqual(stamps[0]?.proof, []);
      assert.equal((await verifyCaptureStamp(db, stored.id, tsa.caFile)).verified, true);
      const tsr = await readFile(tsa.caFile, 'utf8');
      assert.match(tsr, /BEGIN CERTIFICATE/, 'the CA file is a certificate; the private keys stay in the temporary folder');
    });
  });
}
