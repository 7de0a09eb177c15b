/**
 * A case-file refusal the server gives as data (src/casework/refusal.ts: the problem's `reason`, `casework.` and a
 * stable word, and `values`) written in the UI language from the locale's `files.refusals.*`. A reason not known
 * here (an older or newer server) gives null: the caller keeps the server's English sentence.
 */
import { ApiError } from '../api.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

/** The reasons this app words (the server's REFUSAL_REASONS; test/web/refusals.test.ts checks both lists are one). */
export const REFUSALS = [
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

const PREFIX = 'casework.';
const known = (word: string): word is (typeof REFUSALS)[number] => (REFUSALS as readonly string[]).includes(word);

/** The refusal in the UI language, or null when the error is not a case-file refusal this app knows. */
export function refusalText(error: Error | null, t: T): string | null {
  if (!(error instanceof ApiError)) return null;
  const reason = error.problem.reason;
  if (typeof reason !== 'string' || !reason.startsWith(PREFIX)) return null;
  const word = reason.slice(PREFIX.length);
  if (!known(word)) return null;
  const raw = error.problem.values;
  const values: Record<string, string | number> = {};
  if (typeof raw === 'object' && raw !== null) for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  return t(`files.refusals.${word}`, values);
}
