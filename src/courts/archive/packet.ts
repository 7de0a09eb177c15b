/**
 * The evidence packet of one case (#15): a zip that a lawyer hands to a court or an asylum authority, and that
 * anyone can check without otkaz. Inside one folder `case-<id>-export-<n>/`:
 *
 *   captures/capture-<id>.html|bin   each capture's bytes exactly as captured (their sha256 is the capture's)
 *   captures/capture-<id>.pdf        its rendering by headless Chromium, offline, with a banner on every page
 *   archive/case-<id>.warc, .wacz    the case's captures as WARC 1.1 and WACZ 1.1.1 (src/courts/archive/export.ts, wacz.ts)
 *   timestamps/stamp-<n>.tsr         each RFC 3161 token covering a capture (the TimeStampResp as received)
 *   timestamps/capture-<id>.proof.json  the capture's place in the stamped Merkle tree and its audit path
 *   timestamps/tsa-ca.pem            the TSA's CA certificate, when the installation knows it (OTKAZ_TSA_CA_FILE)
 *   VERIFY-en.txt, -ru, -de, -fr     the verification sheet (src/courts/archive/packet-sheet.ts)
 *   CUSTODY.txt                      every export of this case: who, when, what — this one last
 *   packet.json                      the same facts for programs
 *   translations/README.txt          where certified translations go
 *   MANIFEST.sha256                  `sha256sum -c` format: the SHA-256 of every other file
 *
 * Every packet is recorded in evidence_exports (migration 022) before its file appears: the chain of custody.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Database, Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { caseHead } from '../cases/read.ts';
import { exportWarc, SOFTWARE } from './export.ts';
import { leafHash, nodeHash } from './merkle.ts';
import { SHEET_LANGUAGES, type SheetCommand, type SheetFacts, type SheetProof, type SheetStamp, translationsNote, verificationSheet } from './packet-sheet.ts';
import { findChromium, type RenderCapture, renderCapturesPdf, utcText } from './render.ts';
import { type CaptureStamp, captureStamps } from './stamp.ts';
import { exportWacz } from './wacz.ts';

/** Who exported: the actor's kind, and a member's user id and organisation (src/ops/actor.ts). */
export interface Custodian {
  kind: 'local' | 'operator' | 'reader' | 'anonymous' | 'user';
  userId?: string;
  orgId?: string;
}

export interface PacketOptions {
  caseId: number;
  out: string;
  custodian: Custodian;
  surface: 'cli' | 'api';
  now: Date;
  /** OTKAZ_CHROMIUM */
  chromium?: string;
  /** OTKAZ_TSA_CA_FILE: shipped in the packet as timestamps/tsa-ca.pem. */
  tsaCaFile?: string;
}

export interface PacketReport {
  file: string;
  caseId: number;
  exportId: number;
  folder: string;
  captures: number;
  stamps: number;
  /** The packet's files (paths inside its folder), MANIFEST.sha256 included. */
  files: string[];
  manifestSha256: string;
}

export interface CustodyEntry {
  id: number;
  exported_at: string;
  actor_kind: string;
  actor_user_id: string | null;
  actor_org_id: string | null;
  surface: string;
  captures: number[];
  files: number;
  manifest_sha256: string;
}

/** The exports of a case, oldest first. */
export async function caseExports(db: Queryable, caseId: number): Promise<CustodyEntry[]> {
  const rows = await db.query<Omit<CustodyEntry, 'captures'> & { captures: (number | string)[] }>(
    `select id, exported_at, actor_kind, actor_user_id, actor_org_id, surface, captures, files, manifest_sha256
       from evidence_exports where case_id = $1 order by id`,
    [caseId],
  );
  // A bigint[] comes back as strings from node-postgres, as numbers from PGlite.
  return rows.map((r) => ({ ...r, captures: r.captures.map(Number) }));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/**
 * The audit path of a leaf as commands a person can run (`printf … | xxd -r -p | sha256sum`), each with the hash it
 * must print: RFC 9162 2.1.3.2, step by step. Null when the path does not lead to `root` (then it is not shipped as a
 * proof: the packet would lie).
 */
export function proofCommands(leafHex: string, index: number, size: number, proof: readonly string[], root: string): SheetCommand[] | null {
  const command = (bytesHex: string, result: Uint8Array): SheetCommand => ({
    command: `printf '%s' ${bytesHex} | xxd -r -p | sha256sum`,
    expect: `${hex(result)}  -`,
  });
  let r = leafHash(Buffer.from(leafHex, 'hex'));
  const steps: SheetCommand[] = [command(`00${leafHex}`, r)];
  let fn = index;
  let sn = size - 1;
  for (const p of proof) {
    if (!/^[0-9a-f]{64}$/.test(p) || sn === 0) return null;
    const sibling = Buffer.from(p, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      const before = hex(r);
      r = nodeHash(sibling, r);
      steps.push(command(`01${p}${before}`, r));
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      const before = hex(r);
      r = nodeHash(r, sibling);
      steps.push(command(`01${before}${p}`, r));
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hex(r) === root ? steps : null;
}

interface PacketCapture {
  id: number;
  url: string | null;
  retrieved_at: string | null;
  http_status: number | null;
  sha256: string;
  content_type: string | null;
  synthetic: boolean;
  body: Uint8Array;
}

const isHtml = (contentType: string | null): boolean => /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i.test(contentType ?? 'text/html');

function custodyText(entries: readonly CustodyEntry[], current: { id: number; at: string; custodian: Custodian; surface: string; captures: number[] }): string {
  const who = (kind: string, user: string | null | undefined, org: string | null | undefined) =>
    kind === 'user' ? `member ${user ?? '?'} of organisation ${org ?? '?'}` : kind === 'local' ? 'the command line (local data folder)' : `${kind} token`;
  const lines = [
    'CHAIN OF CUSTODY: every evidence packet of this case exported from otkaz, oldest first.',
    "Each line: export number, time (UTC), who, how (cli: the command line; api: a download), the captures, files, the SHA-256 of that packet's MANIFEST.sha256.",
    'An export that failed before its file was written leaves its number unused: numbers are not always consecutive.',
    '',
    ...entries.map(
      (e) =>
        `#${e.id}  ${utcText(e.exported_at)}  ${who(e.actor_kind, e.actor_user_id, e.actor_org_id)}  ${e.surface}  captures ${e.captures.join(', ')}  ${e.files} files  manifest ${e.manifest_sha256}`,
    ),
    `#${current.id}  ${utcText(current.at)}  ${who(current.custodian.kind, current.custodian.userId, current.custodian.orgId)}  ${current.surface}  captures ${current.captures.join(', ')}  THIS PACKET (its manifest's SHA-256 is recorded in otkaz's database)`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Writes the evidence packet of a case to `out` and records the export. The file appears (renamed from a partial
 * one) only once the record is written; any failure leaves neither. Coded errors: the case or its captures missing
 * (input.not_found), no Chromium (evidence.browser_missing), a page that does not render (evidence.render_failed).
 */
export async function writeEvidencePacket(db: Database, options: PacketOptions): Promise<PacketReport> {
  const head = await caseHead(db, options.caseId);
  const rows = await db.query<Omit<PacketCapture, 'body'> & { body: Uint8Array | null }>(
    `select p.id, p.url, p.retrieved_at, p.http_status, p.sha256, p.content_type, p.synthetic, b.body
       from captures p left join blobs b on b.sha256 = p.sha256
      where p.id in (select capture_id from case_history where case_id = $1) order by p.id`,
    [options.caseId],
  );
  if (rows.length === 0) throw new OtkazError(ErrorCode.InputNotFound, `case #${options.caseId} has no stored capture to put in a packet`);
  // A capture whose bytes are gone is named, never left out of the packet in silence.
  const captures: PacketCapture[] = rows.map((r) => {
    if (!r.body) throw new OtkazError(ErrorCode.ArchiveMismatch, `capture #${r.id} of case #${options.caseId} has no stored body`, { where: r.sha256 });
    return { ...r, body: r.body };
  });
  const chromium = findChromium(options.chromium);
  const caBytes = options.tsaCaFile
    ? await readFile(options.tsaCaFile).catch((cause: unknown) => {
        throw new OtkazError(ErrorCode.ConfigInvalid, "the TSA's CA certificate file cannot be read", {
          where: `OTKAZ_TSA_CA_FILE=${options.tsaCaFile}`,
          cause,
        });
      })
    : null;
  const [{ id: exportId } = { id: 0 }] = await db.query<{ id: number }>("select nextval('evidence_exports_id_seq')::bigint as id");
  const folder = `case-${options.caseId}-export-${exportId}`;
  const exportedAt = options.now.toISOString();
  const synthetic = head.synthetic || captures.some((c) => c.synthetic);
  const caseLabel = `#${head.id}${head.case_number ? ` (${head.case_number}${head.court_name ? `, ${head.court_name}` : ''})` : ''}`;

  const stampsOf = new Map<number, CaptureStamp[]>();
  for (const capture of captures) stampsOf.set(capture.id, (await captureStamps(db, capture.id)).stamps);

  const files = new Map<string, Uint8Array>();
  const captureFiles = captures.map((c) => ({
    ...c,
    file: `captures/capture-${c.id}.${isHtml(c.content_type) ? 'html' : 'bin'}`,
    pdf: `captures/capture-${c.id}.pdf`,
  }));
  for (const c of captureFiles) {
    if (sha256(c.body) !== c.sha256)
      throw new OtkazError(ErrorCode.ArchiveMismatch, `the stored body of capture #${c.id} no longer hashes to its sha256`, { where: c.sha256 });
    files.set(c.file, c.body);
  }

  const render: RenderCapture[] = captures.map((c) => {
    const first = stampsOf.get(c.id)?.[0];
    return {
      id: c.id,
      url: c.url,
      retrievedAt: c.retrieved_at,
      sha256: c.sha256,
      contentType: c.content_type,
      httpStatus: c.http_status,
      synthetic: c.synthetic,
      body: c.body,
      stamp: first ? { genTime: first.genTime, tsaUrl: first.tsaUrl, serial: first.serial } : null,
    };
  });
  const pdfs = await renderCapturesPdf(render, { caseLabel: `case ${caseLabel}` }, chromium);
  for (const c of captureFiles) {
    const pdf = pdfs.get(c.id);
    if (pdf) files.set(c.pdf, pdf);
  }

  const work = await mkdtemp(path.join(tmpdir(), 'otkaz-packet-'));
  const partial = `${options.out}.partial-${process.pid}`;
  let renamed = false;
  try {
    const warcName = `archive/case-${options.caseId}.warc`;
    const waczName = `archive/case-${options.caseId}.wacz`;
    await exportWarc(db, path.join(work, path.basename(warcName)), { caseId: options.caseId });
    await exportWacz(db, path.join(work, path.basename(waczName)), { caseId: options.caseId, now: options.now });
    files.set(warcName, await readFile(path.join(work, path.basename(warcName))));
    files.set(waczName, await readFile(path.join(work, path.basename(waczName))));

    const caFile = caBytes ? 'timestamps/tsa-ca.pem' : null;
    if (caFile && caBytes) files.set(caFile, caBytes);
    const stamps = new Map<number, SheetStamp>();
    const proofs: SheetProof[] = [];
    for (const c of captureFiles) {
      for (const stamp of stampsOf.get(c.id) ?? []) {
        const steps = proofCommands(c.sha256, stamp.leafIndex, stamp.leaves, stamp.proof, stamp.root);
        if (!steps)
          throw new OtkazError(ErrorCode.StampUnverified, `the stored proof of capture #${c.id} does not lead to the root of stamp #${stamp.timestampId}`, {
            where: `capture ${c.id}`,
          });
        const tsr = `timestamps/stamp-${stamp.timestampId}.tsr`;
        if (!stamps.has(stamp.timestampId)) {
          files.set(tsr, new Uint8Array(Buffer.from(stamp.response, 'base64')));
          stamps.set(stamp.timestampId, {
            timestampId: stamp.timestampId,
            file: tsr,
            root: stamp.root,
            genTime: utcText(stamp.genTime).replace(' UTC', ''),
            tsaUrl: stamp.tsaUrl,
            serial: stamp.serial,
            verify: {
              command: `openssl ts -verify -digest ${stamp.root} -in ${tsr} -CAfile ${caFile ?? 'TSA-CA.pem'}`,
              expect: 'Verification: OK',
            },
          });
        }
        const proofFile = `timestamps/capture-${c.id}.stamp-${stamp.timestampId}.proof.json`;
        files.set(
          proofFile,
          Buffer.from(
            `${JSON.stringify(
              {
                capture: c.id,
                leaf: c.sha256,
                hashing: 'RFC 6962: leaf = SHA-256(0x00 || leaf), node = SHA-256(0x01 || left || right)',
                leafIndex: stamp.leafIndex,
                leaves: stamp.leaves,
                path: stamp.proof,
                root: stamp.root,
                token: tsr,
                genTime: stamp.genTime,
                tsaUrl: stamp.tsaUrl,
                serial: stamp.serial,
                policy: stamp.policy,
              },
              null,
              2,
            )}\n`,
          ),
        );
        proofs.push({
          captureId: c.id,
          file: c.file,
          sha256: c.sha256,
          timestampId: stamp.timestampId,
          leafIndex: stamp.leafIndex,
          leaves: stamp.leaves,
          steps,
        });
      }
    }

    const facts: SheetFacts = {
      caseLabel,
      exportId,
      exportedAt: utcText(exportedAt).replace(' UTC', ''),
      synthetic,
      captures: captureFiles.map((c) => ({
        id: c.id,
        url: c.url,
        retrievedAt: c.retrieved_at ? utcText(c.retrieved_at) : null,
        sha256: c.sha256,
        file: c.file,
        pdf: c.pdf,
      })),
      stamps: [...stamps.values()],
      proofs,
      caFile,
      caFingerprint: caBytes ? certificateFingerprint(caBytes) : null,
    };
    for (const language of SHEET_LANGUAGES) files.set(`VERIFY-${language}.txt`, Buffer.from(verificationSheet(language, facts)));
    files.set('translations/README.txt', Buffer.from(translationsNote()));

    const previous = await caseExports(db, options.caseId);
    const captureIds = captures.map((c) => c.id);
    files.set(
      'CUSTODY.txt',
      Buffer.from(custodyText(previous, { id: exportId, at: exportedAt, custodian: options.custodian, surface: options.surface, captures: captureIds })),
    );
    files.set(
      'packet.json',
      Buffer.from(
        `${JSON.stringify(
          {
            software: SOFTWARE,
            synthetic,
            case: { id: head.id, case_number: head.case_number, court_vnkod: head.court_vnkod, court_name: head.court_name },
            export: { id: exportId, at: exportedAt, surface: options.surface, actor: options.custodian },
            captures: captureFiles.map((c) => ({
              id: c.id,
              url: c.url,
              retrieved_at: c.retrieved_at,
              http_status: c.http_status,
              sha256: c.sha256,
              content_type: c.content_type,
              synthetic: c.synthetic,
              file: c.file,
              pdf: c.pdf,
              stamps: (stampsOf.get(c.id) ?? []).map((s) => ({ timestampId: s.timestampId, genTime: s.genTime, root: s.root })),
            })),
            custody: previous.map((e) => ({ ...e, exported_at: new Date(e.exported_at).toISOString() })),
          },
          null,
          2,
        )}\n`,
      ),
    );

    const names = [...files.keys()].sort();
    const manifest = Buffer.from(names.map((name) => `${sha256(files.get(name) as Uint8Array)}  ${name}\n`).join(''));
    files.set('MANIFEST.sha256', manifest);
    const manifestSha256 = sha256(manifest);

    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(partial));
    for (const name of [...files.keys()].sort()) zip.addBuffer(Buffer.from(files.get(name) as Uint8Array), `${folder}/${name}`, { mtime: options.now });
    // An empty folder for the translations would not survive every unzip tool: its README.txt keeps it.
    zip.end();
    await written;

    await db.transaction(async (tx) => {
      await tx.query(
        `insert into evidence_exports (id, case_id, exported_at, actor_kind, actor_user_id, actor_org_id, surface, captures, files, manifest_sha256)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          exportId,
          options.caseId,
          exportedAt,
          options.custodian.kind,
          options.custodian.userId ?? null,
          options.custodian.orgId ?? null,
          options.surface,
          captureIds,
          files.size,
          manifestSha256,
        ],
      );
      await rename(partial, options.out);
      renamed = true;
    });
    return {
      file: options.out,
      caseId: options.caseId,
      exportId,
      folder,
      captures: captures.length,
      stamps: stamps.size,
      files: [...files.keys()].sort(),
      manifestSha256,
    };
  } catch (error) {
    await rm(partial, { force: true });
    if (renamed) await rm(options.out, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The SHA-256 fingerprint of the first certificate of a PEM file (as `openssl x509 -fingerprint -sha256` prints it). */
function certificateFingerprint(pem: Uint8Array): string | null {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(Buffer.from(pem).toString('latin1'));
  if (!match?.[1]) return null;
  const der = Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':') ?? null;
}
