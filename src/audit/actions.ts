/**
 * Every action the audit log records (resource.verb): the one list the log's writers take their action from — an
 * entry with an action not named here does not typecheck — and the web app's audit page labels, in English and
 * Russian, with a test that each has its label (test/web/locales.test.ts). Older entries may hold an action no
 * longer written; a reader shows those as recorded.
 */
export const AUDIT_ACTIONS = [
  'audit.read',
  'audit.verify',
  'auth.login',
  'auth.logout',
  'auth.passkey',
  'auth.passkey_register',
  'auth.password',
  'auth.recovery',
  'auth.totp',
  'auth.totp_confirm',
  'clients.application_add',
  'clients.application_step_update',
  'clients.application_update',
  'clients.applications',
  'clients.checklist',
  'clients.checklist_mark',
  'clients.create',
  'clients.delete_document',
  'clients.download',
  'clients.exclusion',
  'clients.link_case',
  'clients.list',
  'clients.members',
  'clients.note',
  'clients.purge',
  'clients.read',
  'clients.refer',
  'clients.referral_received',
  'clients.referrals',
  'clients.search',
  'clients.share',
  'clients.stats',
  'clients.unlink_case',
  'clients.unshare',
  'clients.update',
  'clients.upload',
  'deadlines.calendar',
  'deadlines.dashboard',
  'org.create',
  'org.erase',
  'org.export',
  'org.import',
  'org.retention',
  'org.rotate_key',
  'org.settings',
  'org.share_statistics',
  'orgs.settings',
  'orgs.update_settings',
  'reminders.plan',
  'reminders.send',
  'statistics.release',
  'user.create',
  'user.disable',
  'user.reset_password',
  'users.create',
  'users.disable',
  'users.list',
  'users.reset_password',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function isAuditAction(value: string): value is AuditAction {
  return KNOWN.has(value);
}

/** A policy rule's name as the action of a refusal entry; a rule whose name is no audit action is a programming error. */
export function auditActionOf(name: string): AuditAction {
  if (!isAuditAction(name)) throw new Error(`${name} is not an audit action (src/audit/actions.ts)`);
  return name;
}
