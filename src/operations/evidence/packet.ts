/**
 * The evidence packet of a case (#15): each capture as captured and rendered to PDF with its banner, the WARC and
 * WACZ, the time-stamp tokens with each capture's proof, a manifest of hashes, the verification sheet in four
 * languages, the chain of custody and a place for certified translations (src/courts/archive/packet.ts). Raw
 * evidence: it holds full names, so it is decided as the raw capture is (capturePolicy.evidence); every export is
 * recorded (evidence_exports), and listed in the packets after it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { type Custodian, type PacketReport, writeEvidencePacket } from '../../courts/archive/packet.ts';
import type { Actor } from '../../ops/actor.ts';
import { defineOperation, type OperationContext } from '../../ops/operation.ts';
import { capturePolicy } from '../../policies/cases.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { id, text } from '../../shared/validation.ts';

/** Who the chain of custody names for an actor: its kind, and a member's user id and organisation. */
export function custodianOf(actor: Actor): Custodian {
  return actor.kind === 'user' ? { kind: 'user', userId: actor.userId, orgId: actor.orgId } : { kind: actor.kind };
}

function packetOptions(ctx: OperationContext, caseId: number, out: string, surface: 'cli' | 'api') {
  return {
    caseId,
    out,
    custodian: custodianOf(ctx.actor),
    surface,
    now: ctx.now(),
    ...(ctx.config.chromium ? { chromium: ctx.config.chromium } : {}),
    ...(ctx.config.tsaCaFile ? { tsaCaFile: ctx.config.tsaCaFile } : {}),
  };
}

export const EvidencePacketInput = z
  .object({
    caseId: id.describe('the case'),
    out: text(4096, 1).describe('the zip file to write'),
  })
  .strict();

export const EvidencePacketSchema = z.object({
  file: z.string(),
  caseId: z.number().int(),
  exportId: z.number().int().describe('the number of this export in the chain of custody'),
  folder: z.string().describe('the folder the zip holds everything in'),
  captures: z.number().int(),
  stamps: z.number().int().describe('time-stamp tokens in the packet'),
  files: z.array(z.string()),
  manifestSha256: z.string().describe('SHA-256 of MANIFEST.sha256, as the chain of custody records it'),
});

export const evidencePacketOperation = defineOperation({
  name: 'evidence.packet',
  summary: "Write a case's evidence packet (zip): captures as captured and as PDF, WARC/WACZ, time stamps, manifest, verification sheet",
  input: EvidencePacketInput,
  output: EvidencePacketSchema,
  policy: capturePolicy.evidence,
  surfaces: {
    api: 'writes a file at a path of the machine it runs on; the API answers the packet as a download (GET /api/v1/cases/:id/evidence-packet)',
    cli: true,
  },
  async run(ctx, { caseId, out }): Promise<PacketReport> {
    const folder = path.dirname(path.resolve(out));
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new OtkazError(ErrorCode.InputNotFound, 'no folder to write the evidence packet into', { where: folder });
    return writeEvidencePacket(ctx.db, packetOptions(ctx, caseId, out, 'cli'));
  },
});

export const CaseEvidencePacketInput = z.object({ id: id.describe('the case id') }).strict();

export const CaseEvidencePacketSchema = z.object({
  caseId: z.number().int(),
  exportId: z.number().int(),
  fileName: z.string(),
  manifestSha256: z.string(),
  packet: z.instanceof(Uint8Array),
});

export const caseEvidencePacketOperation = defineOperation({
  name: 'cases.evidence_packet',
  summary: "The case's evidence packet (zip): captures as captured and as PDF, WARC/WACZ, time stamps, manifest, verification sheet",
  input: CaseEvidencePacketInput,
  output: CaseEvidencePacketSchema,
  policy: capturePolicy.evidence,
  surfaces: { api: true, cli: '`evidence packet --case <id> --out <file>` writes the same packet to a file' },
  async run(ctx, { id: caseId }) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-packet-out-'));
    try {
      const file = path.join(dir, 'packet.zip');
      const report = await writeEvidencePacket(ctx.db, packetOptions(ctx, caseId, file, 'api'));
      return { caseId, exportId: report.exportId, fileName: `${report.folder}.zip`, manifestSha256: report.manifestSha256, packet: readFileSync(file) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
