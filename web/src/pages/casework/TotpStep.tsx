import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { SignInState } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function TotpStep({ onDone, onRecovery, onPasskey }: { onDone: (state: SignInState) => void; onRecovery: () => void; onPasskey: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onDone(await api<SignInState>('POST', '/api/v1/auth/totp', { code: code.replace(/\s/g, '') }));
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <div className="stack">
      <form className="stack" onSubmit={submit}>
        <h2>{t('files.signin.totpTitle')}</h2>
        <label>
          {t('files.signin.code')}
          <input inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <ErrorMessage error={error} />
        <button type="submit">{t('files.signin.verify')}</button>
      </form>
      <p>
        <button type="button" className="link" onClick={onRecovery}>
          {t('files.signin.useRecovery')}
        </button>{' '}
        <button type="button" className="link" onClick={onPasskey}>
          {t('files.signin.usePasskey')}
        </button>
      </p>
    </div>
  );
}
