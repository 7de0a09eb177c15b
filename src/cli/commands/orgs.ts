/**
 * `otkaz org …`: an organisation as a whole, for whoever holds the data folder and the key-encryption key — export
 * and import (one age-encrypted archive, docs/casework-export.md), crypto-erasure, data-key rotation, retention.
 * A passphrase is read from OTKAZ_EXPORT_PASSPHRASE or asked on the terminal (not echoed); never a flag, which
 * other users of the machine could read from the process list.
 */
import type { Command } from 'commander';
import { eraseOrgOperation } from '../../operations/orgs/erase.ts';
import { exportOrgOperation } from '../../operations/orgs/export.ts';
import { importOrgOperation } from '../../operations/orgs/import.ts';
import { purgeExpiredOperation, setRetentionOperation } from '../../operations/orgs/retention.ts';
import { rotateOrgKeyOperation } from '../../operations/orgs/rotate-key.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';
import { ask } from '../prompt.ts';

const PASSPHRASE_VARIABLE = 'OTKAZ_EXPORT_PASSPHRASE';

type Counts = {
  members: number;
  clients: number;
  notes: number;
  applications: number;
  checklistMarks: number;
  documents: number;
  shares: number;
  referrals: number;
};
const countsText = (c: Counts) =>
  `${c.clients} client file(s), ${c.notes} note(s), ${c.documents} document(s), ${c.shares} share(s), ${c.referrals} referral(s), ${c.members} member(s)`;

/** Puts the passphrase among the command's options before it runs: from the environment, else asked (twice when `twice`). */
function passphraseFirst(command: Command, skip: (options: Record<string, unknown>) => boolean, twice: boolean): Command {
  return command.hook('preAction', async (cmd) => {
    if (skip(cmd.opts())) return;
    let passphrase = process.env[PASSPHRASE_VARIABLE];
    if (!passphrase) {
      passphrase = await ask('passphrase: ', { hidden: true, otherwise: PASSPHRASE_VARIABLE });
      if (twice && (await ask('the same passphrase again: ', { hidden: true, otherwise: PASSPHRASE_VARIABLE })) !== passphrase)
        throw new OtkazError(ErrorCode.Usage, 'the two passphrases differ', { where: PASSPHRASE_VARIABLE });
    }
    cmd.setOptionValue('passphrase', passphrase);
  });
}

export function registerOrgs(program: Command): void {
  // `otkaz org` may already be there (the sign-in commands add `org create`): these join it.
  const org =
    program.commands.find((c) => c.name() === 'org') ??
    program.command('org').description('legal-aid organisations: export, import, erasure, key rotation, retention (the local administrator)');
  passphraseFirst(
    bindCommand(org.command('export <org>').description('write the whole organisation to one age-encrypted archive'), exportOrgOperation, {
      args: ['org'],
      flags: {
        out: ['--out <file>', 'the archive to write (a new file, mode 0600)'],
        recipient: ['--recipient <age1…>', 'encrypt to this age recipient instead of a passphrase'],
      },
      map: (raw, o) => ({ ...raw, ...(typeof o.passphrase === 'string' ? { passphrase: o.passphrase } : {}) }),
      text: (r) => `${r.file}: ${r.bytes} bytes (sha256 ${r.sha256}), locked with a ${r.lockedWith}; ${countsText(r.counts)} of '${r.slug}'`,
    }),
    (o) => typeof o.recipient === 'string',
    true,
  );
  passphraseFirst(
    bindCommand(org.command('import <file>').description('import an organisation from its archive into this server'), importOrgOperation, {
      args: ['file'],
      flags: {
        slug: ['--slug <slug>', 'the slug here (default: the archive’s)'],
        identity: ['--identity <file>', 'the age identity file, for an archive made with --recipient'],
      },
      map: (raw, o) => ({ ...raw, ...(typeof o.passphrase === 'string' ? { passphrase: o.passphrase } : {}) }),
      text: (r) =>
        [
          `imported '${r.slug}' (${r.orgId}): ${countsText(r.counts)}${r.referralsSkipped ? `; ${r.referralsSkipped} referral(s) left out (the other organisation is not on this server)` : ''}`,
          `anonymised statistics: ${r.shareStatistics ? 'shared (as before the export)' : 'not shared'}`,
          ...(r.members.length
            ? [
                'the members have no password, second factor or session here: an administrator must give each a new password',
                '(the sign-in commands, `otkaz user …`), and each sets up a second factor again at the first sign-in:',
                renderTable(['email', 'role', 'id'], r.members),
              ]
            : []),
        ].join('\n'),
    }),
    (o) => typeof o.identity === 'string',
    false,
  );
  bindCommand(org.command('erase <org>').description('crypto-erase: delete the data keys, then the client files; disable the members'), eraseOrgOperation, {
    args: ['org'],
    flags: { yes: ['--yes', 'do not ask for confirmation'] },
    map: (raw, o) => ({ ...raw, ...(typeof o.confirm === 'string' ? { confirm: o.confirm } : {}) }),
    text: (r) =>
      `erased '${r.slug}': ${r.keys} data key(s) deleted, ${r.clients} client file(s) deleted, ${r.members} member(s) disabled, ${r.sessions} session(s) ended`,
  }).hook('preAction', async (cmd) => {
    if (cmd.opts().yes === true) return;
    const typed = await ask(`this cannot be undone. Type the organisation's slug to erase '${String(cmd.args[0])}': `, { hidden: false, otherwise: '--yes' });
    cmd.setOptionValue('confirm', typed.trim());
  });
  bindCommand(org.command('rotate-key <org>').description('a new data key; every ciphertext re-sealed under it; old versions deleted'), rotateOrgKeyOperation, {
    args: ['org'],
    text: (r) =>
      `'${r.slug}' now uses data key version ${r.version}: ${r.clients} record(s), ${r.notes} note(s), ${r.applications} application(s), ${r.checklistMarks} checklist mark(s), ${r.documents} document key(s) re-sealed; ${r.dropped} old version(s) deleted`,
  });
  bindCommand(org.command('retention <org>').description('days closed and referred files are kept (0: kept)'), setRetentionOperation, {
    args: ['org'],
    flags: { closed: ['--closed <days>', 'days after a file was closed'], referred: ['--referred <days>', 'days after a file was referred'] },
    text: (r) => `'${r.slug}': closed files kept ${r.retention.closed ?? '∞'} day(s), referred files ${r.retention.referred ?? '∞'} day(s)`,
  });
  bindCommand(org.command('purge').description('delete the files kept past their retention'), purgeExpiredOperation, {
    flags: { dryRun: ['--dry-run', 'only list them'] },
    text: (r) =>
      (r.files.length ? `${renderTable(['orgId', 'clientId', 'status', 'since'], r.files)}\n` : '') +
      `${r.files.length} file(s) ${r.dryRun ? 'past their retention' : 'purged'}`,
  });
}
