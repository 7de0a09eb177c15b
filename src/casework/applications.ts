/**
 * A client's asylum applications, one per destination and procedure (assets/procedures: src/procedures): the steps
 * with their dates (filed, decided, served) and outcomes, the documents of the file each step rests on, and the
 * deadlines a judge or an authority set by hand. Each application is one ciphertext under the organisation's data
 * key (AAD: organisation, 'client_applications', 'body', id) — the destination too. Edits carry the revision they
 * were made on; an edit on an older revision is refused (someone else changed it meanwhile).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { ProcedureCatalogue } from '../procedures/load.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { isoDate } from '../shared/validation.ts';
import type { Keyring } from './keyring.ts';
import { refused } from './refusal.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const StepSchema = z
  .object({
    id: z.string().uuid().optional().describe('kept across edits; given to new steps when missing'),
    stage: text(64).describe('a stage id of the procedure (GET /api/v1/procedures)'),
    filedOn: isoDate.optional(),
    decidedOn: isoDate.optional(),
    servedOn: isoDate.optional().describe('when the decision was served (Zustellung, notification): deadlines run from here'),
    outcome: text(64).optional().describe("one of the stage's outcome ids"),
    documentIds: z.array(z.string().uuid()).max(50).default([]).describe('documents of this client file the step rests on'),
    legalAid: z
      .object({ requestedOn: isoDate, decidedOn: isoDate.optional().describe('when the legal-aid decision was notified') })
      .strict()
      .optional()
      .describe('France: a legal-aid request within 15 days suspends the CNDA time limit'),
    overseas: z.boolean().optional().describe('France: the applicant lives overseas (one more month)'),
    note: text(2000).optional(),
  })
  .strict();

export const ManualDeadlineSchema = z
  .object({
    id: z.string().uuid().optional(),
    label: text(300),
    due: isoDate,
    setBy: z.enum(['judge', 'authority', 'lawyer', 'other']).default('judge'),
    source: text(500).optional().describe('the order or letter that set it'),
    done: z.boolean().default(false),
  })
  .strict();

export const ApplicationBodySchema = z
  .object({
    destination: z.string().regex(/^[A-Z]{2}$/, 'a country code, e.g. DE'),
    procedure: text(64).describe('a procedure id, e.g. de.asylum'),
    reference: text(100).optional().describe("the authority's file number"),
    region: z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'a holiday region, e.g. DE-BE')
      .optional()
      .describe('where the court sits: its public holidays move deadlines'),
    arrivedOn: isoDate.optional().describe('the last arrival in the country (US: the one-year filing limit)'),
    steps: z.array(StepSchema).max(30).default([]),
    manualDeadlines: z.array(ManualDeadlineSchema).max(50).default([]),
  })
  .strict();
export type ApplicationInput = z.input<typeof ApplicationBodySchema>;

/** An application as stored: every step and deadline has its id. */
export const StoredApplicationSchema = ApplicationBodySchema.extend({
  steps: z.array(StepSchema.extend({ id: z.string().uuid() })).max(30),
  manualDeadlines: z.array(ManualDeadlineSchema.extend({ id: z.string().uuid() })).max(50),
});
export type ApplicationBody = z.output<typeof StoredApplicationSchema>;

export interface Application extends ApplicationBody {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

const binding = (orgId: string, id: string) => ({ scope: `org:${orgId}`, table: 'client_applications', column: 'body', row: id });

/** Checks the body against the procedure model and the file's documents; gives new steps and deadlines their ids. */
async function checked(tx: Queryable, catalogue: ProcedureCatalogue, orgId: string, clientId: string, input: ApplicationInput): Promise<ApplicationBody> {
  const body = ApplicationBodySchema.parse(input);
  const found = catalogue.procedure(body.procedure);
  if (!found)
    throw refused(ErrorCode.InputInvalid, 'no_procedure', `no procedure ${body.procedure} (GET /api/v1/procedures lists them)`, {
      where: 'procedure',
      values: { procedure: body.procedure },
    });
  if (found.country.country !== body.destination)
    throw refused(ErrorCode.InputInvalid, 'procedure_of_other_country', `procedure ${body.procedure} is of ${found.country.country}, not ${body.destination}`, {
      where: 'destination',
      values: { procedure: body.procedure, country: found.country.country, destination: body.destination },
    });
  if (body.region && !body.region.startsWith(body.destination))
    throw refused(ErrorCode.InputInvalid, 'region_of_other_country', `region ${body.region} is not in ${body.destination}`, {
      where: 'region',
      values: { region: body.region, destination: body.destination },
    });
  const documents = new Set<string>();
  const wanted = [...new Set(body.steps.flatMap((s) => s.documentIds))];
  if (wanted.length) {
    const rows = await tx.query<{ id: string }>('select id from client_documents where org_id = $1 and client_id = $2 and id = any($3::uuid[])', [
      orgId,
      clientId,
      wanted,
    ]);
    for (const r of rows) documents.add(r.id);
  }
  const steps = body.steps.map((step, i) => {
    const where = `steps.${i}`;
    const stage = found.procedure.stages.find((s) => s.id === step.stage);
    if (!stage)
      throw refused(ErrorCode.InputInvalid, 'no_stage', `no stage ${step.stage} in ${body.procedure}`, {
        where: `${where}.stage`,
        values: { stage: step.stage, procedure: body.procedure },
      });
    if (step.outcome && !stage.outcomes.some((o) => o.id === step.outcome))
      throw refused(ErrorCode.InputInvalid, 'no_outcome', `stage ${stage.id} has no outcome ${step.outcome} (${stage.outcomes.map((o) => o.id).join(', ')})`, {
        where: `${where}.outcome`,
        values: { stage: stage.id, outcome: step.outcome, outcomes: stage.outcomes.map((o) => o.id).join(', ') },
      });
    if (step.decidedOn && step.servedOn && step.servedOn < step.decidedOn)
      throw refused(ErrorCode.InputInvalid, 'served_before_decided', `served ${step.servedOn} before it was decided ${step.decidedOn}`, {
        where: `${where}.servedOn`,
        values: { servedOn: step.servedOn, decidedOn: step.decidedOn },
      });
    if (step.legalAid?.decidedOn && step.legalAid.decidedOn < step.legalAid.requestedOn)
      throw refused(ErrorCode.InputInvalid, 'legal_aid_decided_before_request', 'the legal-aid decision is dated before the request', {
        where: `${where}.legalAid.decidedOn`,
        values: { requestedOn: step.legalAid.requestedOn, decidedOn: step.legalAid.decidedOn },
      });
    for (const documentId of step.documentIds)
      if (!documents.has(documentId))
        throw refused(ErrorCode.InputInvalid, 'no_document', `no document ${documentId} in this client file`, { where: `${where}.documentIds` });
    return { ...step, id: step.id ?? randomUUID() };
  });
  return { ...body, steps, manualDeadlines: body.manualDeadlines.map((d) => ({ ...d, id: d.id ?? randomUUID() })) };
}

async function seal(tx: Queryable, keyring: Keyring, orgId: string, id: string, body: ApplicationBody): Promise<Uint8Array> {
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  return keyring.cipher.sealText(key, version, binding(orgId, id), JSON.stringify(body));
}

export async function addApplication(
  tx: Queryable,
  keyring: Keyring,
  catalogue: ProcedureCatalogue,
  orgId: string,
  clientId: string,
  input: ApplicationInput,
  now: Date,
): Promise<{ id: string; revision: number }> {
  const body = await checked(tx, catalogue, orgId, clientId, input);
  const id = randomUUID();
  await tx.query('insert into client_applications (id, org_id, client_id, body, created_at, updated_at) values ($1, $2, $3, $4, $5, $5)', [
    id,
    orgId,
    clientId,
    await seal(tx, keyring, orgId, id, body),
    now.toISOString(),
  ]);
  return { id, revision: 1 };
}

/** Replaces an application's content, if `revision` is still the stored one. */
export async function updateApplication(
  tx: Queryable,
  keyring: Keyring,
  catalogue: ProcedureCatalogue,
  target: { orgId: string; clientId: string; id: string; revision: number },
  input: ApplicationInput,
  now: Date,
): Promise<{ id: string; revision: number }> {
  const rows = await tx.query<{ revision: number }>('select revision from client_applications where org_id = $1 and client_id = $2 and id = $3 for update', [
    target.orgId,
    target.clientId,
    target.id,
  ]);
  const row = rows[0];
  if (!row) throw refused(ErrorCode.InputNotFound, 'no_application', 'no such application in this client file', { where: 'applicationId' });
  if (row.revision !== target.revision)
    throw refused(
      ErrorCode.Conflict,
      'application_changed',
      `the application was changed by someone else (now revision ${row.revision}); reload it and make your change again`,
      { where: 'revision', values: { revision: row.revision } },
    );
  const body = await checked(tx, catalogue, target.orgId, target.clientId, input);
  await tx.query('update client_applications set body = $4, revision = revision + 1, updated_at = $5 where org_id = $1 and client_id = $2 and id = $3', [
    target.orgId,
    target.clientId,
    target.id,
    await seal(tx, keyring, target.orgId, target.id, body),
    now.toISOString(),
  ]);
  return { id: target.id, revision: row.revision + 1 };
}

/**
 * A correction of one step: each field given replaces the stored one, `null` takes it out, a field not given is
 * kept. The legal-aid dates are flat (a command line's flags); a decision without a request is refused.
 */
export const StepChangeSchema = z
  .object({
    stage: text(64).optional().describe('a stage id of the procedure'),
    filedOn: isoDate.nullable().optional(),
    decidedOn: isoDate.nullable().optional(),
    servedOn: isoDate.nullable().optional().describe('when the decision was served: deadlines run from here'),
    outcome: text(64).nullable().optional().describe("one of the stage's outcome ids; null: pending"),
    legalAidRequestedOn: isoDate.nullable().optional().describe('France: when legal aid was requested'),
    legalAidDecidedOn: isoDate.nullable().optional().describe('France: when the legal-aid decision was notified (needs the request)'),
    overseas: z.boolean().nullable().optional(),
    documentIds: z.array(z.string().uuid()).max(50).optional(),
    note: text(2000).nullable().optional(),
  })
  .strict();
export type StepChange = z.output<typeof StepChangeSchema>;

/** The step's fields a correction may replace or take out (the legal-aid dates are one field stored, two changed). */
export const STEP_CHANGE_FIELDS = Object.keys(StepChangeSchema.shape) as Array<keyof StepChange>;

type StoredStep = ApplicationBody['steps'][number];

/** The step with the change applied (pure); the legal-aid pair checked: a decision needs its request. */
export function changedStep(step: StoredStep, change: StepChange, where: string): StoredStep {
  const next: Record<string, unknown> = { ...step };
  for (const field of ['stage', 'filedOn', 'decidedOn', 'servedOn', 'outcome', 'overseas', 'documentIds', 'note'] as const) {
    const value = change[field];
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  if (next.overseas === false) delete next.overseas;
  const pick = (given: string | null | undefined, kept: string | undefined) => (given === undefined ? kept : (given ?? undefined));
  const requestedOn = pick(change.legalAidRequestedOn, step.legalAid?.requestedOn);
  const decidedOn = pick(change.legalAidDecidedOn, step.legalAid?.decidedOn);
  if (decidedOn !== undefined && requestedOn === undefined)
    throw refused(ErrorCode.InputInvalid, 'legal_aid_decision_without_request', 'a legal-aid decision needs the date legal aid was requested', {
      where: `${where}.legalAid.requestedOn`,
    });
  if (requestedOn === undefined) delete next.legalAid;
  else next.legalAid = { requestedOn, ...(decidedOn !== undefined ? { decidedOn } : {}) };
  return next as StoredStep;
}

/**
 * Corrects one step of an application (dates, outcome, service, legal aid), if `revision` is still the stored one;
 * the whole application is checked again (the procedure model, the file's documents) and goes one revision on.
 */
export async function editStep(
  tx: Queryable,
  keyring: Keyring,
  catalogue: ProcedureCatalogue,
  target: { orgId: string; clientId: string; id: string; revision: number; stepId: string },
  change: StepChange,
  now: Date,
): Promise<{ id: string; revision: number }> {
  const application = (await listApplications(tx, keyring, target.orgId, target.clientId)).find((a) => a.id === target.id);
  if (!application) throw refused(ErrorCode.InputNotFound, 'no_application', 'no such application in this client file', { where: 'applicationId' });
  const index = application.steps.findIndex((s) => s.id === target.stepId);
  const step = application.steps[index];
  if (!step) throw refused(ErrorCode.InputNotFound, 'no_step', 'no such step in this application', { where: 'stepId' });
  const { id: _id, revision: _revision, createdAt: _created, updatedAt: _updated, ...body } = application;
  const steps = application.steps.map((s, i) => (i === index ? changedStep(s, change, `steps.${i}`) : s));
  return updateApplication(tx, keyring, catalogue, target, { ...body, steps }, now);
}

export async function listApplications(db: Queryable, keyring: Keyring, orgId: string, clientId: string): Promise<Application[]> {
  const rows = await db.query<{ id: string; body: Uint8Array; revision: number; created_at: string; updated_at: string }>(
    'select id, body, revision, created_at, updated_at from client_applications where org_id = $1 and client_id = $2 order by created_at, id',
    [orgId, clientId],
  );
  const out: Application[] = [];
  for (const row of rows) {
    const key = await keyring.orgKey(db, orgId, keyring.cipher.keyVersionOf(row.body));
    const parsed = StoredApplicationSchema.safeParse(JSON.parse(keyring.cipher.openText(key, binding(orgId, row.id), row.body)));
    if (!parsed.success) throw new OtkazError(ErrorCode.CryptoInvalid, `application ${row.id} does not match its schema after decryption`);
    out.push({ ...parsed.data, id: row.id, revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at });
  }
  return out;
}

/**
 * Takes a deleted document out of the steps that rested on it, so that the application can be edited again (an
 * edit naming a document the file no longer holds is refused); each application changed goes one revision on.
 * Call with the client row locked. Returns how many applications changed.
 */
export async function forgetDocument(tx: Queryable, keyring: Keyring, orgId: string, clientId: string, documentId: string, now: Date): Promise<number> {
  await tx.query('select id from client_applications where org_id = $1 and client_id = $2 for update', [orgId, clientId]);
  let changed = 0;
  for (const { id, revision: _revision, createdAt: _created, updatedAt: _updated, ...body } of await listApplications(tx, keyring, orgId, clientId)) {
    if (!body.steps.some((s) => s.documentIds.includes(documentId))) continue;
    const next = { ...body, steps: body.steps.map((s) => ({ ...s, documentIds: s.documentIds.filter((d) => d !== documentId) })) };
    await tx.query('update client_applications set body = $4, revision = revision + 1, updated_at = $5 where org_id = $1 and client_id = $2 and id = $3', [
      orgId,
      clientId,
      id,
      await seal(tx, keyring, orgId, id, StoredApplicationSchema.parse(next)),
      now.toISOString(),
    ]);
    changed += 1;
  }
  return changed;
}

/** Stores an application as it was (an import): id, revision and times kept, sealed under the current data key. */
export async function storeApplication(tx: Queryable, keyring: Keyring, orgId: string, clientId: string, application: Application): Promise<void> {
  const { id, revision, createdAt, updatedAt, ...body } = application;
  await tx.query('insert into client_applications (id, org_id, client_id, body, revision, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7)', [
    id,
    orgId,
    clientId,
    await seal(tx, keyring, orgId, id, StoredApplicationSchema.parse(body)),
    revision,
    createdAt,
    updatedAt,
  ]);
}

/** Re-seals every application of the organisation under its current data key (key rotation); returns how many. */
export async function resealApplications(tx: Queryable, keyring: Keyring, orgId: string): Promise<number> {
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  const rows = await tx.query<{ id: string; body: Uint8Array }>('select id, body from client_applications where org_id = $1 for update', [orgId]);
  for (const row of rows) {
    const old = await keyring.orgKey(tx, orgId, keyring.cipher.keyVersionOf(row.body));
    const plain = keyring.cipher.openText(old, binding(orgId, row.id), row.body);
    await tx.query('update client_applications set body = $3 where org_id = $1 and id = $2', [
      orgId,
      row.id,
      keyring.cipher.sealText(key, version, binding(orgId, row.id), plain),
    ]);
  }
  return rows.length;
}
