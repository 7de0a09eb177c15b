import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown this once; going on needs the "I have saved them" box. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <div className="stack">
      <h2>{t('files.signin.recoveryTitle')}</h2>
      <p>{t('files.signin.recoveryText')}</p>
      <ol className="recovery-codes" aria-label={t('files.signin.recoveryTitle')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <label className="inline">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} /> {t('files.signin.saved')}
      </label>
      <button type="button" disabled={!saved} onClick={onSaved}>
        {t('files.signin.continue')}
      </button>
    </div>
  );
}
