// Asylum applications in a client file, on both engines: added and replaced through the API by a worker, checked
// against the procedure model (assets/procedures) and the file's own documents, sealed (the reference is nowhere in
// the table's bytes), refused on a stale revision, hidden from a shared volunteer and from another organisation;
// re-sealed by key rotation and carried by export and import.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Organisation } from '../../src/accounts/orgs.ts';
import { listApplications } from '../../src/casework/applications.ts';
import { collectOrganisation, organisationRow } from '../../src/casework/export.ts';
import { rotateOrgKey } from '../../src/casework/rotate.ts';
import { type AccountsApi, accountsApi, type Browser, makeOrg, makeUser, signInFully } from '../helpers/accounts.ts';
import { ENGINES } from '../helpers/engines.ts';

const REFERENCE = 'SYNTHETIC-BAMF-8123456-160';

for (const engine of ENGINES) {
  describe(`client applications (${engine.name})`, () => {
    let api: AccountsApi;
    let orgA: Organisation;
    let lawyer: Browser;
    let volunteer: Browser;
    let otherAdmin: Browser;
    let clientId = '';
    let otherClientDocument = '';
    let documentId = '';
    before(async () => {
      api = await accountsApi(engine);
      orgA = await makeOrg(api, 'Apply Aid A');
      const orgB = await makeOrg(api, 'Apply Aid B');
      const l = await makeUser(api, orgA, 'lawyer@apply-a.test', 'lawyer');
      const v = await makeUser(api, orgA, 'volunteer@apply-a.test', 'volunteer');
      const b = await makeUser(api, orgB, 'admin@apply-b.test', 'org_admin');
      ({ browser: lawyer } = await signInFully(api, 'lawyer@apply-a.test', l.password, '198.51.100.60'));
      ({ browser: volunteer } = await signInFully(api, 'volunteer@apply-a.test', v.password, '198.51.100.61'));
      ({ browser: otherAdmin } = await signInFully(api, 'admin@apply-b.test', b.password, '198.51.100.62'));
      const created = await lawyer.post('/api/v1/clients', {
        person: { names: [{ script: 'latin', family: 'SYNTHETIC Applicant' }] },
        consent: { shareWithinOrganisation: true, referralTo: [] },
      });
      assert.equal(created.statusCode, 200, created.body);
      clientId = created.json().id;
      assert.equal((await lawyer.post(`/api/v1/clients/${clientId}/shares`, { userId: v.id })).statusCode, 200);
      const doc = await lawyer.post(`/api/v1/clients/${clientId}/documents`, {
        name: 'decision.txt',
        contentBase64: Buffer.from('SYNTHETIC decision').toString('base64'),
      });
      assert.equal(doc.statusCode, 200, doc.body);
      documentId = doc.json().id;
      const other = await lawyer.post('/api/v1/clients', { person: { names: [{ script: 'latin', family: 'SYNTHETIC Other' }] } });
      const otherDoc = await lawyer.post(`/api/v1/clients/${other.json().id}/documents`, { name: 'x.txt', contentBase64: 'eA==' });
      otherClientDocument = otherDoc.json().id;
    });
    after(() => api.close());

    it('lists the procedure models, with the deadline rules an outcome starts', async () => {
      const res = await lawyer.get('/api/v1/procedures?country=DE');
      assert.equal(res.statusCode, 200, res.body);
      const de = res.json().countries;
      assert.equal(de.length, 1);
      const bamf = de[0].procedures[0].stages.find((s: { id: string }) => s.id === 'bamf');
      const outcome = (id: string) => bamf.outcomes.find((o: { id: string }) => o.id === id);
      assert.deepEqual(outcome('rejected').deadlineRules, ['de.bamf.klage']);
      assert.deepEqual(outcome('rejected_manifestly_unfounded').deadlineRules, ['de.bamf.offensichtlich-unbegruendet']);
      assert.deepEqual(outcome('rejected').next, ['vg']);
      const all = (await lawyer.get('/api/v1/procedures')).json().countries.map((c: { country: string }) => c.country);
      for (const code of ['DE', 'FR', 'US', 'KZ', 'AM', 'GE']) assert.ok(all.includes(code), code);
    });

    it('adds an application with a served rejection, checked against the model and the file', async () => {
      // Each refusal names the field, and says why as data (reason, values) for the web app to word in Russian.
      const bad = [
        [
          { destination: 'DE', procedure: 'fr.asylum' },
          'destination',
          'procedure_of_other_country',
          { procedure: 'fr.asylum', country: 'FR', destination: 'DE' },
        ],
        [{ destination: 'DE', procedure: 'de.nothing' }, 'procedure', 'no_procedure', { procedure: 'de.nothing' }],
        [{ destination: 'DE', procedure: 'de.asylum', steps: [{ stage: 'cnda' }] }, 'steps.0.stage', 'no_stage', { stage: 'cnda', procedure: 'de.asylum' }],
        [
          { destination: 'DE', procedure: 'de.asylum', steps: [{ stage: 'bamf', outcome: 'granted_maybe' }] },
          'steps.0.outcome',
          'no_outcome',
          {
            stage: 'bamf',
            outcome: 'granted_maybe',
            outcomes: 'refugee_status, asylum, subsidiary_protection, removal_ban, rejected, rejected_manifestly_unfounded, inadmissible, discontinued',
          },
        ],
        [
          { destination: 'DE', procedure: 'de.asylum', steps: [{ stage: 'bamf', decidedOn: '2026-03-10', servedOn: '2026-03-02' }] },
          'steps.0.servedOn',
          'served_before_decided',
          { servedOn: '2026-03-02', decidedOn: '2026-03-10' },
        ],
        [
          { destination: 'DE', procedure: 'de.asylum', steps: [{ stage: 'bamf', documentIds: [otherClientDocument] }] },
          'steps.0.documentIds',
          'no_document',
          undefined,
        ],
        [{ destination: 'DE', procedure: 'de.asylum', region: 'FR-IDF' }, 'region', 'region_of_other_country', { region: 'FR-IDF', destination: 'DE' }],
      ] as const;
      for (const [body, where, reason, values] of bad) {
        const res = await lawyer.post(`/api/v1/clients/${clientId}/applications`, body);
        assert.equal(res.statusCode, 400, `${where}: ${res.body}`);
        assert.equal(res.json().code, 'input.invalid');
        assert.ok(String(res.json().detail).endsWith(`(${where})`), `names ${where}: ${res.body}`);
        assert.equal(res.json().reason, `casework.${reason}`, res.body);
        assert.equal(res.json().field, where, res.body);
        assert.deepEqual(res.json().values, values, res.body);
      }
      const res = await lawyer.post(`/api/v1/clients/${clientId}/applications`, {
        destination: 'DE',
        procedure: 'de.asylum',
        reference: REFERENCE,
        region: 'DE-BE',
        steps: [{ stage: 'bamf', filedOn: '2025-11-03', decidedOn: '2026-02-27', servedOn: '2026-03-05', outcome: 'rejected', documentIds: [documentId] }],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().revision, 1);
      const list = await lawyer.get(`/api/v1/clients/${clientId}/applications`);
      assert.equal(list.statusCode, 200, list.body);
      const [app] = list.json().applications;
      assert.equal(app.reference, REFERENCE);
      assert.equal(app.steps[0].servedOn, '2026-03-05');
      assert.deepEqual(app.steps[0].documentIds, [documentId]);
      assert.match(app.steps[0].id, /^[0-9a-f-]{36}$/);
      const rows = await api.db.query<{ body: Uint8Array }>('select body from client_applications');
      assert.equal(rows.length, 1);
      for (const needle of [REFERENCE, 'de.asylum', '2026-03-05', 'DE-BE'])
        assert.ok(!Buffer.from(rows[0]?.body ?? []).includes(Buffer.from(needle)), `${needle} is not stored in plaintext`);
    });

    it('replaces an application on its revision; a stale revision is refused', async () => {
      const [app] = (await lawyer.get(`/api/v1/clients/${clientId}/applications`)).json().applications;
      const steps = [...app.steps, { stage: 'vg', filedOn: '2026-03-16' }];
      const ok = await lawyer.post(`/api/v1/clients/${clientId}/applications/${app.id}`, { ...pick(app), revision: app.revision, steps });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().revision, app.revision + 1);
      const stale = await lawyer.post(`/api/v1/clients/${clientId}/applications/${app.id}`, { ...pick(app), revision: app.revision, steps: [] });
      assert.equal(stale.statusCode, 409, stale.body);
      const [now] = (await lawyer.get(`/api/v1/clients/${clientId}/applications`)).json().applications;
      assert.deepEqual(
        now.steps.map((s: { stage: string }) => s.stage),
        ['bamf', 'vg'],
      );
      assert.equal(now.steps[0].id, app.steps[0].id, 'a step keeps its id across edits');
    });

    it('refuses a legal-aid decision without its request, naming steps.N.legalAid.requestedOn', async () => {
      const res = await lawyer.post(`/api/v1/clients/${clientId}/applications`, {
        destination: 'FR',
        procedure: 'fr.asylum',
        steps: [{ stage: 'ofpra', outcome: 'rejected', servedOn: '2026-01-15', legalAid: { decidedOn: '2026-02-10' } }],
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, 'api.validation');
      assert.match(String(res.json().detail), /^body\.steps\.0\.legalAid\.requestedOn: /, res.body);
    });

    it('corrects one step on its revision (API): the legal-aid decision ends the suspension on the dashboard', async () => {
      // OFPRA rejection notified 2026-01-15, legal aid requested 2026-01-20 (day 5 of 15): the CNDA month is suspended.
      const added = await lawyer.post(`/api/v1/clients/${clientId}/applications`, {
        destination: 'FR',
        procedure: 'fr.asylum',
        steps: [
          { stage: 'ofpra', outcome: 'rejected', decidedOn: '2026-01-12', servedOn: '2026-01-15', legalAid: { requestedOn: '2026-01-20' }, note: 'SYNTHETIC' },
        ],
      });
      assert.equal(added.statusCode, 200, added.body);
      const appId: string = added.json().id;
      const listed = async () => (await lawyer.get(`/api/v1/clients/${clientId}/applications`)).json().applications.find((a: { id: string }) => a.id === appId);
      const dashboard = async () => {
        const res = await lawyer.get('/api/v1/deadlines/dashboard');
        assert.equal(res.statusCode, 200, res.body);
        const d = res.json();
        type Entry = { applicationId: string; status: string; due: string | null; rule: string };
        return [...d.overdue, ...d.thisWeek, ...d.later, ...d.undetermined].filter((e: Entry) => e.applicationId === appId) as Entry[];
      };
      assert.deepEqual(
        (await dashboard()).map((e) => [e.rule, e.status]),
        [['fr.cnda.recours', 'suspended']],
      );
      const app = await listed();
      const stepId: string = app.steps[0].id;
      const url = `/api/v1/clients/${clientId}/applications/${appId}/steps/${stepId}`;

      // A decision without a request (the request cleared): refused, naming the field.
      const orphan = await lawyer.post(url, { revision: app.revision, legalAidRequestedOn: null, legalAidDecidedOn: '2026-02-10' });
      assert.equal(orphan.statusCode, 400, orphan.body);
      assert.match(String(orphan.json().detail), /legalAid(\.r|R)equestedOn/, orphan.body);
      assert.equal((await lawyer.post(`/api/v1/clients/${clientId}/applications/${appId}/steps/${documentId}`, { revision: app.revision })).statusCode, 404);
      assert.equal((await volunteer.post(url, { revision: app.revision, legalAidDecidedOn: '2026-02-10' })).statusCode, 403);

      // The legal-aid decision notified 2026-02-10; the note cleared. Days left at the request: 26 → 2026-03-08, a
      // Sunday → Monday 2026-03-09.
      const ok = await lawyer.post(url, { revision: app.revision, legalAidDecidedOn: '2026-02-10', note: null });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { id: appId, revision: app.revision + 1 });
      const now = await listed();
      assert.deepEqual(now.steps, [
        {
          id: stepId,
          stage: 'ofpra',
          outcome: 'rejected',
          decidedOn: '2026-01-12',
          servedOn: '2026-01-15',
          legalAid: { requestedOn: '2026-01-20', decidedOn: '2026-02-10' },
          documentIds: [],
        },
      ]);
      const entries = await dashboard();
      assert.deepEqual(
        entries.map((e) => [e.rule, e.status, e.due]),
        [['fr.cnda.recours', 'due', '2026-03-09']],
      );
      assert.ok(!entries.some((e) => e.status === 'suspended'), 'no stale suspended entry');

      // A stale revision is refused; a served date before the decision too, naming the step's field.
      assert.equal((await lawyer.post(url, { revision: app.revision, servedOn: '2026-01-16' })).statusCode, 409);
      const early = await lawyer.post(url, { revision: now.revision, servedOn: '2026-01-10' });
      assert.equal(early.statusCode, 400, early.body);
      assert.match(String(early.json().detail), /steps\.0\.servedOn/);
    });

    it('hides applications from a shared volunteer and from another organisation; every read is audited', async () => {
      assert.equal((await volunteer.get(`/api/v1/clients/${clientId}`)).statusCode, 200, 'the volunteer may open the shared file');
      assert.equal((await volunteer.get(`/api/v1/clients/${clientId}/applications`)).statusCode, 403);
      assert.equal((await otherAdmin.get(`/api/v1/clients/${clientId}/applications`)).statusCode, 404);
      const audited = await api.db.query<{ action: string; outcome: string }>(
        "select action, outcome from audit_log where action like 'clients.application%' order by chain, seq",
      );
      const seen = new Set(audited.map((a) => `${a.action} ${a.outcome}`));
      for (const expected of [
        'clients.applications ok',
        'clients.applications refused',
        'clients.application_add ok',
        'clients.application_update ok',
        'clients.application_step_update ok',
      ])
        assert.ok(seen.has(expected), expected);
    });

    it('survives key rotation and goes into the export', async () => {
      const before = await listApplications(api.db, api.services.keyring, orgA.id, clientId);
      const rotated = await api.db.transaction((tx) => rotateOrgKey(tx, api.services.keyring, orgA.id));
      assert.equal(rotated.applications, 2);
      assert.deepEqual(await listApplications(api.db, api.services.keyring, orgA.id, clientId), before);
      const archive = await collectOrganisation(
        api.db,
        api.services.keyring,
        await organisationRow(api.db, orgA.slug, 'org'),
        new Date('2026-03-20T00:00:00Z'),
      );
      assert.equal(archive.manifest.counts.applications, 2);
      const entry = archive.entries.find((e) => e.type === 'application' && e.body.destination === 'DE');
      assert.ok(entry && entry.type === 'application');
      assert.equal(entry.body.reference, REFERENCE);
    });
  });
}

function pick(app: Record<string, unknown>): Record<string, unknown> {
  const { destination, procedure, reference, region } = app;
  return { destination, procedure, reference, region };
}
