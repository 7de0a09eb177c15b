import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { ClientFile, ClientStatus, ClientUpdate } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const STATUSES: ClientStatus[] = ['open', 'closed', 'referred'];

/** Changes the file's status on the revision shown; a 409 says someone else changed it first. */
export function StatusForm({ file, onSaved }: { file: ClientFile; onSaved: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ClientStatus>(file.status);
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const { criminalCases: _links, ...record } = file.record;
    if (!record.person) return;
    const body: ClientUpdate = { revision: file.revision, status, record: { ...record, person: record.person } };
    try {
      await api('POST', `/api/v1/clients/${file.id}`, body);
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="filters" onSubmit={submit}>
      <label>
        {t('files.list.status')}
        <select value={status} onChange={(e) => setStatus(e.target.value as ClientStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`files.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('files.file.save')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}
