/**
 * Organisations and their members on the command line: the only way to create an organisation and its first
 * administrator (there are no default accounts). `user create` prints the one-time password once.
 */
import type { Command } from 'commander';
import { createOrgOperation } from '../../operations/orgs/create.ts';
import { createUserOperation } from '../../operations/users/create.ts';
import { disableUserOperation } from '../../operations/users/disable.ts';
import { listUsersOperation, USER_COLUMNS } from '../../operations/users/list.ts';
import { resetPasswordOperation } from '../../operations/users/reset-password.ts';
import { MEMBER_ROLES } from '../../ops/actor.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

export function registerAccounts(program: Command): void {
  const org = program.command('org').description('legal-aid organisations (case files)');
  bindCommand(org.command('create').description('create an organisation and its data key'), createOrgOperation, {
    flags: {
      name: ['--name <name>', 'the organisation’s name'],
      slug: ['--slug <slug>', 'short name (lower-case Latin letters, digits, dashes; default: from the name)'],
      requireTotp: ['--no-totp', 'do not require a TOTP code at sign-in (default: required)'],
    },
    text: (o) =>
      `organisation ${o.slug} created\n  id    ${o.id}\n  name  ${o.name}\n  TOTP  ${o.requireTotp ? 'required' : 'not required'}\nnext: otkaz user create --org ${o.slug} --email E --role org_admin`,
  });

  const user = program.command('user').description('members of an organisation');
  bindCommand(user.command('create').description('create a member account; prints its one-time password once'), createUserOperation, {
    flags: {
      org: ['--org <org>', 'the organisation: slug or id'],
      email: ['--email <email>', 'the member’s e-mail (sign-in name)'],
      role: ['--role <role>', `one of ${MEMBER_ROLES.join(', ')}`],
    },
    text: (r) =>
      [
        `account ${r.user.email} (${r.user.role}) created in ${r.org.slug}`,
        `  id                  ${r.user.id}`,
        `  one-time password   ${r.oneTimePassword}`,
        'Give the password to the member by a safe channel; it is shown only now. Their first sign-in must change it.',
      ].join('\n'),
  });
  bindCommand(user.command('list').description('the members of an organisation'), listUsersOperation, {
    flags: { org: ['--org <org>', 'the organisation: slug or id'] },
    text: (r) => `${renderTable([...USER_COLUMNS], r.users)}\n${r.users.length} member(s)`,
  });
  bindCommand(user.command('disable <user>').description('disable an account (id or e-mail): its sessions end at once'), disableUserOperation, {
    args: ['id'],
    flags: { org: ['--org <org>', 'the organisation: slug or id'] },
    text: (u) => `account ${u.email} disabled`,
  });
  bindCommand(user.command('reset-password <user>').description('a new one-time password (shown once); the account’s sessions end'), resetPasswordOperation, {
    args: ['id'],
    flags: { org: ['--org <org>', 'the organisation: slug or id'] },
    text: (r) =>
      `account ${r.user.email}: one-time password ${r.oneTimePassword}\n(shown once: give it to the member by a safe way; the first sign-in must change it)`,
  });
}
