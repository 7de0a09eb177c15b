/**
 * A client's asylum applications: list (with the procedure each follows), add one, replace one (on the revision it
 * was read at). The workers of the file's organisation only; every read and change audited (src/operations/clients/member.ts).
 */
import { z } from 'zod';
import { applicationDeadlines } from '../../agenda/deadlines.ts';
import { ApplicationBodySchema, addApplication, editStep, listApplications, StepChangeSchema, updateApplication } from '../../casework/applications.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { loadProcedures } from '../../procedures/load.ts';
import { ApplicationDeadlineSchema } from '../deadlines/schemas.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

const StepOut = z.object({
  id: z.string(),
  stage: z.string(),
  filedOn: z.string().optional(),
  decidedOn: z.string().optional(),
  servedOn: z.string().optional(),
  outcome: z.string().optional(),
  documentIds: z.array(z.string()),
  legalAid: z.object({ requestedOn: z.string(), decidedOn: z.string().optional() }).optional(),
  overseas: z.boolean().optional(),
  note: z.string().optional(),
});

const ManualDeadlineOut = z.object({
  id: z.string(),
  label: z.string(),
  due: z.string(),
  setBy: z.string(),
  source: z.string().optional(),
  done: z.boolean(),
});

export const ApplicationSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  destination: z.string(),
  procedure: z.string(),
  reference: z.string().optional(),
  region: z.string().optional(),
  arrivedOn: z.string().optional(),
  steps: z.array(StepOut),
  manualDeadlines: z.array(ManualDeadlineOut),
});

/** An application as listed: with its deadlines computed (each with the rule, its sources and the arithmetic). */
export const ListedApplicationSchema = ApplicationSchema.extend({
  deadlines: z
    .array(ApplicationDeadlineSchema)
    .describe('computed from the served outcomes (the procedure’s deadline rules), the arrival, and the dates set by hand; each with its own error'),
});

const Written = z.object({ id: z.string(), revision: z.number().int() });

export const listApplicationsOperation = defineOperation({
  name: 'clients.applications',
  summary: "A client's asylum applications: destination, procedure, steps with dates and outcomes, and their deadlines (computed and set by hand)",
  input: z.object({ id: clientId }).strict(),
  output: z.object({ applications: z.array(ListedApplicationSchema) }),
  policy: clientPolicy.applications,
  surfaces: { api: true, cli: true },
  run: (ctx, { id }) =>
    onFile(ctx, {
      action: 'clients.applications',
      policy: clientPolicy.applications,
      clientId: id,
      run: async (tx, _file, actor) => {
        const catalogue = loadProcedures();
        const applications = await listApplications(tx, ctx.casework.keyring, actor.orgId, id);
        return { applications: applications.map((a) => ({ ...a, deadlines: applicationDeadlines(a, catalogue) })) };
      },
    }),
});

export const addApplicationOperation = defineOperation({
  name: 'clients.application_add',
  summary: 'Add an asylum application to a client file (a destination and one of its procedures, optionally its first steps)',
  input: ApplicationBodySchema.extend({ id: clientId }),
  output: Written,
  policy: clientPolicy.applicationWrite,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, ...body }) =>
    onFile(ctx, {
      action: 'clients.application_add',
      policy: clientPolicy.applicationWrite,
      clientId: id,
      resource: (r) => ({ type: 'application', id: r.id }),
      run: (tx, _file, actor) => addApplication(tx, ctx.casework.keyring, loadProcedures(), actor.orgId, id, body, ctx.casework.now()),
    }),
});

export const updateApplicationOperation = defineOperation({
  name: 'clients.application_update',
  summary: 'Replace an application’s content (steps, outcomes, dates, deadlines) — refused when someone changed it since `revision`',
  input: ApplicationBodySchema.extend({
    id: clientId,
    applicationId: z.string().uuid('expected an application id (a UUID)'),
    revision: z.number().int().positive().describe('the revision the change was made on'),
  }),
  output: Written,
  policy: clientPolicy.applicationWrite,
  surfaces: { api: true, cli: 'an application is edited whole: use the API or the web app' },
  run: (ctx, { id, applicationId, revision, ...body }) =>
    onFile(ctx, {
      action: 'clients.application_update',
      policy: clientPolicy.applicationWrite,
      clientId: id,
      resource: (r) => ({ type: 'application', id: r.id }),
      run: (_tx, _file, actor) =>
        updateApplication(
          _tx,
          ctx.casework.keyring,
          loadProcedures(),
          { orgId: actor.orgId, clientId: id, id: applicationId, revision },
          body,
          ctx.casework.now(),
        ),
    }),
});

export const editStepOperation = defineOperation({
  name: 'clients.application_step_update',
  summary: 'Correct one step of an application (dates, outcome, service, legal aid): a field given replaces it, null takes it out',
  input: StepChangeSchema.extend({
    id: clientId,
    applicationId: z.string().uuid('expected an application id (a UUID)'),
    stepId: z.string().uuid('expected a step id (a UUID)'),
    revision: z.coerce.number().int().positive().describe('the revision of the application the change was made on'),
  }),
  output: Written,
  policy: clientPolicy.applicationWrite,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, applicationId, stepId, revision, ...change }) =>
    onFile(ctx, {
      action: 'clients.application_step_update',
      policy: clientPolicy.applicationWrite,
      clientId: id,
      resource: (r) => ({ type: 'application', id: r.id }),
      run: (tx, _file, actor) =>
        editStep(
          tx,
          ctx.casework.keyring,
          loadProcedures(),
          { orgId: actor.orgId, clientId: id, id: applicationId, revision, stepId },
          change,
          ctx.casework.now(),
        ),
    }),
});
