import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerPasskey } from '../../casework/passkeys.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** /files/security: add a passkey to this account (it can then stand in for the TOTP code). */
export function SecurityPage() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  async function add() {
    setError(null);
    setDone(false);
    try {
      await registerPasskey();
      setDone(true);
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <section aria-labelledby="security-title">
      <h1 id="security-title">{t('files.security.title')}</h1>
      <p>{t('files.security.text')}</p>
      <button type="button" onClick={add}>
        {t('files.security.add')}
      </button>
      {done && <p role="status">{t('files.security.added')}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
