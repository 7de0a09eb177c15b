// Organisations, members and operation contexts for the case-file tests: rows inserted directly (sign-in is tested
// in test/accounts), a keyring over a fresh random KEK per suite, and a context that acts as a given member.
import { randomBytes, randomUUID } from 'node:crypto';
import { Keyring } from '../../src/casework/keyring.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { type Config, loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { CourtDirectory } from '../../src/courts/directory/types.ts';
import { LocalKek } from '../../src/crypto/kek.ts';
import type { Database } from '../../src/db/database.ts';
import type { Actor, UserActor } from '../../src/ops/actor.ts';
import type { OperationContext } from '../../src/ops/operation.ts';
import { UNBOUNDED } from '../../src/shared/limits.ts';
import type { MemberRole } from '../../src/shared/roles.ts';
import { bundledKnowledgeBase } from './kb.ts';

export interface CaseworkWorld {
  db: Database;
  config: Config;
  keyring: Keyring;
  directory: CourtDirectory;
  /** The moment the services' clock says (tests move it). */
  clock: { now: Date };
}

export function caseworkWorld(db: Database): CaseworkWorld {
  const kek = randomBytes(32);
  const config = loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-casework-unused', OTKAZ_KEK: kek.toString('base64'), OTKAZ_RATE_LIMIT: '0' });
  return {
    db,
    config,
    keyring: new Keyring(new LocalKek(new Uint8Array(kek), 'test')),
    directory: loadDirectory(),
    clock: { now: new Date('2026-11-20T10:00:00Z') },
  };
}

export async function seedOrg(world: CaseworkWorld, slug: string): Promise<string> {
  const id = randomUUID();
  await world.db.transaction(async (tx) => {
    await tx.query('insert into organisations (id, slug, name) values ($1, $2, $3)', [id, slug, `Test organisation ${slug} (SYNTHETIC)`]);
    await world.keyring.createOrgKey(tx, id);
  });
  return id;
}

export async function seedMember(
  world: CaseworkWorld,
  orgId: string,
  role: MemberRole,
  email = `${role}-${randomUUID().slice(0, 8)}@example.org`,
): Promise<UserActor> {
  const id = randomUUID();
  await world.db.query('insert into users (id, org_id, email, role) values ($1, $2, $3, $4)', [id, orgId, email, role]);
  return { kind: 'user', userId: id, orgId, role, sessionId: null, verified: true };
}

/** An operation context acting as `actor`, with the world's keyring and clock. */
export function actingAs(world: CaseworkWorld, actor: Actor, ip = '192.0.2.10'): OperationContext {
  const services = caseworkServices(world.config, ip, () => world.clock.now);
  return {
    actor,
    config: world.config,
    db: world.db,
    get kb() {
      return bundledKnowledgeBase();
    },
    directory: world.directory,
    personKey: 'test-person-key-0123456789',
    budget: UNBOUNDED,
    now: () => world.clock.now,
    casework: { keyring: world.keyring, audit: { keyring: world.keyring, now: () => world.clock.now }, now: () => world.clock.now, ip: services.ip },
  };
}
