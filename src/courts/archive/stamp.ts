/**
 * Trusted time stamps of the evidence archive (RFC 3161), batched: the body hashes of the captures not yet stamped
 * become the leaves of a Merkle tree (src/courts/archive/merkle.ts); one token of the time-stamping authority covers
 * its root; each capture keeps its place in the tree and its audit path. A capture's stamp then verifies offline,
 * by anyone: its body hashes to its sha256 (the leaf), the path leads from the leaf to the root, the token's message
 * imprint is the root, and the token's signature verifies against the TSA's CA (`openssl ts -verify -digest <root>
 * -in stamp.tsr -CAfile tsa-ca.pem`).
 *
 * What a stamp proves: that the capture's bytes (their SHA-256) existed no later than the token's time. It does not
 * prove that the court's server served them: that rests on how they were captured (the WARC records, the crawl log).
 * Only a qualified TSA's stamp has the presumption of accuracy and integrity of eIDAS (Reg. 910/2014) article 41; any
 * other may still not be refused as evidence only for being electronic.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database, Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { HttpError, httpPost } from '../../shared/http.ts';
import { merkleTree, rootFromProof } from './merkle.ts';
import { sha256Hex } from './store.ts';
import { acceptResponse, parseTimeStampResponse, readToken, TIMESTAMP_QUERY, TIMESTAMP_REPLY, timeStampRequest } from './tsp.ts';

/** Captures per token unless told otherwise: a tree of 4096 leaves has audit paths of 12 hashes. */
export const DEFAULT_STAMP_BATCH = 4096;
/** A TimeStampResp is a few kilobytes (the token and the TSA's certificates): anything far larger is refused. */
const MAX_RESPONSE_BYTES = 1 << 20;

export interface StampOptions {
  tsaUrl: string;
  /** See src/shared/http.ts userAgent: names otkaz and the operator's contact. */
  userAgent: string;
  /** Captures per token (per Merkle tree). */
  batchSize: number;
  timeoutMs?: number;
  now: () => Date;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface StampBatch {
  timestampId: number;
  captures: number;
  root: string;
  genTime: string;
  serial: string;
}

export interface StampReport {
  tsaUrl: string;
  captures: number;
  batches: StampBatch[];
}

/** Asks the TSA for one token over `imprint` and checks the answer (granted, same imprint, same nonce). */
export async function requestTimestamp(options: Omit<StampOptions, 'batchSize' | 'now'>, imprint: Uint8Array) {
  const request = timeStampRequest(imprint);
  const post = () =>
    httpPost(
      {
        userAgent: options.userAgent,
        timeoutMs: options.timeoutMs ?? 30_000,
        maxBodyBytes: MAX_RESPONSE_BYTES,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      },
      options.tsaUrl,
      { body: request.der, contentType: TIMESTAMP_QUERY, accept: TIMESTAMP_REPLY },
    );
  let answer: Awaited<ReturnType<typeof httpPost>>;
  try {
    // Asked again once after a network failure (a kept-alive connection the server had closed just then): asking twice
    // is harmless, the TSA only issues a second token for the same imprint and nonce, and one answer is kept.
    answer = await post().catch((error: unknown) => {
      if (error instanceof HttpError && error.kind === 'network') return post();
      throw error;
    });
  } catch (error) {
    if (error instanceof HttpError)
      throw new OtkazError(ErrorCode.TimestampFetch, `the time-stamping authority did not answer: ${error.message}`, { where: options.tsaUrl, cause: error });
    throw error;
  }
  if (answer.status !== 200)
    throw new OtkazError(ErrorCode.TimestampFetch, `the time-stamping authority answered HTTP ${answer.status} ${answer.statusText}`.trim(), {
      where: options.tsaUrl,
    });
  const response = parseTimeStampResponse(answer.bytes);
  return { ...acceptResponse(response, request, options.tsaUrl), response: answer.bytes };
}

function hexBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/**
 * Stamps every capture that has no stamp yet, `batchSize` at a time, oldest first: one token per batch, stored with
 * each capture's audit path in one transaction. A failure stops the run; the batches before it stay stamped.
 */
export async function stampCaptures(db: Database, options: StampOptions): Promise<StampReport> {
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new OtkazError(ErrorCode.Usage, 'the batch size must be a positive whole number');
  const report: StampReport = { tsaUrl: options.tsaUrl, captures: 0, batches: [] };
  let after = 0;
  for (;;) {
    const rows = await db.query<{ id: number; sha256: string }>(
      `select c.id, c.sha256 from captures c
        where c.id > $1 and not exists (select 1 from capture_stamps s where s.capture_id = c.id)
        order by c.id limit $2`,
      [after, options.batchSize],
    );
    const last = rows[rows.length - 1];
    if (!last) break;
    after = last.id;
    const { root, proofs } = merkleTree(rows.map((r) => hexBytes(r.sha256)));
    const { response, tstInfo } = await requestTimestamp(options, root);
    const ids = rows.map((r) => r.id);
    const places = rows.map((_, i) => i);
    const paths = proofs.map((proof) => Buffer.concat(proof).toString('hex'));
    const timestampId = await db.transaction(async (tx) => {
      const [stamp] = await tx.query<{ id: number }>(
        `insert into timestamps (tsa_url, root, leaves, response, gen_time, serial, policy, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [options.tsaUrl, hex(root), rows.length, response, tstInfo.genTime.toISOString(), tstInfo.serial, tstInfo.policy, options.now().toISOString()],
      );
      if (!stamp) throw new Error('the time stamp was not stored');
      await tx.query(
        `insert into capture_stamps (capture_id, timestamp_id, leaf_index, proof)
         select c, $1, i, decode(p, 'hex') from unnest($2::bigint[], $3::int[], $4::text[]) as e(c, i, p)`,
        [stamp.id, ids, places, paths],
      );
      return stamp.id;
    });
    report.captures += rows.length;
    report.batches.push({ timestampId, captures: rows.length, root: hex(root), genTime: tstInfo.genTime.toISOString(), serial: tstInfo.serial });
  }
  return report;
}

export interface CaptureStamp {
  timestampId: number;
  tsaUrl: string;
  /** The Merkle root the token covers (its SHA-256 message imprint), hexadecimal. */
  root: string;
  leaves: number;
  leafIndex: number;
  /** The audit path: sibling hashes from the leaf up, hexadecimal. */
  proof: string[];
  genTime: string;
  serial: string;
  policy: string;
  /** The TimeStampResp as received (a .tsr file), base64. */
  response: string;
}

/** The stored path (32-byte hashes, concatenated) as hexadecimal nodes; a ragged tail stays a short node (and fails). */
function splitProof(bytes: Uint8Array): string[] {
  const nodes: string[] = [];
  for (let at = 0; at < bytes.byteLength; at += 32) nodes.push(hex(bytes.subarray(at, at + 32)));
  return nodes;
}

/** A capture's stamps, oldest first (none: not stamped yet). Throws `input.not_found` for an unknown capture. */
export async function captureStamps(db: Queryable, captureId: number): Promise<{ captureId: number; sha256: string; stamps: CaptureStamp[] }> {
  const [capture] = await db.query<{ sha256: string }>('select sha256 from captures where id = $1', [captureId]);
  if (!capture) throw new OtkazError(ErrorCode.InputNotFound, `no capture ${captureId}`);
  const rows = await db.query<{
    id: number;
    tsa_url: string;
    root: string;
    leaves: number;
    leaf_index: number;
    proof: Uint8Array;
    gen_time: string;
    serial: string;
    policy: string;
    response: Uint8Array;
  }>(
    `select t.id, t.tsa_url, t.root, t.leaves, s.leaf_index, s.proof, t.gen_time, t.serial, t.policy, t.response
       from capture_stamps s join timestamps t on t.id = s.timestamp_id
      where s.capture_id = $1 order by t.gen_time, t.id`,
    [captureId],
  );
  return {
    captureId,
    sha256: capture.sha256,
    stamps: rows.map((r) => ({
      timestampId: r.id,
      tsaUrl: r.tsa_url,
      root: r.root,
      leaves: r.leaves,
      leafIndex: r.leaf_index,
      proof: splitProof(r.proof),
      genTime: new Date(r.gen_time).toISOString(),
      serial: r.serial,
      policy: r.policy,
      response: Buffer.from(r.response).toString('base64'),
    })),
  };
}

export type SignatureCheck = 'verified' | 'failed' | 'not_checked';

export interface StampVerification {
  timestampId: number;
  genTime: string;
  tsaUrl: string;
  root: string;
  /** The audit path leads from the capture's sha256 to the stored root. */
  proofLeadsToRoot: boolean;
  /** The token's message imprint is that root (SHA-256), and its genTime the stored one. */
  tokenCoversRoot: boolean;
  signature: SignatureCheck;
  /** What `openssl ts -verify` said, or why the signature was not checked. */
  signatureDetail: string;
}

export interface VerifyStampReport {
  captureId: number;
  sha256: string;
  /** The stored body still hashes to the capture's sha256 (the leaf). */
  bodyMatchesHash: boolean;
  stamps: StampVerification[];
  /** Every check passed, the token's signature included. */
  verified: boolean;
}

function run(command: string, args: string[]): Promise<{ ok: boolean; output: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 30_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      const code = error && 'code' in error ? error.code : null;
      resolve({ ok: !error, output, missing: code === 'ENOENT' });
    });
  });
}

/** `openssl ts -verify -digest <root> -in <response> -CAfile <ca>`: the token's signature, by the TSA's CA. */
export async function opensslVerify(response: Uint8Array, rootHex: string, caFile: string): Promise<{ signature: SignatureCheck; detail: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'otkaz-stamp-'));
  try {
    const file = path.join(dir, 'stamp.tsr');
    await writeFile(file, response);
    const result = await run('openssl', ['ts', '-verify', '-digest', rootHex, '-in', file, '-CAfile', caFile]);
    if (result.missing) return { signature: 'not_checked', detail: 'openssl is not installed: the signature was not checked' };
    const said = result.output
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('Using configuration from'))
      .slice(0, 6)
      .join(' | ');
    return { signature: result.ok ? 'verified' : 'failed', detail: said || (result.ok ? 'Verification: OK' : 'openssl ts -verify failed') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Verifies a capture's stamps offline: its body against its sha256, each audit path against the stored root, the
 * token's imprint against the root, and, with the TSA's CA file, the token's signature (`openssl ts -verify`).
 */
export async function verifyCaptureStamp(db: Queryable, captureId: number, caFile: string | null): Promise<VerifyStampReport> {
  const { sha256, stamps } = await captureStamps(db, captureId);
  if (stamps.length === 0) throw new OtkazError(ErrorCode.InputNotFound, `capture ${captureId} has no time stamp yet (otkaz archive stamp)`);
  const [blob] = await db.query<{ body: Uint8Array }>('select body from blobs where sha256 = $1', [sha256]);
  const bodyMatchesHash = blob !== undefined && sha256Hex(blob.body) === sha256;
  const checks: StampVerification[] = [];
  for (const stamp of stamps) {
    const proof = stamp.proof.map(hexBytes);
    const recomputed =
      /^[0-9a-f]{64}$/.test(sha256) && stamp.proof.every((p) => /^[0-9a-f]{64}$/.test(p))
        ? rootFromProof(hexBytes(sha256), stamp.leafIndex, stamp.leaves, proof)
        : null;
    const proofLeadsToRoot = recomputed !== null && hex(recomputed) === stamp.root;
    const response = new Uint8Array(Buffer.from(stamp.response, 'base64'));
    let tokenCoversRoot = false;
    let detail = '';
    try {
      const parsed = parseTimeStampResponse(response);
      const info = parsed.token ? readToken(parsed.token) : null;
      tokenCoversRoot = info !== null && hex(info.imprint) === stamp.root && info.genTime.toISOString() === stamp.genTime;
      if (!info) detail = 'the stored answer holds no token';
    } catch (error) {
      detail = `the stored token does not read: ${(error as Error).message}`;
    }
    let signature: SignatureCheck = 'not_checked';
    if (!tokenCoversRoot) detail ||= "the token's imprint or time is not the stored root's";
    else if (!caFile) detail = 'no CA file given (OTKAZ_TSA_CA_FILE or --ca): the signature was not checked';
    else ({ signature, detail } = await opensslVerify(response, stamp.root, caFile));
    checks.push({
      timestampId: stamp.timestampId,
      genTime: stamp.genTime,
      tsaUrl: stamp.tsaUrl,
      root: stamp.root,
      proofLeadsToRoot,
      tokenCoversRoot,
      signature,
      signatureDetail: detail,
    });
  }
  const verified = bodyMatchesHash && checks.every((c) => c.proofLeadsToRoot && c.tokenCoversRoot && c.signature === 'verified');
  return { captureId, sha256, bodyMatchesHash, stamps: checks, verified };
}
