// Passkeys as the administrators' required second factor, with a software authenticator made here (P-256, "none"
// attestation): register at first sign-in, then sign in with it; a wrong signature or a replayed challenge fails.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AccountsApi, accountsApi, Browser, makeOrg, makeUser } from '../helpers/accounts.ts';
import { ENGINES } from '../helpers/engines.ts';

// Minimal CBOR (RFC 8949) for the attestation object and the COSE key: unsigned/negative ints, byte and text strings, maps.
function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
}
type Cbor = number | string | Buffer | Map<Cbor, Cbor>;
function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const b64 = (b: Buffer) => b.toString('base64url');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest();

class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  counter = 0;
  constructor(
    readonly origin: string,
    readonly rpId: string,
  ) {}

  create(challenge: string) {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    const cose = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(String(jwk.x), 'base64url')],
        [-3, Buffer.from(String(jwk.y), 'base64url')],
      ]),
    );
    const idLength = Buffer.from([0, this.credentialId.length]);
    const authData = Buffer.concat([sha(this.rpId), Buffer.from([0x45]), Buffer.alloc(4), Buffer.alloc(16), idLength, this.credentialId, cose]);
    const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge, origin: this.origin, crossOrigin: false }));
    const attestation = cbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: b64(this.credentialId),
      rawId: b64(this.credentialId),
      type: 'public-key',
      response: { clientDataJSON: b64(clientData), attestationObject: b64(attestation), transports: ['internal'] },
      clientExtensionResults: {},
    };
  }

  get(challenge: string, key: KeyObject = this.keys.privateKey) {
    this.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const authData = Buffer.concat([sha(this.rpId), Buffer.from([0x05]), counter]);
    const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin: this.origin, crossOrigin: false }));
    const signature = sign('sha256', Buffer.concat([authData, sha(clientData)]), key);
    return {
      id: b64(this.credentialId),
      rawId: b64(this.credentialId),
      type: 'public-key',
      response: { clientDataJSON: b64(clientData), authenticatorData: b64(authData), signature: b64(signature) },
      clientExtensionResults: {},
    };
  }
}

for (const engine of ENGINES) {
  describe(`passkeys (${engine.name})`, () => {
    let api: AccountsApi;
    before(async () => {
      api = await accountsApi(engine);
      const org = await makeOrg(api, 'Passkey Aid');
      await api.db.query('update organisations set require_passkey_for_admins = true where id = $1', [org.id]);
      const admin = await makeUser(api, org, 'admin@passkey.test', 'org_admin');
      const b = new Browser(api, '198.51.100.40');
      await b.post('/api/v1/auth/login', { email: 'admin@passkey.test', password: admin.password });
      const changed = await b.post('/api/v1/auth/password', { current: admin.password, next: 'passkey admin password' });
      assert.equal(changed.json().next, 'passkey');
      registering = b;
    });
    after(() => api.close());
    let registering: Browser;
    const authenticator = new SoftAuthenticator('http://localhost', 'localhost');

    it('an administrator registers a passkey at first sign-in and is then signed in', async () => {
      assert.equal((await registering.get('/api/v1/org/users')).statusCode, 403);
      const options = await registering.post('/api/v1/auth/passkey/register/options');
      assert.equal(options.statusCode, 200, options.body);
      assert.equal(options.json().options.rp.id, 'localhost');
      const verify = await registering.post('/api/v1/auth/passkey/register/verify', { response: authenticator.create(options.json().options.challenge) });
      assert.equal(verify.statusCode, 200, verify.body);
      assert.equal(verify.json().next, 'done');
      assert.equal((await registering.get('/api/v1/org/users')).statusCode, 200);
      // A second registration without the factor is not offered to a password-only session.
      const other = new Browser(api, '198.51.100.41');
      await other.post('/api/v1/auth/login', { email: 'admin@passkey.test', password: 'passkey admin password' });
      assert.equal((await other.post('/api/v1/auth/passkey/register/options')).statusCode, 403);
    });

    it('signs in with the passkey; a wrong key and a used challenge are refused', async () => {
      const b = new Browser(api, '198.51.100.42');
      const login = await b.post('/api/v1/auth/login', { email: 'admin@passkey.test', password: 'passkey admin password' });
      assert.equal(login.json().next, 'passkey');
      const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      const first = await b.post('/api/v1/auth/passkey/login/options');
      const forged = await b.post('/api/v1/auth/passkey/login/verify', { response: authenticator.get(first.json().options.challenge, stranger) });
      assert.equal(forged.statusCode, 401);
      const options = await b.post('/api/v1/auth/passkey/login/options');
      const challenge = options.json().options.challenge;
      const ok = await b.post('/api/v1/auth/passkey/login/verify', { response: authenticator.get(challenge) });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().next, 'done');
      assert.equal((await b.get('/api/v1/org/users')).statusCode, 200);
      const replay = await b.post('/api/v1/auth/passkey/login/verify', { response: authenticator.get(challenge) });
      assert.equal(replay.statusCode, 401, 'a challenge is used once');
      const audit = await api.db.query<{ outcome: string }>("select outcome from audit_log where action = 'auth.passkey' order by seq");
      assert.deepEqual(
        audit.map((r) => r.outcome),
        ['failed', 'ok', 'failed'],
      );
    });
  });
}
