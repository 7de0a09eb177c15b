import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { SignInState, TotpConfirmed, TotpEnrolment } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/** TOTP enrolment: the QR code and the secret, a first code to confirm, then the ten recovery codes once. */
export function TotpEnrolStep({ onDone }: { onDone: (state: SignInState) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [confirmed, setConfirmed] = useState<TotpConfirmed | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // Once: a second enrolment would replace the secret just shown.
    if (started.current) return;
    started.current = true;
    api<TotpEnrolment>('POST', '/api/v1/auth/totp/enrol').then(setEnrolment, setError);
  }, []);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setConfirmed(await api<TotpConfirmed>('POST', '/api/v1/auth/totp/confirm', { code: code.replace(/\s/g, '') }));
    } catch (e) {
      setError(e as Error);
    }
  }
  if (confirmed) return <RecoveryCodes codes={confirmed.recoveryCodes} onSaved={() => onDone(confirmed)} />;
  return (
    <div className="stack">
      <h2>{t('files.signin.enrolTitle')}</h2>
      <p>{t('files.signin.enrolText')}</p>
      {enrolment && (
        <>
          <img
            className="qr"
            alt={t('files.signin.qrAlt')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            width={200}
            height={200}
          />
          <p>
            {t('files.signin.secret')} <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <form className="stack" onSubmit={submit}>
            <label>
              {t('files.signin.code')}
              <input inputMode="numeric" autoComplete="one-time-code" required pattern="[0-9 ]{6,8}" value={code} onChange={(e) => setCode(e.target.value)} />
            </label>
            <button type="submit">{t('files.signin.confirm')}</button>
          </form>
        </>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
