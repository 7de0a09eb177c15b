import type { Command } from 'commander';
import { listAuditOperation } from '../../operations/audit/list.ts';
import { type AuditVerification, verifyAuditOperation } from '../../operations/audit/verify.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

const ENTRY_COLUMNS = ['seq', 'at', 'actor_kind', 'actor_id', 'action', 'resource_type', 'resource_id', 'outcome', 'ip'];

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log of the case files: append-only, one hash chain per organisation');
  bindCommand(
    audit.command('verify').description('recompute the audit chains (every one, or one organisation’s); exit status 4 when a chain is broken'),
    verifyAuditOperation,
    {
      flags: { org: ['--org <org>', 'only this organisation’s chain (its slug or id)'] },
      text: verificationText,
      after: (result) => {
        const broken = result.chains.filter((c) => !c.ok).length;
        if (broken > 0) throw new OtkazError(ErrorCode.AuditBroken, `${broken} audit chain(s) do not verify`);
      },
    },
  );
  bindCommand(audit.command('list').description('an organisation’s audit entries, newest first (without --org: the installation’s own)'), listAuditOperation, {
    flags: {
      org: ['--org <org>', 'the organisation (its slug or id)'],
      before: ['--before <seq>', 'only entries older than this seq'],
      limit: ['--limit <n>', 'how many (default 50, at most 500)'],
      action: ['--action <action>', 'only this action, e.g. clients.read'],
    },
    text: (page) =>
      [
        page.entries.length ? renderTable(ENTRY_COLUMNS, page.entries) : `no entries in ${page.chain}`,
        ...(page.next !== null ? [`older entries: --before ${page.next}`] : []),
      ].join('\n'),
  });
}

/** One line per chain: its name, how many entries, and ok or where and why it breaks. */
function verificationText(result: AuditVerification): string {
  if (result.chains.length === 0) return 'no audit entries yet';
  return result.chains
    .map((c) => {
      const name = c.org_slug ? `${c.chain} (${c.org_slug})` : c.chain;
      const verdict = c.problem ? `BROKEN at entry ${c.problem.seq}: ${c.problem.reason}` : 'ok';
      return `${name}: ${c.entries} ${c.entries === 1 ? 'entry' : 'entries'}, ${verdict}`;
    })
    .join('\n');
}
