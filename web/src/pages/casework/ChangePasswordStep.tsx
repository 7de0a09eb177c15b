import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { SignInState } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** The one-time password is replaced (12–256 characters); the current one is asked for unless just typed. */
export function ChangePasswordStep({ current, onDone }: { current: string; onDone: (state: SignInState) => void }) {
  const { t } = useTranslation();
  const [old, setOld] = useState(current);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (next !== repeat) {
      setError(new Error(t('files.signin.mismatch')));
      return;
    }
    setError(null);
    try {
      onDone(await api<SignInState>('POST', '/api/v1/auth/password', { current: old, next }));
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="stack" onSubmit={submit}>
      <h2>{t('files.signin.changeTitle')}</h2>
      <p>{t('files.signin.changeText')}</p>
      {!current && (
        <label>
          {t('files.signin.currentPassword')}
          <input type="password" autoComplete="current-password" required value={old} onChange={(e) => setOld(e.target.value)} />
        </label>
      )}
      <label>
        {t('files.signin.newPassword')}
        <input type="password" autoComplete="new-password" required minLength={12} maxLength={256} value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label>
        {t('files.signin.repeatPassword')}
        <input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="submit">{t('files.signin.changeSubmit')}</button>
    </form>
  );
}
