// `otkaz client edit ID --revision N --record FILE --as EMAIL`: the whole record from a JSON file (as `client show
// --json` prints it: its `criminalCases` dropped, the links kept), on the revision read. The service history entered
// this way is what `client exclusion` checks: the unit is flagged with its source. A stale revision is a conflict;
// a file that is not JSON names the file, line and column; a bad field names the flag and the path inside the record;
// `--record -` reads standard input; a volunteer is refused. `otkaz client service-add ID --revision N --unit …`
// adds one period from flags. All data SYNTHETIC.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { createOrganisation } from '../../src/accounts/orgs.ts';
import { createUser } from '../../src/accounts/users.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase, storageTarget } from '../../src/db/open.ts';
import { PROJECT_ROOT } from '../../src/shared/paths.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { cheapPasswords } from '../helpers/passwords.ts';
import { tempDir } from '../helpers/temp.ts';

const LAWYER = 'lawyer@cli-edit.example';

describe('otkaz client edit', () => {
  useTempDataDir('otkaz-client-edit-cli-');
  const dir = tempDir('otkaz-client-edit-files-');
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  let clientId = '';

  before(async () => {
    cheapPasswords();
    process.env.OTKAZ_KEK = randomBytes(32).toString('base64');
    delete process.env.OTKAZ_AUDIT_SINK;
    const config = loadConfig();
    const db = await openDatabase(storageTarget(config));
    try {
      const services = caseworkServices(config, null);
      const org = await createOrganisation(db, services, { kind: 'local' }, { name: 'CLI Edit Org', slug: 'cli-edit', requireTotp: false });
      await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: LAWYER, role: 'lawyer', now: new Date() });
      await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: 'volunteer@cli-edit.example', role: 'volunteer', now: new Date() });
    } finally {
      await db.close();
    }
    const added = await cli('client', 'add', '--as', LAWYER, '--name', 'Synthetic Editov', '--military', 'contract', '--json');
    assert.equal(added.code, 0, added.err);
    clientId = JSON.parse(added.out).id;
  });

  it('saves the service history from a JSON file; the exclusion section then flags the unit with its source', async () => {
    const shown = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    assert.equal(shown.revision, 1);
    assert.deepEqual(shown.record.criminalCases, [], 'show prints the links in the record');
    const record = {
      ...shown.record,
      military: {
        status: 'contract',
        rank: 'private (SYNTHETIC)',
        service: [{ unit: '64-я ОМСБр', unitNumber: '00000', place: 'Pskov', from: '2021-06-01', to: '2022-05-01', deployed: true }],
      },
    };
    const edited = await cli('client', 'edit', clientId, '--revision', '1', '--record', write('record.json', JSON.stringify(record)), '--as', LAWYER);
    assert.equal(edited.code, 0, edited.err);
    assert.equal(edited.out.trim(), `client file ${clientId} saved (revision 2)`);
    const exclusion = await cli('client', 'exclusion', clientId, '--as', LAWYER);
    assert.equal(exclusion.code, 0, exclusion.err);
    assert.match(exclusion.out, /#0 2021-06-01 – 2022-05-01: 64-я ОМСБр, 00000, Pskov \(deployed\)/);
    assert.match(exclusion.out, /1 allegation\(s\) to prepare for/);
    assert.match(exclusion.out, /matched unit by unit_name: "64-я ОМСБр" ~ "64th Separate Motor Rifle Brigade"/);
    assert.match(exclusion.out, /source: Office of the Prosecutor General of Ukraine/);
    const after = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    assert.equal(after.record.military.rank, 'private (SYNTHETIC)');
    assert.deepEqual(after.record.person, shown.record.person, 'the rest of the record is as it was');
  });

  it('a stale revision is a conflict; nothing is saved', async () => {
    const file = write('stale.json', JSON.stringify({ person: { names: [{ script: 'latin', family: 'Stale' }] } }));
    const stale = await cli('client', 'edit', clientId, '--revision', '1', '--record', file, '--as', LAWYER);
    assert.equal(stale.code, 2);
    assert.match(stale.err, /casework\.conflict/);
    assert.match(stale.err, /changed since revision 1 \(now 2\)/);
    const after = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    assert.equal(after.revision, 2);
    assert.equal(after.record.person.names[0].family, 'Editov');
  });

  it('bad JSON names the file, line and column; a bad field names the flag and the path; a missing file is named', async () => {
    const broken = write('broken.json', '{\n  "person": {\n    names: []\n  }\n}\n');
    const bad = await cli('client', 'edit', clientId, '--revision', '2', '--record', broken, '--as', LAWYER);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /input\.invalid/);
    assert.match(bad.err, /--record: not JSON/);
    assert.match(bad.err, /broken\.json:3:5/);
    const dates = write(
      'dates.json',
      JSON.stringify({ person: { names: [{ script: 'latin', family: 'Editov' }] }, military: { status: 'contract', service: [{ from: '2022-02-30' }] } }),
    );
    const field = await cli('client', 'edit', clientId, '--revision', '2', '--record', dates, '--as', LAWYER);
    assert.equal(field.code, 2);
    assert.match(field.err, /cli\.usage/);
    assert.match(field.err, /--record military\.service\.0\.from: /);
    const status = await cli('client', 'edit', clientId, '--revision', '2', '--record', dates, '--status', 'lost', '--as', LAWYER);
    assert.match(status.err, /--status: /);
    const missing = await cli('client', 'edit', clientId, '--revision', '2', '--record', path.join(dir, 'none.json'), '--as', LAWYER);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read the record file .*none\.json/);
    const after = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    assert.equal(after.revision, 2, 'nothing was saved');
  });

  it('reads the record from standard input with --record -', async () => {
    const shown = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    const record = { ...shown.record, military: { ...shown.record.military, rank: 'corporal (SYNTHETIC)' } };
    // The otkaz command itself (from the sources), so that its standard input is the record.
    const run = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'bin', 'otkaz.mjs'), 'client', 'edit', clientId, '--revision', String(shown.revision), '--record', '-', '--as', LAWYER],
      { input: JSON.stringify(record), env: { ...process.env, OTKAZ_CLI_FROM_SOURCE: '1' }, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), `client file ${clientId} saved (revision ${shown.revision + 1})`);
    const after = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    assert.equal(after.record.military.rank, 'corporal (SYNTHETIC)');
    assert.equal(after.record.military.service.length, 1, 'the service history is kept as sent');
  });

  it('service-add: one period from flags, on the revision read; bad dates name the flag; a stale revision is a conflict', async () => {
    const shown = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    const add = (...flags: string[]) => cli('client', 'service-add', clientId, '--as', LAWYER, ...flags);
    const added = await add(
      '--revision',
      String(shown.revision),
      '--unit',
      'SYNTHETIC detachment',
      '--unit-number',
      'в/ч 3179',
      '--place',
      'Буча',
      '--from',
      '2022-03-01',
      '--to',
      '2022-03-30',
      '--deployed',
    );
    assert.equal(added.code, 0, added.err);
    assert.equal(added.out.trim(), `service period added to client file ${clientId}: 2 period(s) (revision ${shown.revision + 1})`);
    const exclusion = await cli('client', 'exclusion', clientId, '--as', LAWYER);
    assert.match(exclusion.out, /#1 2022-03-01 – 2022-03-30: SYNTHETIC detachment, в\/ч 3179, Буча \(deployed\)/);
    assert.match(exclusion.out, /matched unitNumber by unit_number: "в\/ч 3179"/);
    const after = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    assert.equal(after.record.military.rank, 'corporal (SYNTHETIC)', 'the rest of the record is kept');
    assert.equal(after.record.military.service[0].unit, '64-я ОМСБр');

    const badDate = await add('--revision', String(after.revision), '--unit', 'x', '--from', '2022-02-30');
    assert.equal(badDate.code, 2);
    assert.match(badDate.err, /--from: /);
    const nothing = await add('--revision', String(after.revision));
    assert.equal(nothing.code, 2);
    assert.match(nothing.err, /name at least the unit/);
    const stale = await add('--revision', String(shown.revision), '--unit', 'stale');
    assert.equal(stale.code, 2);
    assert.match(stale.err, /casework\.conflict/);
    const volunteer = await cli('client', 'service-add', clientId, '--revision', String(after.revision), '--unit', 'x', '--as', 'volunteer@cli-edit.example');
    assert.match(volunteer.err, /not allowed/);
    const last = JSON.parse((await cli('client', 'show', clientId, '--as', LAWYER, '--json')).out);
    assert.equal(last.revision, after.revision, 'no refused change was saved');
    assert.equal(last.record.military.service.length, 2);
  });

  it('a volunteer is refused', async () => {
    const file = write('volunteer.json', JSON.stringify({ person: { names: [{ script: 'latin', family: 'Editov' }] } }));
    const refused = await cli('client', 'edit', clientId, '--revision', '2', '--record', file, '--as', 'volunteer@cli-edit.example');
    assert.notEqual(refused.code, 0);
    assert.match(refused.err, /not allowed/);
  });
});
