import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import { useApi } from '../../casework/useApi.ts';
import { formatDate } from '../../i18n.ts';
import { TableWrap } from '../../TableWrap.tsx';
import type { MemberRole, OrgUser, UserCreated } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const ROLES: MemberRole[] = ['org_admin', 'lawyer', 'caseworker', 'volunteer', 'statistics'];

/** /files/admin/users: the organisation's members; create one (its one-time password shown once); disable one. */
export function UsersPage({ self }: { self: string }) {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const { data, error } = useApi<{ users: OrgUser[] }>('/api/v1/org/users', round);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('caseworker');
  const [created, setCreated] = useState<UserCreated | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  async function create(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    try {
      setCreated(await api<UserCreated>('POST', '/api/v1/org/users', { email: email.trim(), role }));
      setEmail('');
      setRound((r) => r + 1);
    } catch (e) {
      setFailure(e as Error);
    }
  }
  async function disable(id: string) {
    setFailure(null);
    try {
      await api('POST', `/api/v1/org/users/${id}/disable`, {});
      setRound((r) => r + 1);
    } catch (e) {
      setFailure(e as Error);
    }
  }
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('files.users.title')}</h1>
      <ErrorMessage error={error ?? failure} />
      {data && (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('files.users.email')}</th>
                <th scope="col">{t('files.users.role')}</th>
                <th scope="col">{t('files.users.state')}</th>
                <th scope="col">{t('files.users.created')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('files.users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}</td>
                  <td>{t(`files.roles.${u.role}`, { defaultValue: u.role })}</td>
                  <td>
                    {u.disabled ? t('files.users.disabled') : t('files.users.active')}
                    {u.mustChangePassword && ` · ${t('files.users.mustChange')}`}
                    {u.totpEnrolled && ` · ${t('files.users.totp')}`}
                  </td>
                  <td>{formatDate(u.createdAt, i18n.language)}</td>
                  <td>
                    {!u.disabled && u.id !== self && (
                      <button type="button" onClick={() => disable(u.id)}>
                        {t('files.users.disable', { email: u.email })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t('files.users.create')}</h2>
      <form className="filters" onSubmit={create}>
        <label>
          {t('files.users.email')}
          <input type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('files.users.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`files.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('files.users.createSubmit')}</button>
      </form>
      {created && (
        <p role="status">
          {t('files.users.oneTime', { email: created.user.email })} <code data-testid="one-time-password">{created.oneTimePassword}</code>
        </p>
      )}
    </section>
  );
}
