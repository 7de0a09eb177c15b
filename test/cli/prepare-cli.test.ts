// `otkaz client checklist ID --claim-type T --as EMAIL` and `otkaz client exclusion ID --as EMAIL`: the checklist of
// the claim type, the service timeline and the flagged allegation with its source and the "not a verdict" notice;
// an unknown claim type is a usage error naming the flag; a volunteer is refused. All data SYNTHETIC.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { createOrganisation } from '../../src/accounts/orgs.ts';
import { createUser } from '../../src/accounts/users.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import { openDatabase, storageTarget } from '../../src/db/open.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { actingAs } from '../helpers/casework.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { cheapPasswords } from '../helpers/passwords.ts';

describe('otkaz client checklist / exclusion', () => {
  useTempDataDir('otkaz-prepare-cli-');
  let clientId = '';

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
    assert.match(out, /\[open\] court_record:/);
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
});
