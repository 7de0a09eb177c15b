import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api.ts';
import { formatNumber } from '../i18n.ts';
import type { ClaimResult } from '../types.ts';

/** Claims from news reporting (assets/claims/russian-asylum-claims.yaml), as structured quantities. */
const EXAMPLES = [
  {
    id: 'de-2022-first-applications-2851',
    statement: 'Russians filed 2,851 first asylum applications in Germany in 2022 (DW, 18 Apr 2023).',
    quantity: { indicator: 'applications', measure: 'first_time', origin: 'RUS', destination: 'DEU', period: '2022' },
    stated: { value: 2851, wording: 'exactly' },
  },
  {
    id: 'us-oct2021-jan2022-about-6400',
    statement: 'U.S. border officials encountered about 6,400 Russians from October 2021 to January 2022 (Reuters, 4 Mar 2022).',
    quantity: { indicator: 'encounters', origin: 'RUS', destination: 'USA', period: '2021-10..2022-01' },
    stated: { value: 6400, wording: 'about' },
  },
  {
    id: 'de-2023-more-than-double-2022',
    statement: 'In 2023 more than twice as many Russians applied for asylum in Germany as in 2022 (Table.Media).',
    quantity: { indicator: 'applications', origin: 'RUS', destination: 'DEU', period: '2023' },
    stated: { change_pct: 100, from_period: '2022', wording: 'more than' },
  },
];

export function ClaimsPage() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(JSON.stringify(EXAMPLES[0], null, 2));
  const [result, setResult] = useState<ClaimResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    setError(null);
    setResult(null);
    try {
      const claim = JSON.parse(text) as unknown;
      const [first] = await getJson<ClaimResult[]>('/api/v1/claims/check', { method: 'POST', body: JSON.stringify({ claims: [claim] }) });
      setResult(first ?? null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <h1>{t('claims.title')}</h1>
      <p>{t('claims.intro')}</p>
      <label>
        {t('claims.pick')}{' '}
        <select onChange={(e) => setText(JSON.stringify(EXAMPLES[Number(e.target.value)], null, 2))}>
          {EXAMPLES.map((c, i) => (
            <option key={c.id} value={i}>
              {c.id}
            </option>
          ))}
        </select>
      </label>
      <p>
        <label htmlFor="claim">{t('claims.statement')}</label>
        <br />
        <textarea id="claim" rows={14} cols={80} style={{ maxWidth: '100%' }} value={text} onChange={(e) => setText(e.target.value)} />
      </p>
      <button type="button" onClick={() => void check()}>
        {t('claims.check')}
      </button>
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      {result && (
        <section aria-live="polite">
          <h2>
            {t('claims.verdict')}: <span className={`verdict ${result.verdict}`}>{t(`claims.${result.verdict}`)}</span>
          </h2>
          <p>{result.reason}</p>
          <h3>{t('claims.figures')}</h3>
          <ul>
            {result.figures.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are replaced as a whole on each answer, never reordered or edited: the index is a stable key
              <li key={i}>
                {f.holds === null ? '·' : f.holds ? '✓' : '✗'} {f.label}, {f.period}:{' '}
                {f.changePct !== undefined ? `${f.changePct ?? '—'} %` : formatNumber(f.value, i18n.language)}{' '}
                <span className="muted">
                  {f.caveats.join('; ')} — {f.releases.map((r) => `${r.release} (${r.vintage})`).join('; ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
