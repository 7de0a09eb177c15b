import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authenticateWithPasskey, registerPasskey } from '../../casework/passkeys.ts';
import type { SignInState } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** A passkey as the second factor; an account without one yet can create one here (it counts as the factor). */
export function PasskeyStep({ onDone }: { onDone: (state: SignInState) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<Error | null>(null);
  async function run(ceremony: () => Promise<SignInState>) {
    setError(null);
    try {
      onDone(await ceremony());
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <div className="stack">
      <h2>{t('files.signin.passkeyTitle')}</h2>
      <p>{t('files.signin.passkeyText')}</p>
      <button type="button" onClick={() => run(authenticateWithPasskey)}>
        {t('files.signin.passkeySignIn')}
      </button>
      <button type="button" className="link" onClick={() => run(registerPasskey)}>
        {t('files.signin.passkeyCreate')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
