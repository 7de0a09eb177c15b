// The evidence packet of a case (#15), on both engines, from SYNTHETIC court cards: the packet is unzipped with the
// system's `unzip` into a folder of its own and checked with the commands its verification sheet prints — the real
// `sha256sum -c`, the Merkle steps (`xxd`, `sha256sum`) and `openssl ts -verify` against a local TSA's token — as
// anyone without otkaz would; a changed byte makes them fail. Each capture's PDF is Chromium's, rendered offline:
// the banner is in its text, the page's script did not run and nothing it links was fetched. Every export is
// recorded, listed in the next packet, and the record cannot be changed. No Chromium: a coded error, nothing written.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { caseExports, writeEvidencePacket } from '../../src/courts/archive/packet.ts';
import { stampCaptures } from '../../src/courts/archive/stamp.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../../src/courts/synthetic/pages.ts';
import type { Database } from '../../src/db/database.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { ENGINES } from '../helpers/engines.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { tempDir } from '../helpers/temp.ts';
import { type LocalTsa, startLocalTsa } from '../helpers/tsa.ts';

const directory = loadDirectory();
const NOW = new Date('2026-03-06T09:30:00Z');
const UA = 'otkaz/0.1 (evidence packet test; contact: archive@example.org)';

function sh(command: string, cwd: string): Promise<{ code: number; out: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}`, stdout });
    });
  });
}

/** The sheet's commands ("$ …") with the output each must print ("→ …", when given). */
function sheetCommands(sheet: string): { command: string; expect: string | null }[] {
  const lines = sheet.split('\n').map((l) => l.trim());
  const commands: { command: string; expect: string | null }[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('$ ')) return;
    const next = lines[i + 1] ?? '';
    commands.push({ command: line.slice(2), expect: next.startsWith('→ ') ? next.slice(2) : null });
  });
  return commands;
}

/** Text compared as Chromium's PDF holds it: glyph runs split anywhere, ligatures as one glyph. */
const flat = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

const unzip = async (zip: string, into: string): Promise<string> => {
  const result = await sh(`unzip -q '${zip}' -d '${into}'`, path.dirname(zip));
  assert.equal(result.code, 0, result.out);
  const [folder] = readdirSync(into);
  assert.ok(folder, 'the zip holds one folder');
  return path.join(into, folder);
};

for (const engine of ENGINES) {
  describe(`evidence packet on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let tsa: LocalTsa;
    let beacon: Server;
    let beaconHits = 0;
    let caseId = 0;
    let captureId = 0;
    let url = '';
    let sha = '';
    const dir = tempDir('otkaz-packet-test-');

    before(async () => {
      ({ db, drop } = await engine.create());
      tsa = await startLocalTsa();
      beacon = createServer((_req, res) => {
        beaconHits += 1;
        res.end('x');
      });
      await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
      const beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
      await syncCourts(db, directory);
      const cases = generateCases({ seed: 15, count: 3, courts: ['61GV0001'], from: '2025-01-01', to: '2025-06-30' });
      const cards = syntheticPages(cases, directory, 'directory').filter((p) => p.kind === 'case_card');
      assert.equal(cards.length, 3);
      for (const [i, card] of cards.entries()) {
        // The second card calls out (an image, a style sheet, a frame) and runs a script: none of it may happen offline.
        const html = iconv
          .decode(Buffer.from(card.bytes), 'win1251')
          .replace(
            '</body>',
            `<img src="${beaconUrl}/img.png"><link rel="stylesheet" href="${beaconUrl}/s.css"><iframe src="${beaconUrl}/frame"></iframe>` +
              `<img src="/relative.png"><script>document.body.innerHTML = 'SCRIPT RAN'; fetch('${beaconUrl}/fetch');</script></body>`,
          );
        await ingestPage(
          db,
          directory,
          {
            bytes: i === 1 ? iconv.encode(html, 'win1251') : card.bytes,
            url: card.url,
            retrievedAt: `2026-03-0${i + 1}T10:00:00Z`,
            httpStatus: 200,
            httpHeaders: [['Content-Type', 'text/html; charset=windows-1251']],
            source: 'synthetic',
            sourceRef: 'packet test',
            synthetic: true,
          },
          'test-person-key-0123456789',
        );
      }
      // One token over the three captures: the second one's proof has two steps.
      await stampCaptures(db, { tsaUrl: tsa.url, userAgent: UA, batchSize: 100, now: () => NOW });
      const [row] = await db.query<{ case_id: number; capture_id: number; url: string; sha256: string }>(
        'select h.case_id, h.capture_id, c.url, c.sha256 from case_history h join captures c on c.id = h.capture_id order by c.id offset 1 limit 1',
      );
      assert.ok(row);
      ({ case_id: caseId, capture_id: captureId, url, sha256: sha } = row);
    });
    after(async () => {
      await tsa.close();
      await new Promise<void>((resolve) => beacon.close(() => resolve()));
      await drop();
    });

    it('opens without otkaz: the sheet’s sha256sum, Merkle and openssl commands succeed; the PDF has the banner; offline', async () => {
      const out = path.join(dir, 'first.zip');
      const report = await writeEvidencePacket(db, { caseId, out, custodian: { kind: 'local' }, surface: 'cli', now: NOW, tsaCaFile: tsa.caFile });
      assert.equal(report.captures, 1);
      assert.equal(report.stamps, 1);
      const root = await unzip(out, path.join(dir, 'first'));
      assert.equal(path.basename(root), report.folder);

      const sheets = ['en', 'ru', 'de', 'fr'].map((l) => readFileSync(path.join(root, `VERIFY-${l}.txt`), 'utf8'));
      const commands = sheetCommands(sheets[0] ?? '');
      for (const other of sheets.slice(1)) assert.deepEqual(sheetCommands(other), commands, 'the same commands in every language');
      assert.match(sheets[1] ?? '', /Что доказывает метка времени/);
      assert.match(sheets[2] ?? '', /Was ein Zeitstempel beweist/);
      assert.match(sheets[3] ?? '', /Ce que prouve un horodatage/);
      assert.match(sheets[0] ?? '', /does not prove that the court's server served them/);
      assert.match(sheets[0] ?? '', /SYNTHETIC/);
      assert.equal(commands[0]?.command, 'sha256sum -c MANIFEST.sha256');
      const verify = commands.find((c) => c.command.startsWith('openssl ts -verify'));
      assert.ok(verify, 'an openssl ts -verify command');
      assert.match(verify.command, /^openssl ts -verify -digest [0-9a-f]{64} -in timestamps\/stamp-\d+\.tsr -CAfile timestamps\/tsa-ca\.pem$/);
      const merkle = commands.filter((c) => c.command.startsWith("printf '%s' "));
      assert.equal(merkle.length, 3, 'leaf and two nodes: the middle leaf of three');
      assert.ok(merkle[0]?.command.includes(`00${sha}`), 'the first step hashes the capture’s own sha256');
      assert.ok(verify.command.includes(merkle[2]?.expect?.slice(0, 64) ?? '-'), 'the last step is the stamped root');

      for (const { command, expect } of commands) {
        const result = await sh(command, root);
        assert.equal(result.code, 0, `${command}: ${result.out}`);
        if (expect !== null) assert.equal(result.stdout.trim(), expect, command);
      }
      const checked = (await sh('sha256sum -c MANIFEST.sha256', root)).out.trim().split('\n');
      const manifest = readFileSync(path.join(root, 'MANIFEST.sha256'), 'utf8').trim().split('\n');
      assert.equal(checked.length, manifest.length);
      assert.ok(
        checked.every((l) => l.endsWith(': OK')),
        checked.join('\n'),
      );
      assert.deepEqual(manifest.map((l) => l.slice(66)).sort(), report.files.filter((f) => f !== 'MANIFEST.sha256').sort(), 'every other file');
      assert.ok(manifest.includes(`${sha}  captures/capture-${captureId}.html`), 'the capture file hashes to the capture’s sha256');
      for (const f of ['archive', 'translations/README.txt', 'CUSTODY.txt', 'packet.json', `captures/capture-${captureId}.pdf`])
        assert.ok(existsSync(path.join(root, f)), f);
      assert.match(readdirSync(path.join(root, 'archive')).join(' '), /case-\d+\.wacz case-\d+\.warc/);
      assert.equal(readFileSync(path.join(root, 'archive', `case-${caseId}.warc`), 'latin1').slice(0, 8), 'WARC/1.1');

      const pdf = readFileSync(path.join(root, 'captures', `capture-${captureId}.pdf`));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = flat(await pdfText(pdf));
      const [stamp] = await db.query<{ gen_time: string }>(
        'select t.gen_time from timestamps t join capture_stamps s on s.timestamp_id = t.id where s.capture_id = $1',
        [captureId],
      );
      assert.ok(stamp);
      const genTime = `${new Date(stamp.gen_time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
      for (const banner of [`URL: ${url}`, 'Captured: 2026-03-02 10:00:00 UTC', `SHA-256: ${sha}`, `Time stamp (RFC 3161): ${genTime}`, 'SYNTHETIC'])
        assert.ok(text.includes(flat(banner)), `the banner says ${banner}`);
      assert.ok(text.includes(flat('СИНТЕТИЧЕСКИЕ ДАННЫЕ')), 'the page itself is rendered, in its own encoding');
      assert.ok(!text.includes('SCRIPTRAN'), 'the page’s script did not run');
      assert.equal(beaconHits, 0, 'nothing the page links was fetched');

      // One changed byte: the sheet's first command fails.
      const page = path.join(root, 'captures', `capture-${captureId}.html`);
      const bytes = readFileSync(page);
      bytes[10] = (bytes[10] ?? 0) ^ 1;
      writeFileSync(page, bytes);
      const tampered = await sh('sha256sum -c MANIFEST.sha256', root);
      assert.notEqual(tampered.code, 0);
      assert.match(tampered.out, new RegExp(`captures/capture-${captureId}\\.html: FAILED`));
    });

    it('records every export, lists the earlier ones in the next packet, and keeps the record unchangeable', async () => {
      const before = (await caseExports(db, caseId)).length;
      const first = await writeEvidencePacket(db, {
        caseId,
        out: path.join(dir, 'a.zip'),
        custodian: { kind: 'user', userId: '00000000-0000-4000-8000-00000000000a', orgId: '00000000-0000-4000-8000-0000000000b0' },
        surface: 'api',
        now: NOW,
      });
      const second = await writeEvidencePacket(db, { caseId, out: path.join(dir, 'b.zip'), custodian: { kind: 'local' }, surface: 'cli', now: NOW });
      const exports = await caseExports(db, caseId);
      assert.equal(exports.length, before + 2);
      const last = exports.slice(-2);
      assert.deepEqual(
        last.map((e) => [e.id, e.actor_kind, e.actor_user_id, e.surface, e.manifest_sha256, e.captures]),
        [
          [first.exportId, 'user', '00000000-0000-4000-8000-00000000000a', 'api', first.manifestSha256, [captureId]],
          [second.exportId, 'local', null, 'cli', second.manifestSha256, [captureId]],
        ],
      );
      const root = await unzip(path.join(dir, 'b.zip'), path.join(dir, 'b'));
      const custody = readFileSync(path.join(root, 'CUSTODY.txt'), 'utf8');
      assert.match(custody, new RegExp(`#${first.exportId} .*member 00000000-0000-4000-8000-00000000000a .* api .*manifest ${first.manifestSha256}`));
      assert.match(custody, new RegExp(`#${second.exportId} .*THIS PACKET`));
      // The first packet's manifest is the one recorded.
      const a = await unzip(path.join(dir, 'a.zip'), path.join(dir, 'a'));
      const manifestHash = (await sh('sha256sum MANIFEST.sha256', a)).out.slice(0, 64);
      assert.equal(manifestHash, first.manifestSha256);
      // Without a CA file the sheet says where to get it, and the command names the file to give.
      assert.match(readFileSync(path.join(a, 'VERIFY-en.txt'), 'utf8'), /-CAfile TSA-CA\.pem[\s\S]*obtain it from the authority/);
      await assert.rejects(db.query('update evidence_exports set actor_kind = $1 where id = $2', ['operator', first.exportId]), /append-only/);
      await assert.rejects(db.query('delete from evidence_exports where id = $1', [first.exportId]), /append-only/);
    });

    it('refuses with coded errors and writes nothing: no Chromium, an unknown case', async () => {
      const before = (await caseExports(db, caseId)).length;
      const out = path.join(dir, 'none.zip');
      await assert.rejects(
        writeEvidencePacket(db, { caseId, out, custodian: { kind: 'local' }, surface: 'cli', now: NOW, chromium: path.join(dir, 'no-such-chromium') }),
        (error: unknown) => error instanceof OtkazError && error.code === ErrorCode.BrowserMissing && /OTKAZ_CHROMIUM/.test(error.message),
      );
      await assert.rejects(
        writeEvidencePacket(db, { caseId: 999_999, out, custodian: { kind: 'local' }, surface: 'cli', now: NOW }),
        (error: unknown) => error instanceof OtkazError && error.code === ErrorCode.InputNotFound,
      );
      assert.equal(existsSync(out), false);
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.startsWith('none.zip')),
        [],
        'no partial file',
      );
      assert.equal((await caseExports(db, caseId)).length, before, 'nothing recorded');
    });
  });
}
