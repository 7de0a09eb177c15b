/**
 * The case files' refusals that are not a request schema's (zod) issues — a procedure the model does not know, a
 * case the tracker does not have, a consent not given, a file changed meanwhile — as data: the problem answer carries
 * `reason` (`casework.` and one of REFUSAL_REASONS) and `values` (the few non-personal values its sentence needs:
 * ids of the models, dates, counts, revisions), so that a client words it in its language (the web app:
 * web/src/casework/refusals.ts, the locales' `files.refusals.*`). The message stays the English sentence, as before.
 */
import { type ErrorCode, OtkazError } from '../shared/errors.ts';

/** Every reason a case-file refusal gives; the web app has a text for each, in English and Russian (a test checks). */
export const REFUSAL_REASONS = [
  'no_procedure',
  'procedure_of_other_country',
  'region_of_other_country',
  'no_stage',
  'no_outcome',
  'served_before_decided',
  'legal_aid_decided_before_request',
  'legal_aid_decision_without_request',
  'no_document',
  'no_application',
  'no_step',
  'application_changed',
  'no_case',
  'several_cases',
  'case_already_linked',
  'no_link',
  'no_client',
  'file_changed',
  'no_member',
  'no_share_consent',
  'refer_own_organisation',
  'no_referral_consent',
  'consent_ended',
  'document_empty',
  'document_too_large',
  'checklist_item_changed',
  'checklist_no_item',
  'checklist_needs_evidence',
  'checklist_needs_reason',
  'checklist_nothing_to_reopen',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A value a refusal's sentence repeats: never personal (model ids, dates, counts, revisions, organisation slugs). */
export type RefusalValues = Readonly<Record<string, string | number>>;

/** The problem member that names the refusal: `casework.` + the reason. */
export const refusalCode = (reason: RefusalReason): string => `casework.${reason}`;

/** An OtkazError whose problem answer names the refusal (`reason`, `values`) beside the English message. */
export function refused(
  code: ErrorCode,
  reason: RefusalReason,
  message: string,
  options: { where?: string; values?: RefusalValues; cause?: unknown } = {},
): OtkazError {
  return new OtkazError(code, message, {
    ...(options.where ? { where: options.where } : {}),
    ...(options.cause ? { cause: options.cause } : {}),
    details: { reason: refusalCode(reason), ...(options.values ? { values: options.values } : {}), ...(options.where ? { field: options.where } : {}) },
  });
}
