// `otkaz client checklist ID --claim-type T --as EMAIL` and `otkaz client exclusion ID --as EMAIL`: the checklist of
// the claim type, the service timeline and the flagged allegation with its source and the "not a verdict" notice;
// an unknown claim type is a usage error naming the flag; a volunteer is refused. `otkaz client checklist-mark`
// records a worker's judgement (met by an attached document, shown with its sha256; not applicable with a reason),
// on the revision read: a stale one is a conflict; bad flags are coded errors naming them. `otkaz client
// delete-document` removes the marked document (refused to a volunteer; asked on a terminal, refused without one
// unless --yes): the item is to check again; `otkaz client unlink` names a link that is not on the file. `otkaz
// client step` corrects one step of an application on its revision (the legal-aid decision ends the suspension of
// the French deadline); a decision without its request, a bad date, an unknown field to clear, a stale revision and
// a volunteer are refused. All data SYNTHETIC.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { before, describe, it } from 'node:test';
import { createOrganisation } from '../../src/accounts/orgs.ts';
import { createUser } from '../../src/accounts/users.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { useTerminal } from '../../src/cli/prompt.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import { openDatabase, storageTarget } from '../../src/db/open.ts';
import { addApplicationOperation } from '../../src/operations/clients/applications.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { actingAs } from '../helpers/casework.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { cheapPasswords } from '../helpers/passwords.ts';
import { tempDir } from '../helpers/temp.ts';

/**
 * Runs `run` with a terminal that answers `answer` once asked (a fake TTY: the in-process CLI has no real one);
 * returns what the command printed and what it asked.
 */
async function onTerminal<T>(answer: string, run: () => Promise<T>): Promise<{ run: T; asked: string }> {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (_mode: boolean) => input });
  let asked = '';
  const previous = useTerminal({
    input,
    write: (text) => {
      asked += text;
      if (text.endsWith(': ')) setImmediate(() => input.write(answer));
    },
  });
  try {
    return { run: await run(), asked };
  } finally {
    useTerminal(previous);
  }
}

describe('otkaz client checklist / exclusion', () => {
  useTempDataDir('otkaz-prepare-cli-');
  let clientId = '';
  /** The document the checklist-mark test attached and marked the military-id item met by. */
  let markedDocument = '';
  let applicationId = '';

  before(async () => {
    cheapPasswords();
    process.env.OTKAZ_KEK = randomBytes(32).toString('base64');
    delete process.env.OTKAZ_AUDIT_SINK;
    const config = loadConfig();
    const db = await openDatabase(storageTarget(config));
    try {
      const services = caseworkServices(config, null);
      const org = await createOrganisation(db, services, { kind: 'local' }, { name: 'CLI Prep Org', slug: 'cli-prep', requireTotp: false });
      const lawyer = await createUser(
        db,
        services.audit,
        { kind: 'local' },
        { orgId: org.id, email: 'lawyer@cli-prep.example', role: 'lawyer', now: new Date() },
      );
      await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: 'volunteer@cli-prep.example', role: 'volunteer', now: new Date() });
      const world = { db, config, keyring: new Keyring(kekFromEnvironment(process.env.OTKAZ_KEK)), directory: loadDirectory(), clock: { now: new Date() } };
      const actor = { kind: 'user' as const, userId: lawyer.user.id, orgId: org.id, role: 'lawyer' as const, sessionId: null, verified: true };
      const file = await createClientOperation.run(
        actingAs(world, actor),
        createClientOperation.input.parse({
          person: { names: [{ script: 'latin', family: 'Clitest', given: 'Synthetic' }] },
          military: {
            status: 'contract',
            service: [{ unit: 'SYNTHETIC detachment', unitNumber: 'в/ч 3179', place: 'Буча', from: '2022-03-01', to: '2022-03-30' }],
          },
        }),
      );
      clientId = file.id;
      // France: OFPRA rejection notified 2026-01-15, legal aid requested 2026-01-20 (the CNDA month suspended).
      const applied = await addApplicationOperation.run(
        actingAs(world, actor),
        addApplicationOperation.input.parse({
          id: clientId,
          destination: 'FR',
          procedure: 'fr.asylum',
          steps: [{ stage: 'ofpra', outcome: 'rejected', servedOn: '2026-01-15', legalAid: { requestedOn: '2026-01-20' }, note: 'SYNTHETIC' }],
        }),
      );
      applicationId = applied.id;
    } finally {
      await db.close();
    }
  });

  it('exclusion: timeline, the allegation matched by unit number and place, its source, and the notice', async () => {
    const { code, out, err } = await cli('client', 'exclusion', clientId, '--as', 'lawyer@cli-prep.example');
    assert.equal(code, 0, err);
    assert.match(out, /^To prepare for, not a verdict/);
    assert.match(out, /#0 2022-03-01 – 2022-03-30: SYNTHETIC detachment, в\/ч 3179, Буча/);
    // Bucha in March 2022 is named by two allegations: the brigade's (by place and period only) and Vityaz's (by number too).
    assert.match(out, /2 allegation\(s\) to prepare for/);
    assert.match(out, /al-64-omsbr-bucha \[official_finding, licence not_verified, period overlap yes\]/);
    assert.match(out, /al-vityaz-76-bucha \[reported, licence not_verified, period overlap yes\]/);
    assert.match(out, /matched unitNumber by unit_number: "в\/ч 3179"/);
    assert.match(out, /matched place by place_and_period/);
    assert.match(out, /source: Reuters/);
  });

  it('checklist: the items of the claim type with their sources; JSON too', async () => {
    const { code, out, err } = await cli('client', 'checklist', clientId, '--claim-type', 'mobilised_before_deployment', '--as', 'lawyer@cli-prep.example');
    assert.equal(code, 0, err);
    assert.match(out, /checklist: Mobilised, left before deployment/);
    assert.match(out, /0 met, 0 not applicable, 0 to check, 4 open/);
    assert.match(out, /\[open\] court-record \(court_record, revision 0\):/);
    assert.match(out, /FRA: The CNDA requires proof of actual call-up/);
    const json = await cli('client', 'checklist', clientId, '--claim-type', 'contract_soldier', '--as', 'lawyer@cli-prep.example', '--json');
    assert.equal(json.code, 0, json.err);
    assert.equal(JSON.parse(json.out).claimType, 'contract_soldier');
  });

  it('an unknown claim type is a usage error naming the flag; a volunteer is refused', async () => {
    const bad = await cli('client', 'checklist', clientId, '--claim-type', 'tourist', '--as', 'lawyer@cli-prep.example');
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /claim-type|claimType/);
    const volunteer = await cli('client', 'exclusion', clientId, '--as', 'volunteer@cli-prep.example');
    assert.notEqual(volunteer.code, 0);
    assert.match(volunteer.err, /not allowed|denied/i);
    assert.doesNotMatch(volunteer.out, /3179/);
  });

  it('checklist-mark: met by an attached document (counted, with its sha256), not applicable with a reason; stale revision and bad flags refused', async () => {
    const file = path.join(tempDir('otkaz-prepare-cli-doc-'), 'military-id.txt');
    writeFileSync(file, 'SYNTHETIC military ID scan');
    const attached = await cli('client', 'attach', clientId, file, '--as', 'lawyer@cli-prep.example', '--json');
    assert.equal(attached.code, 0, attached.err);
    const document = JSON.parse(attached.out) as { id: string; sha256: string };
    markedDocument = document.id;
    const mark = (...flags: string[]) =>
      cli('client', 'checklist-mark', clientId, '--claim-type', 'deserter_criminal_case', '--as', 'lawyer@cli-prep.example', ...flags);
    const met = await mark('--item', 'military-id', '--judgement', 'met', '--documents', document.id, '--revision', '0', '--json');
    assert.equal(met.code, 0, met.err);
    assert.equal(JSON.parse(met.out).revision, 1);
    const na = await mark('--item', 'case-papers', '--judgement', 'not_applicable', '--reason', 'SYNTHETIC: no papers were served', '--revision', '0');
    assert.equal(na.code, 0, na.err);
    assert.match(na.out, /deserter_criminal_case\/case-papers: not_applicable \(mark [0-9a-f-]{36}, revision 1\)/);
    const view = await cli('client', 'checklist', clientId, '--claim-type', 'deserter_criminal_case', '--as', 'lawyer@cli-prep.example');
    assert.equal(view.code, 0, view.err);
    assert.match(view.out, /1 met, 1 not applicable, 0 to check, 2 open/);
    assert.match(view.out, /\[met by judgement\] military-id \(document, revision 1\)/);
    assert.match(view.out, new RegExp(`document ${document.id} military-id.txt \\(sha256 ${document.sha256}\\)`));
    assert.match(view.out, /marked not_applicable by lawyer@cli-prep.example at .*: SYNTHETIC: no papers were served/);

    const stale = await mark('--item', 'military-id', '--judgement', 'reopened', '--revision', '0');
    assert.notEqual(stale.code, 0);
    assert.match(stale.err, /casework\.conflict/);
    assert.match(stale.err, /changed by someone else/);
    const cases: Array<[string[], RegExp]> = [
      [['--item', 'military-id', '--judgement', 'accepted', '--revision', '1'], /--judgement/],
      [['--item', 'military-id', '--judgement', 'reopened', '--revision', 'one'], /--revision/],
      [['--item', 'passport', '--judgement', 'reopened', '--revision', '0'], /input\.invalid.*itemId/],
      [
        ['--item', 'account', '--judgement', 'met', '--documents', '00000000-0000-4000-8000-000000000009', '--revision', '0'],
        /no document .*\(documentIds\.0\)/,
      ],
      [['--item', 'account', '--judgement', 'not_applicable', '--revision', '0'], /reason/],
    ];
    for (const [flags, message] of cases) {
      const bad = await mark(...flags);
      assert.notEqual(bad.code, 0, flags.join(' '));
      assert.match(bad.err, message, flags.join(' '));
    }
    const volunteer = await cli(
      'client',
      'checklist-mark',
      clientId,
      '--claim-type',
      'deserter_criminal_case',
      '--item',
      'account',
      '--judgement',
      'not_applicable',
      '--reason',
      'x',
      '--revision',
      '0',
      '--as',
      'volunteer@cli-prep.example',
    );
    assert.notEqual(volunteer.code, 0);
    assert.match(volunteer.err, /not allowed|denied/i);
  });

  it('delete-document: refused to a volunteer; the document goes and the item it met is to check again; unlink names a missing link', async () => {
    const as = (who: string) => ['--as', `${who}@cli-prep.example`];
    // Refused before anything is asked: a volunteer may not delete.
    const volunteer = await cli('client', 'delete-document', clientId, markedDocument, ...as('volunteer'));
    assert.notEqual(volunteer.code, 0);
    assert.match(volunteer.err, /not allowed: clients\.delete_document/);
    const stillThere = async () => {
      const view = await cli('client', 'checklist', clientId, '--claim-type', 'deserter_criminal_case', ...as('lawyer'));
      return !/\[to_check\] military-id/.test(view.out);
    };
    // No terminal (a script, a pipe) and no --yes: refused naming --yes; nothing deleted.
    const noTerminal = await cli('client', 'delete-document', clientId, markedDocument, ...as('lawyer'));
    assert.equal(noTerminal.code, 2);
    assert.match(noTerminal.err, /\[cli\.usage\]: no terminal to ask on \(--yes\)/);
    assert.ok(await stillThere(), 'the document is still there');
    // On a terminal the question names the document; any answer but yes deletes nothing.
    const declined = await onTerminal('no\n', () => cli('client', 'delete-document', clientId, markedDocument, ...as('lawyer')));
    assert.equal(declined.run.code, 2);
    assert.match(declined.run.err, /\[cli\.usage\]: not confirmed: nothing was changed \(--yes\)/);
    assert.match(
      declined.asked,
      new RegExp(`delete document ${markedDocument} of client file ${clientId} for good\\?.*cannot be undone\\. Type yes to go on: `),
    );
    assert.ok(await stillThere(), 'the document is still there');
    // Yes on the terminal deletes it.
    const confirmed = await onTerminal('yes\r', () => cli('client', 'delete-document', clientId, markedDocument, ...as('lawyer')));
    const deleted = confirmed.run;
    assert.equal(deleted.code, 0, deleted.err);
    assert.equal(deleted.out.trim(), `document ${markedDocument} deleted; 1 checklist item(s) it met to check again`);
    const view = await cli('client', 'checklist', clientId, '--claim-type', 'deserter_criminal_case', ...as('lawyer'));
    assert.match(view.out, /\[to_check\] military-id/);
    assert.match(view.out, new RegExp(`CHECK AGAIN: document ${markedDocument} deleted`));
    // --yes: no question (none could be asked here), and the document is gone.
    const again = await cli('client', 'delete-document', clientId, markedDocument, '--yes', ...as('lawyer'));
    assert.notEqual(again.code, 0);
    assert.match(again.err, /no such document in this client file/);
    const missing = await cli('client', 'unlink', clientId, '00000000-0000-4000-8000-00000000000a', ...as('lawyer'));
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /no such court record link in this client file/);
    const bad = await cli('client', 'unlink', clientId, 'not-a-link', ...as('lawyer'));
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /linkId|link id/);
  });

  it('step: corrects one step of an application on its revision (the legal-aid decision ends the suspension); bad flags and a stale revision refused', async () => {
    const as = ['--as', 'lawyer@cli-prep.example'];
    type Listed = { id: string; revision: number; steps: Array<{ id: string; note?: string }>; deadlines: Array<{ status: string; due: string | null }> };
    const list = async (): Promise<Listed> => {
      const { code, out, err } = await cli('client', 'applications', clientId, ...as, '--json');
      assert.equal(code, 0, err);
      const found = (JSON.parse(out).applications as Listed[]).find((a) => a.id === applicationId);
      assert.ok(found);
      return found;
    };
    const before = await list();
    assert.deepEqual(
      before.deadlines.map((d) => d.status),
      ['suspended'],
    );
    const stepId = before.steps[0]?.id ?? '';
    const text = await cli('client', 'applications', clientId, ...as);
    assert.match(text.out, new RegExp(`${stepId} ofpra: served 2026-01-15, rejected, legal aid requested 2026-01-20`));
    const step = (...flags: string[]) => cli('client', 'step', clientId, applicationId, stepId, ...flags, ...as);
    const orphan = await step('--revision', String(before.revision), '--legal-aid-decided', '2026-02-10', '--clear', 'legalAidRequestedOn');
    assert.notEqual(orphan.code, 0);
    assert.match(orphan.err, /legal-aid decision needs the date legal aid was requested \(steps\.0\.legalAid\.requestedOn\)/);
    const badDate = await step('--revision', String(before.revision), '--served', '15.01.2026');
    assert.notEqual(badDate.code, 0);
    assert.match(badDate.err, /--served/);
    const badClear = await step('--revision', String(before.revision), '--clear', 'nonsense');
    assert.notEqual(badClear.code, 0);
    const ok = await step('--revision', String(before.revision), '--legal-aid-decided', '2026-02-10', '--clear', 'note');
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.out.trim(), `application ${applicationId} now at revision ${before.revision + 1}`);
    const after = await list();
    // 26 days left at the request, from the decision 2026-02-10: 2026-03-08, a Sunday → Monday 2026-03-09.
    assert.deepEqual(
      after.deadlines.map((d) => [d.status, d.due]),
      [['due', '2026-03-09']],
    );
    assert.equal(after.steps[0]?.note, undefined);
    const stale = await step('--revision', String(before.revision), '--served', '2026-01-16');
    assert.notEqual(stale.code, 0);
    assert.match(stale.err, /changed by someone else/);
    const volunteer = await cli(
      'client',
      'step',
      clientId,
      applicationId,
      stepId,
      '--revision',
      String(after.revision),
      '--served',
      '2026-01-16',
      '--as',
      'volunteer@cli-prep.example',
    );
    assert.notEqual(volunteer.code, 0);
    assert.match(volunteer.err, /not allowed/);
  });
});
