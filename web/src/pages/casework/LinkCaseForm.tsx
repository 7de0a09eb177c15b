import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { LinkCaseBody } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

type Mode = 'caseId' | 'judicialUid' | 'courtNumber';

/** Links a court record: by the tracker's case id, the judicial UID, or the court code and case number. */
export function LinkCaseForm({ clientId, onLinked }: { clientId: string; onLinked: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('caseId');
  const [value, setValue] = useState('');
  const [court, setCourt] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const v = value.trim();
    const body: LinkCaseBody = mode === 'caseId' ? { caseId: Number(v) } : mode === 'judicialUid' ? { judicialUid: v } : { court: court.trim(), caseNumber: v };
    try {
      await api('POST', `/api/v1/clients/${clientId}/cases`, body);
      setValue('');
      onLinked();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="filters" onSubmit={submit} aria-label={t('files.cases.linkTitle')}>
      <label>
        {t('files.cases.by')}
        <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="caseId">{t('files.cases.byId')}</option>
          <option value="judicialUid">{t('files.cases.byUid')}</option>
          <option value="courtNumber">{t('files.cases.byNumber')}</option>
        </select>
      </label>
      {mode === 'courtNumber' && (
        <label>
          {t('files.cases.court')}
          <input required autoComplete="off" value={court} onChange={(e) => setCourt(e.target.value)} />
        </label>
      )}
      <label>
        {mode === 'caseId' ? t('files.cases.byId') : mode === 'judicialUid' ? t('files.cases.byUid') : t('files.cases.number')}
        <input required autoComplete="off" inputMode={mode === 'caseId' ? 'numeric' : 'text'} value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">{t('files.cases.link')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}
