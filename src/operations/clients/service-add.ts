/**
 * Add one service period to a client's record, on the revision the caller last saw (an older one is a conflict):
 * the narrow form of clients.update for the command line, where a whole record does not fit in flags. The period
 * is checked by the record's own ServiceSchema, the resulting record by the record's schema (at most 50 periods).
 */
import { z } from 'zod';
import { updateClient } from '../../casework/clients.ts';
import { allows } from '../../casework/fields.ts';
import { MilitarySchema, ServiceSchema } from '../../casework/record.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const addServicePeriodOperation = defineOperation({
  name: 'clients.service_add',
  summary: "Add a service period (unit, unit number, role, place, from/to, deployed) to a client's military service, on the revision you last saw",
  input: z
    .object({
      id: clientId,
      revision: z.coerce.number().int().positive().describe('the revision the change was made on'),
      service: ServiceSchema.refine((s) => Object.keys(s).length > 0, 'name at least the unit, its number, the place or the dates'),
    })
    .strict(),
  output: z.object({ id: z.string(), revision: z.number().int(), periods: z.number().int() }),
  policy: clientPolicy.update,
  surfaces: { api: 'the web app and the API edit the whole record: POST /api/v1/clients/:id (clients.update)', cli: true },
  run: (ctx, input) =>
    onFile(ctx, {
      action: 'clients.update',
      policy: clientPolicy.update,
      clientId: input.id,
      forUpdate: true,
      run: async (tx, file, actor) => {
        if (!allows(actor.role, 'military')) throw new OtkazError(ErrorCode.AccessDenied, 'not allowed: your role may not see the military service');
        const military = MilitarySchema.safeParse({
          ...(file.record.military ?? { status: 'unknown' }),
          service: [...(file.record.military?.service ?? []), input.service],
        });
        if (!military.success) throw new OtkazError(ErrorCode.InputInvalid, `service: ${military.error.issues.map((i) => i.message).join('; ')}`);
        const revision = await updateClient(tx, ctx.casework.keyring, actor.orgId, input.id, input.revision, { ...file.record, military: military.data });
        return { id: input.id, revision, periods: military.data.service.length };
      },
    }),
});
