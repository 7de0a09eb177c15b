import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import { formatDate } from '../../i18n.ts';
import type { ClientNote, NoteKind } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const KINDS: NoteKind[] = ['note', 'call', 'meeting', 'hearing', 'document', 'decision', 'other'];

/** Notes and the timeline (calls, meetings, hearings, …), and a form to add one. */
export function NotesSection({ clientId, notes, onAdded }: { clientId: string; notes: ClientNote[]; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<NoteKind>('note');
  const [occurredOn, setOccurredOn] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', `/api/v1/clients/${clientId}/notes`, { kind, text, ...(occurredOn ? { occurredOn } : {}) });
      setText('');
      setOccurredOn('');
      onAdded();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{t('files.notes.title')}</h2>
      {notes.length === 0 ? (
        <p>{t('common.empty')}</p>
      ) : (
        <ol className="timeline">
          {notes.map((n) => (
            <li key={n.id}>
              <strong>{t(`files.notes.kinds.${n.kind}`)}</strong> · {formatDate(n.occurredOn ?? n.createdAt, i18n.language)}
              <p className="prewrap">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="stack" onSubmit={submit} aria-label={t('files.notes.add')}>
        <div className="row">
          <label>
            {t('files.notes.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`files.notes.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('files.notes.when')}
            <input type="date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
          </label>
        </div>
        <label>
          {t('files.notes.text')}
          <textarea required rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <ErrorMessage error={error} />
        <button type="submit">{t('files.notes.add')}</button>
      </form>
    </section>
  );
}
