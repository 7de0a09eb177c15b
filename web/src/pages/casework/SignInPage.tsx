import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, forgetEverything } from '../../casework/session.ts';
import { navigate } from '../../router.ts';
import type { SignInNext, SignInState } from '../../types.ts';
import { ChangePasswordStep } from './ChangePasswordStep.tsx';
import { PasskeyStep } from './PasskeyStep.tsx';
import { PasswordStep } from './PasswordStep.tsx';
import { RecoveryStep } from './RecoveryStep.tsx';
import { TotpEnrolStep } from './TotpEnrolStep.tsx';
import { TotpStep } from './TotpStep.tsx';

type Step = 'password' | Exclude<SignInNext, 'done'> | 'recovery';

/** /signin: e-mail and password, then whatever the server says comes next, until it says done. */
export function SignInPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  const [password, setPassword] = useState('');
  // A session already half-way (a reload in the middle of the sign-in) continues where it was (once, on arrival).
  // biome-ignore lint/correctness/useExhaustiveDependencies: advance only sets state and navigates; the check runs once
  useEffect(() => {
    let live = true;
    api<SignInState>('GET', '/api/v1/auth/session')
      .then((state) => live && advance(state))
      .catch(() => {
        if (!live) return;
        forgetEverything();
        setStep('password');
      });
    return () => {
      live = false;
    };
  }, []);

  function advance(state: SignInState) {
    if (state.next === 'done') navigate('/files');
    else setStep(state.next);
  }

  return (
    <section className="signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('files.signin.title')}</h1>
      {step === null && <p>{t('common.loading')}</p>}
      {step === 'password' && (
        <PasswordStep
          onDone={(state, typed) => {
            setPassword(typed);
            advance(state);
          }}
        />
      )}
      {step === 'change_password' && <ChangePasswordStep current={password} onDone={advance} />}
      {step === 'enrol_totp' && <TotpEnrolStep onDone={advance} />}
      {step === 'totp' && <TotpStep onDone={advance} onRecovery={() => setStep('recovery')} onPasskey={() => setStep('passkey')} />}
      {step === 'recovery' && <RecoveryStep onDone={advance} onBack={() => setStep('totp')} />}
      {step === 'passkey' && <PasskeyStep onDone={advance} />}
    </section>
  );
}
