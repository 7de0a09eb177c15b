import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAuditAction } from '../../../../src/audit/actions.ts';
import { query } from '../../api.ts';
import { api, cached } from '../../casework/session.ts';
import { TableWrap } from '../../TableWrap.tsx';
import type { AuditPage as AuditAnswer, AuditEntry, AuditVerification, Member } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * /files/admin/audit: the organisation's audit log, newest first, older pages on request, and a verify button. Each
 * action by its label in the app's language (the recorded id as its title; an action no longer written as recorded).
 * A verification is itself an entry, recorded after the check: the table is read again with the answer, so that it
 * shows that entry on top and the count and the table agree.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [ownEntry, setOwnEntry] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [members, setMembers] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    // Who, by e-mail where the member is still listed (else the id as recorded).
    cached<{ members: Member[] }>('/api/v1/org/members').then(
      (m) => setMembers(new Map(m.members.map((x) => [x.id, x.email]))),
      () => undefined,
    );
  }, []);
  async function load(before: number | null): Promise<AuditEntry[]> {
    try {
      const page = await api<AuditAnswer>('GET', `/api/v1/org/audit${query({ limit: 100, before })}`);
      setEntries((old) => (before === null ? page.entries : [...old, ...page.entries]));
      setNext(page.next);
      return page.entries;
    } catch (e) {
      setError(e as Error);
      return [];
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page, once; load only sets state
  useEffect(() => {
    void load(null);
  }, []);
  async function verify() {
    setError(null);
    try {
      const answer = await api<AuditVerification>('GET', '/api/v1/org/audit/verify');
      const fresh = await load(null);
      setOwnEntry(fresh.find((e) => e.action === 'audit.verify')?.seq ?? null);
      setVerification(answer);
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('files.audit.title')}</h1>
      <p>
        <button type="button" onClick={verify}>
          {t('files.audit.verify')}
        </button>
      </p>
      {verification && (
        <div role="status" className={verification.ok ? 'verify-ok' : 'verify-broken'}>
          <p>{verification.ok ? t('files.audit.ok') : t('files.audit.broken')}</p>
          <ul>
            {verification.chains.map((c) => (
              <li key={c.chain}>
                {c.org_slug ?? c.chain}: {t('files.audit.entries', { count: c.entries })}
                {c.problem && ` — ${t('files.audit.problem', { seq: c.problem.seq, reason: c.problem.reason })}`}
              </li>
            ))}
          </ul>
          {ownEntry !== null && <p className="muted">{t('files.audit.ownEntry', { seq: ownEntry })}</p>}
        </div>
      )}
      <ErrorMessage error={error} />
      <TableWrap>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('files.audit.at')}</th>
              <th scope="col">{t('files.audit.action')}</th>
              <th scope="col">{t('files.audit.actor')}</th>
              <th scope="col">{t('files.audit.resource')}</th>
              <th scope="col">{t('files.audit.outcome')}</th>
              <th scope="col">{t('files.audit.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td>{new Date(e.at).toISOString().slice(0, 19).replace('T', ' ')}</td>
                <td title={e.action} data-action={e.action}>
                  {isAuditAction(e.action) ? t(`files.audit.actions.${e.action}`) : <code>{e.action}</code>}
                </td>
                <td>{e.actor_id ? (members.get(e.actor_id) ?? e.actor_id) : e.actor_kind}</td>
                <td>{e.resource_type ? `${e.resource_type} ${e.resource_id ?? ''}` : '—'}</td>
                <td>{t(`files.audit.outcomes.${e.outcome}`)}</td>
                <td>{e.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {next !== null && (
        <button type="button" onClick={() => load(next)}>
          {t('files.audit.older')}
        </button>
      )}
    </section>
  );
}
