import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { Referral } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * Refers the client to another organisation (by its slug; the client's consent must name it), then says what was
 * copied there — the record, and how many documents, applications and checklist marks — that the notes stay, and
 * how many files there may be the same person (the conflict check).
 */
export function ReferralForm({ clientId, onReferred }: { clientId: string; onReferred: () => void }) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState('');
  const [done, setDone] = useState<Referral | null>(null);
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setDone(await api<Referral>('POST', `/api/v1/clients/${clientId}/referrals`, { organisation: organisation.trim() }));
      onReferred();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <section aria-labelledby="refer-title">
      <h2 id="refer-title">{t('files.refer.title')}</h2>
      <form className="filters" onSubmit={submit} aria-label={t('files.refer.title')}>
        <label>
          {t('files.refer.organisation')}
          <input required autoComplete="off" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </label>
        <button type="submit">{t('files.refer.submit')}</button>
      </form>
      {done && (
        <p role="status" data-testid="referral-done">
          {t('files.refer.done', {
            organisation: done.organisation,
            documents: done.documents,
            applications: done.applications,
            checklistMarks: done.checklistMarks,
          })}{' '}
          {t('files.refer.duplicates', { count: done.possibleDuplicates })}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
