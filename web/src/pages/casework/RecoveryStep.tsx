import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { SignInState } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function RecoveryStep({ onDone, onBack }: { onDone: (state: SignInState) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onDone(await api<SignInState>('POST', '/api/v1/auth/recovery', { code: code.trim() }));
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="stack" onSubmit={submit}>
      <h2>{t('files.signin.recoveryStepTitle')}</h2>
      <label>
        {t('files.signin.recoveryCode')}
        <input autoComplete="off" required value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="submit">{t('files.signin.verify')}</button>{' '}
      <button type="button" className="link" onClick={onBack}>
        {t('files.signin.useTotp')}
      </button>
    </form>
  );
}
