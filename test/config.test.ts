import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../src/config/config.ts';
import { ErrorCode, OtkazError } from '../src/shared/errors.ts';
import { tempDir } from './helpers/temp.ts';

describe('configuration', () => {
  const cwd = tempDir('otkaz-config-');
  it('defaults', () => {
    const config = loadConfig({}, cwd);
    assert.equal(config.dataDir, path.join(cwd, 'data'));
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, undefined);
  });
  it('environment wins over the file', () => {
    const file = path.join(cwd, 'c.json');
    writeFileSync(file, JSON.stringify({ port: 9000, dataDir: '/srv/otkaz' }));
    const config = loadConfig({ OTKAZ_CONFIG: file, PORT: '9100' }, cwd);
    assert.equal(config.port, 9100);
    assert.equal(config.dataDir, '/srv/otkaz');
  });
  it('refuses bad values and names the setting', () => {
    const check = (env: NodeJS.ProcessEnv, pattern: RegExp) =>
      assert.throws(
        () => loadConfig(env, cwd),
        (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.ConfigInvalid && pattern.test(e.message),
      );
    check({ PORT: 'eighty' }, /environment variable PORT/);
    check({ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a postgres/);
    check({ OTKAZ_PERSON_KEY: 'short' }, /OTKAZ_PERSON_KEY: must be at least 16/);
    check({ OTKAZ_CONFIG: path.join(cwd, 'missing.json') }, /config file not found/);
    const bad = path.join(cwd, 'bad.json');
    writeFileSync(bad, '{"port": 1,');
    check({ OTKAZ_CONFIG: bad }, /not a valid JSON object/);
    const unknown = path.join(cwd, 'unknown.json');
    writeFileSync(unknown, '{"prot": 1}');
    check({ OTKAZ_CONFIG: unknown }, /unrecognized key/i);
    check({ OTKAZ_TSA_URL: 'ftp://tsa.example.org' }, /OTKAZ_TSA_URL: must be an http/);
  });
  it('the time-stamping authority: its URL as given, its CA file resolved against the working directory', () => {
    const config = loadConfig({ OTKAZ_TSA_URL: 'https://tsa.example.org/tsr', OTKAZ_TSA_CA_FILE: 'keys/tsa-ca.pem' }, cwd);
    assert.equal(config.tsaUrl, 'https://tsa.example.org/tsr');
    assert.equal(config.tsaCaFile, path.join(cwd, 'keys', 'tsa-ca.pem'));
    assert.equal(loadConfig({}, cwd).tsaUrl, undefined, 'unset: no stamps');
  });
});

describe('network guard in tests', () => {
  it('an outgoing connection to a non-loopback host fails the test process', async () => {
    const net = await import('node:net');
    assert.throws(() => net.connect(80, 'example.org'), /tried to reach the network/);
  });
});
