import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { SignInState } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function PasswordStep({ onDone }: { onDone: (state: SignInState, password: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // An organisation can link its members to /signin?org=<slug>.
  const [organisation, setOrganisation] = useState(() => new URLSearchParams(window.location.search).get('org') ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(
        await api<SignInState>('POST', '/api/v1/auth/login', { email, password, ...(organisation.trim() ? { organisation: organisation.trim() } : {}) }),
        password,
      );
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        {t('files.signin.email')}
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('files.signin.password')}
        <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label>
        {t('files.signin.organisation')}
        <input autoComplete="organization" aria-describedby="signin-org-hint" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
      </label>
      <small id="signin-org-hint">{t('files.signin.organisationHint')}</small>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {t('files.signin.submit')}
      </button>
    </form>
  );
}
