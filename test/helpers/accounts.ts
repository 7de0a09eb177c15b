// Case-file accounts in-process: an app over a fresh database with an injected clock, organisations and members
// made through the library, and a small browser that keeps the session cookie and the CSRF token.
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { createOrganisation, type Organisation } from '../../src/accounts/orgs.ts';
import { createUser } from '../../src/accounts/users.ts';
import { buildApp } from '../../src/api/app.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { type Config, loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import type { EngineFactory } from './engines.ts';
import { bundledKnowledgeBase } from './kb.ts';
import { cheapPasswords } from './passwords.ts';

/** A clock tests move by hand. */
export class TestClock {
  #ms: number;
  constructor(start = '2026-03-02T09:00:00Z') {
    this.#ms = Date.parse(start);
  }
  now = (): Date => new Date(this.#ms);
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export const MINUTE = 60_000;

export interface AccountsApi {
  app: FastifyInstance;
  db: Database;
  config: Config;
  clock: TestClock;
  services: ReturnType<typeof caseworkServices>;
  close(): Promise<void>;
}

/** `env`: more settings (e.g. OTKAZ_TIME_ZONE), as environment variables. */
export async function accountsApi(engine: EngineFactory, env: Record<string, string> = {}): Promise<AccountsApi> {
  cheapPasswords();
  const { db, drop } = await engine.create();
  const clock = new TestClock();
  const config = loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-accounts-unused', OTKAZ_RATE_LIMIT: '0', ...env });
  const app = await buildApp({ config, db, directory: loadDirectory(), kb: bundledKnowledgeBase(), now: clock.now });
  return {
    app,
    db,
    config,
    clock,
    services: caseworkServices(config, null, clock.now),
    async close() {
      await app.close();
      await drop();
    },
  };
}

export async function makeOrg(api: AccountsApi, name: string, requireTotp = true): Promise<Organisation> {
  return createOrganisation(api.db, api.services, { kind: 'local' }, { name, requireTotp });
}

export async function makeUser(api: AccountsApi, org: { readonly id: string }, email: string, role: string): Promise<{ id: string; password: string }> {
  const { user, oneTimePassword } = await createUser(api.db, api.services.audit, { kind: 'local' }, { orgId: org.id, email, role, now: api.clock.now() });
  return { id: user.id, password: oneTimePassword };
}

/** A browser: keeps the session cookie and the CSRF token, comes from one address. */
export class Browser {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(
    readonly api: AccountsApi,
    readonly ip: string,
  ) {}

  async request(method: 'GET' | 'POST', url: string, payload?: object, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = `otkaz_session=${this.cookie}`;
    if (this.csrf && options.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.api.app.inject({ method, url, headers, remoteAddress: this.ip, ...(payload ? { payload } : {}) });
    const set = res.cookies.find((c) => c.name === 'otkaz_session');
    if (set) this.cookie = set.value === '' ? null : set.value;
    if (res.headers['content-type']?.toString().startsWith('application/json')) {
      const body = res.json() as { csrfToken?: string };
      if (typeof body.csrfToken === 'string') this.csrf = body.csrfToken;
    }
    return res;
  }

  post(url: string, payload?: object, options?: { csrf?: boolean }) {
    return this.request('POST', url, payload, options);
  }
  get(url: string) {
    return this.request('GET', url);
  }
}

/** The current TOTP code of a base32 secret at the test clock's time. */
export function totpCode(secret: string, clock: TestClock): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() });
}

/** Signs a member in all the way: password changed, TOTP enrolled and confirmed. Returns the browser and TOTP secret. */
export async function signInFully(
  api: AccountsApi,
  email: string,
  oneTime: string,
  ip: string,
  password = 'a long new password 1',
): Promise<{ browser: Browser; secret: string; recovery: string[] }> {
  const browser = new Browser(api, ip);
  const login = await browser.post('/api/v1/auth/login', { email, password: oneTime });
  assert.equal(login.statusCode, 200, login.body);
  assert.equal(login.json().next, 'change_password');
  const changed = await browser.post('/api/v1/auth/password', { current: oneTime, next: password });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().next, 'enrol_totp');
  const enrol = await browser.post('/api/v1/auth/totp/enrol');
  assert.equal(enrol.statusCode, 200, enrol.body);
  const secret = enrol.json().secret as string;
  const confirm = await browser.post('/api/v1/auth/totp/confirm', { code: totpCode(secret, api.clock) });
  assert.equal(confirm.statusCode, 200, confirm.body);
  assert.equal(confirm.json().next, 'done');
  return { browser, secret, recovery: confirm.json().recoveryCodes as string[] };
}
