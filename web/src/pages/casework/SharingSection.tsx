import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, cached } from '../../casework/session.ts';
import type { Member } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Who the file is shared with, and a member picker (GET /org/members) to share it with one more. */
export function SharingSection({ clientId, sharedWith, self, onChanged }: { clientId: string; sharedWith: string[]; self: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[]>([]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    cached<{ members: Member[] }>('/api/v1/org/members').then((m) => setMembers(m.members), setError);
  }, []);
  const label = (id: string) => {
    const m = members.find((x) => x.id === id);
    return m ? `${m.email} (${t(`files.roles.${m.role}`)})` : id;
  };
  async function change(path: string, body?: object) {
    setError(null);
    try {
      await api('POST', path, body);
      setChoice('');
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  }
  const candidates = members.filter((m) => m.id !== self && !sharedWith.includes(m.id));
  return (
    <section aria-labelledby="share-title">
      <h2 id="share-title">{t('files.share.title')}</h2>
      {sharedWith.length === 0 ? (
        <p>{t('files.share.none')}</p>
      ) : (
        <ul>
          {sharedWith.map((id) => (
            <li key={id}>
              {label(id)}{' '}
              <button type="button" onClick={() => change(`/api/v1/clients/${clientId}/shares/${id}/remove`)}>
                {t('files.share.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="filters"
        aria-label={t('files.share.title')}
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) void change(`/api/v1/clients/${clientId}/shares`, { userId: choice });
        }}
      >
        <label>
          {t('files.share.member')}
          <select value={choice} onChange={(e) => setChoice(e.target.value)} required>
            <option value="">{t('files.share.pick')}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.email} ({t(`files.roles.${m.role}`)})
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('files.share.submit')}</button>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
