// The authorisation matrix, generated from the route list: every route × every role of organisation A × an
// administrator of organisation B × an unverified session × no session. Each call's outcome (refused: 401/403,
// or 404 for another organisation's resource; else passed) must be the one the policy table below states —
// written by hand from the roles, not read from the code. A route missing from the table fails the suite,
// so a new route cannot go without a decision; an answer to organisation B may hold nothing of A's.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Organisation } from '../../src/accounts/orgs.ts';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { routeTable } from '../../src/api/app.ts';
import { loadClient, updateClient } from '../../src/casework/clients.ts';
import { makeLink } from '../../src/casework/links.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { type AccountsApi, accountsApi, Browser, makeOrg, totpCode } from '../helpers/accounts.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

type Caller = 'org_admin' | 'lawyer' | 'caseworker' | 'volunteer' | 'statistics' | 'other_org_admin' | 'unverified' | 'anonymous';
const CALLERS: readonly Caller[] = ['org_admin', 'lawyer', 'caseworker', 'volunteer', 'statistics', 'other_org_admin', 'unverified', 'anonymous'];

const WORKERS: Caller[] = ['org_admin', 'lawyer', 'caseworker'];
const EVERYONE: Caller[] = [...CALLERS];
const MEMBERS_OF_A_OR_B = (roles: Caller[]): Caller[] => [...roles, 'other_org_admin'];

/**
 * Who passes each member route, by rule. Organisation-wide routes answer B's administrator with B's own data
 * (passed, checked for leaks); routes on one of A's files refuse him.
 */
const MEMBER_TABLE: Record<string, readonly Caller[]> = {
  'clients.list': MEMBERS_OF_A_OR_B([...WORKERS, 'volunteer']),
  'clients.create': MEMBERS_OF_A_OR_B(WORKERS),
  'clients.stats': MEMBERS_OF_A_OR_B([...WORKERS, 'volunteer', 'statistics']),
  'clients.search': MEMBERS_OF_A_OR_B(WORKERS),
  'clients.referrals': MEMBERS_OF_A_OR_B(WORKERS),
  'clients.members': MEMBERS_OF_A_OR_B(WORKERS),
  'clients.read': [...WORKERS, 'volunteer'],
  'clients.note': [...WORKERS, 'volunteer'],
  'clients.upload': [...WORKERS, 'volunteer'],
  'clients.download': [...WORKERS, 'volunteer'],
  // stricter than adding one: a shared volunteer may upload, never delete
  'clients.delete_document': WORKERS,
  'clients.update': WORKERS,
  'clients.link_case': WORKERS,
  'clients.share': WORKERS,
  'clients.refer': WORKERS,
  'clients.applications': WORKERS,
  'clients.application_write': WORKERS,
  'clients.checklist': WORKERS,
  'clients.checklist_mark': WORKERS,
  'clients.exclusion': WORKERS,
  'deadlines.dashboard': MEMBERS_OF_A_OR_B(WORKERS),
  'deadlines.calendar': MEMBERS_OF_A_OR_B(WORKERS),
  'account.language': MEMBERS_OF_A_OR_B(['org_admin', 'lawyer', 'caseworker', 'volunteer', 'statistics']),
  'users.list': MEMBERS_OF_A_OR_B(['org_admin']),
  'users.create': MEMBERS_OF_A_OR_B(['org_admin']),
  'users.disable': ['org_admin'],
  'users.reset_password': ['org_admin'],
  'orgs.settings': MEMBERS_OF_A_OR_B(['org_admin']),
  'orgs.update_settings': MEMBERS_OF_A_OR_B(['org_admin']),
  'audit.list': MEMBERS_OF_A_OR_B(['org_admin']),
  'audit.verify': MEMBERS_OF_A_OR_B(['org_admin']),
};

/** Other levels, for members: no token is configured in this suite, so reads are public and operations are off. */
const LEVEL_TABLE: Record<string, readonly Caller[]> = {
  public: EVERYONE,
  read: EVERYONE,
  evidence: [...WORKERS, 'other_org_admin'],
  operator: [],
};

/** Sign-in routes are the way to a session (test/accounts covers them); calling them would end the callers' sessions. */
const SIGN_IN = /^\/api\/v1\/auth\//;

describe('authorisation matrix: every route × every role × another organisation', () => {
  let api: AccountsApi;
  let orgA: Organisation;
  let orgB: Organisation;
  const browsers = new Map<Caller, Browser>();
  let clientId = '';
  let documentId = '';
  let applicationId = '';
  let stepId = '';
  /** A document and a court-record link for each caller to delete and remove (a passing caller's goes). */
  const ownDocument = new Map<Caller, string>();
  const ownLink = new Map<Caller, string>();
  /** The file's revision when the routes are called (the first worker's edit passes; the others' are conflicts). */
  let revision = 1;
  let caseId = 0;
  const victims: string[] = [];
  let spare = '';
  const secrets = ['Matrixov', 'MX-4242-0001'];

  const PASSWORD = 'matrix password 123';
  let cheapHash = '';
  /** A member inserted directly, with a cheaply hashed password (sign-in itself is tested in test/accounts). */
  async function member(org: Organisation, email: string, role: string): Promise<string> {
    const id = randomUUID();
    await api.db.query(
      'insert into users (id, org_id, email, role, password_hash, must_change_password, sessions_valid_after) values ($1, $2, $3, $4, $5, false, $6)',
      [id, org.id, email, role, cheapHash, new Date(api.clock.now().getTime() - 60_000).toISOString()],
    );
    return id;
  }
  /** Signs in with password and a TOTP enrolled on the way. */
  async function signIn(email: string, ip: string, verify: boolean): Promise<Browser> {
    const b = new Browser(api, ip);
    const login = await b.post('/api/v1/auth/login', { email, password: PASSWORD });
    assert.equal(login.statusCode, 200, login.body);
    if (!verify) return b;
    const enrol = await b.post('/api/v1/auth/totp/enrol');
    assert.equal(enrol.statusCode, 200, enrol.body);
    const confirm = await b.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.json().secret, api.clock) });
    assert.equal(confirm.json().next, 'done', confirm.body);
    return b;
  }

  before(async () => {
    cheapHash = await hashPassword(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const engine = ENGINES.find((e) => e.name === 'pglite');
    assert.ok(engine);
    api = await accountsApi(engine);
    await ingestTestCard(api.db, loadDirectory());
    caseId = (await api.db.query<{ id: number }>('select id from cases order by id limit 1'))[0]?.id ?? 0;
    orgA = await makeOrg(api, 'Matrix Alpha');
    orgB = await makeOrg(api, 'Matrix Beta');
    let n = 0;
    for (const caller of CALLERS) {
      if (caller === 'anonymous') {
        browsers.set(caller, new Browser(api, '198.51.100.1'));
        continue;
      }
      const org = caller === 'other_org_admin' ? orgB : orgA;
      const role = caller === 'other_org_admin' || caller === 'unverified' ? 'org_admin' : caller;
      const email = `${caller}@matrix.test`;
      await member(org, email, role);
      n += 1;
      browsers.set(caller, await signIn(email, `198.51.100.${10 + n}`, caller !== 'unverified'));
    }
    spare = await member(orgA, 'spare-volunteer@matrix.test', 'volunteer');
    for (let i = 0; i < CALLERS.length; i += 1) victims.push(await member(orgA, `victim-${i}@matrix.test`, 'volunteer'));
    const lawyer = browsers.get('lawyer');
    assert.ok(lawyer);
    const created = await lawyer.post('/api/v1/clients', {
      person: { names: [{ script: 'latin', family: secrets[0] }] },
      documents: [{ type: 'international_passport', number: secrets[1], state: 'held' }],
      consent: { shareWithinOrganisation: true, referralTo: [orgB.slug] },
    });
    assert.equal(created.statusCode, 200, created.body);
    clientId = created.json().id;
    const volunteerId = (await api.db.query<{ id: string }>("select id from users where email = 'volunteer@matrix.test'"))[0]?.id;
    assert.equal((await lawyer.post(`/api/v1/clients/${clientId}/shares`, { userId: volunteerId })).statusCode, 200);
    const doc = await lawyer.post(`/api/v1/clients/${clientId}/documents`, { name: 'note.txt', contentBase64: Buffer.from('matrix').toString('base64') });
    assert.equal(doc.statusCode, 200, doc.body);
    documentId = doc.json().id;
    const application = await lawyer.post(`/api/v1/clients/${clientId}/applications`, {
      destination: 'DE',
      procedure: 'de.asylum',
      steps: [{ stage: 'bamf' }],
    });
    assert.equal(application.statusCode, 200, application.body);
    applicationId = application.json().id;
    const listed = await lawyer.get(`/api/v1/clients/${clientId}/applications`);
    stepId = listed.json().applications.find((a: { id: string }) => a.id === applicationId)?.steps[0]?.id ?? '';
    assert.match(stepId, /^[0-9a-f-]{36}$/);
    for (const caller of CALLERS) {
      const own = await lawyer.post(`/api/v1/clients/${clientId}/documents`, { name: `${caller}.txt`, contentBase64: Buffer.from(caller).toString('base64') });
      assert.equal(own.statusCode, 200, own.body);
      ownDocument.set(caller, own.json().id);
    }
    // One link per caller to the one case of this suite (the link route refuses a second link to a case: written here).
    await api.db.transaction(async (tx) => {
      const file = await loadClient(tx, api.services.keyring, orgA.id, clientId);
      const link = await makeLink(tx, caseId, api.clock.now());
      const links = CALLERS.map((caller) => {
        ownLink.set(caller, randomUUID());
        return { ...link, linkId: ownLink.get(caller) ?? '' };
      });
      revision = await updateClient(tx, api.services.keyring, orgA.id, clientId, file.row.revision, { ...file.record, criminalCases: links });
    });
  });
  after(() => api.close());

  /** A valid request for the route (the resource condition runs after validation, so a 400 would hide a refusal). */
  function requestFor(method: string, url: string, caller: Caller, i: number): { url: string; body?: object } {
    const path = url
      .replace(':id/documents/:documentId/delete', `${clientId}/documents/${ownDocument.get(caller)}/delete`)
      .replace(':id/documents/:documentId', `${clientId}/documents/${documentId}`)
      .replace(':linkId', ownLink.get(caller) ?? '')
      .replace(':applicationId', applicationId)
      .replace(':stepId', stepId)
      .replace('/org/users/:id/disable', () => `/org/users/${victims.pop() ?? spare}/disable`)
      .replace('/org/users/:id/reset-password', `/org/users/${spare}/reset-password`)
      .replace(':userId', spare)
      .replace(':id', clientId);
    const query: Record<string, string> = { '/api/v1/clients/:id/checklist': '?claimType=deserter_criminal_case' };
    if (method === 'GET') return { url: `${path.replace(/:[a-zA-Z]+/g, '1')}${query[url] ?? ''}` };
    const bodies: Record<string, object> = {
      '/api/v1/clients': { person: { names: [{ script: 'latin', family: 'Other' }] } },
      '/api/v1/clients/search': { kind: 'document_number', value: secrets[1] ?? '' },
      '/api/v1/clients/:id': { revision, record: { person: { names: [{ script: 'latin', family: 'Other' }] } } },
      '/api/v1/clients/:id/notes': { text: `note by ${caller}` },
      '/api/v1/clients/:id/applications': { destination: 'FR', procedure: 'fr.asylum' },
      '/api/v1/clients/:id/applications/:applicationId': {
        revision: 1,
        destination: 'DE',
        procedure: 'de.asylum',
        reference: `by ${caller}`,
        steps: [{ id: stepId, stage: 'bamf' }],
      },
      '/api/v1/clients/:id/applications/:applicationId/steps/:stepId': { revision: 1, note: `SYNTHETIC: by ${caller}` },
      // one item per caller (each a first mark, revision 0): the workers' marks pass, the others are refused before
      '/api/v1/clients/:id/checklist/marks': {
        claimType: 'deserter_criminal_case',
        itemId: ['court-record', 'military-id', 'case-papers', 'account'][CALLERS.indexOf(caller) % 4],
        judgement: 'not_applicable',
        reason: `SYNTHETIC: by ${caller}`,
        revision: 0,
      },
      '/api/v1/clients/:id/cases': { caseId },
      '/api/v1/clients/:id/documents': { name: 'x.txt', contentBase64: 'eA==' },
      '/api/v1/clients/:id/shares': { userId: spare },
      '/api/v1/clients/:id/shares/:userId/remove': {},
      '/api/v1/clients/:id/cases/:linkId/remove': {},
      '/api/v1/clients/:id/documents/:documentId/delete': {},
      '/api/v1/clients/:id/referrals': { organisation: orgB.slug },
      '/api/v1/org/users': { email: `new-${caller}-${i}@matrix.test`, role: 'volunteer' },
      '/api/v1/org/users/:id/disable': {},
      '/api/v1/org/users/:id/reset-password': {},
      '/api/v1/org/settings': { requireTotp: true },
      '/api/v1/account/language': { language: 'ru' },
    };
    return { url: path, body: bodies[url] ?? {} };
  }

  it('every route is in the policy table, and every caller gets exactly what the table says', async () => {
    const lines = routeTable(api.app).map((line) => line.split(' ') as [string, string, string, string]);
    const problems: string[] = [];
    let i = 0;
    for (const [method, url, access, rule] of lines) {
      if (!url.startsWith('/api/') || SIGN_IN.test(url)) continue;
      const allowed = access === 'member' ? MEMBER_TABLE[rule] : LEVEL_TABLE[access];
      if (!allowed) {
        problems.push(`${method} ${url} (${access} ${rule}) is not in the policy table of this test`);
        continue;
      }
      // Heavy or long-running routes at the public/read level are covered by their own suites; a refusal check suffices.
      if (access !== 'member' && method === 'POST') continue;
      for (const caller of CALLERS) {
        const browser = browsers.get(caller);
        assert.ok(browser);
        i += 1;
        const { url: target, body } = requestFor(method, url, caller, i);
        const res = method === 'GET' ? await browser.get(target) : await browser.post(target, body);
        const refused = res.statusCode === 401 || res.statusCode === 403 || (res.statusCode === 404 && url.includes(':id'));
        const expected = allowed.includes(caller);
        if (refused === expected)
          problems.push(`${method} ${url} as ${caller}: ${res.statusCode} ${res.body.slice(0, 160)} (expected ${expected ? 'to pass' : 'a refusal'})`);
        if (res.statusCode >= 500) problems.push(`${method} ${url} as ${caller}: ${res.statusCode}`);
        if (caller === 'other_org_admin' && access === 'member') {
          // (B's own audit log names the ids B's admin himself asked for: his refused attempts.)
          for (const secret of [...(url === '/api/v1/org/audit' ? [] : [clientId]), ...secrets])
            if (res.body.includes(secret)) problems.push(`${method} ${url}: B's admin received A's ${secret}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it("deny by default: only the workers' documents and links went; every refused caller's is still on the file", async () => {
    const kept = new Set((await api.db.query<{ id: string }>('select id from client_documents where client_id = $1', [clientId])).map((r) => r.id));
    const file = await loadClient(api.db, api.services.keyring, orgA.id, clientId);
    const links = new Set(file.record.criminalCases.map((l) => l.linkId));
    for (const caller of CALLERS) {
      const gone = WORKERS.includes(caller);
      assert.equal(kept.has(ownDocument.get(caller) ?? ''), !gone, `${caller}'s document`);
      assert.equal(links.has(ownLink.get(caller) ?? ''), !gone, `${caller}'s link`);
    }
    assert.ok(kept.has(documentId), 'the shared document is untouched');
  });

  it('member answers are never cached by a browser or proxy', async () => {
    const lawyer = browsers.get('lawyer');
    assert.ok(lawyer);
    for (const url of ['/api/v1/clients', `/api/v1/clients/${clientId}`, `/api/v1/clients/${clientId}/documents/${documentId}`]) {
      const res = await lawyer.get(url);
      assert.match(String(res.headers['cache-control']), /no-store/, url);
    }
  });
});
