import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { ClientApplication } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const SET_BY = ['judge', 'authority', 'lawyer', 'other'] as const;

/** A deadline a judge or an authority set, entered by hand (the country's manual rule flags a non-working day). */
export function ManualDeadlineForm({
  clientId,
  application,
  body,
  onSaved,
}: {
  clientId: string;
  application: ClientApplication;
  body: object;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [due, setDue] = useState('');
  const [setBy, setSetBy] = useState<(typeof SET_BY)[number]>('judge');
  const [source, setSource] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', `/api/v1/clients/${clientId}/applications/${application.id}`, {
        ...body,
        revision: application.revision,
        manualDeadlines: [...application.manualDeadlines, { label: label.trim(), due, setBy, ...(source.trim() ? { source: source.trim() } : {}) }],
      });
      setLabel('');
      setDue('');
      setSource('');
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={t('files.deadlines.addManual')}>
      <div className="row">
        <label>
          {t('files.deadlines.label')}
          <input value={label} required onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label>
          {t('files.deadlines.dueOn')}
          <input type="date" value={due} required onChange={(e) => setDue(e.target.value)} />
        </label>
        <label>
          {t('files.deadlines.setBy')}
          <select aria-label={t('files.deadlines.setBy')} value={setBy} onChange={(e) => setSetBy(e.target.value as (typeof SET_BY)[number])}>
            {SET_BY.map((s) => (
              <option key={s} value={s}>
                {t(`files.deadlines.setByValues.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('files.deadlines.source')}
          <input value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
      </div>
      <ErrorMessage error={error} />
      <button type="submit">{t('files.deadlines.addManual')}</button>
    </form>
  );
}
