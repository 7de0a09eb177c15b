import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import type { ClientSearch, ClientSearchResult } from '../../types.ts';
import { ClientTable } from './ClientTable.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

const KINDS: ClientSearch['kind'][] = ['document_number', 'name', 'case_ref'];

/** Exact search (a document number, a name spelling, a case reference), sent in a POST body — never in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ClientSearch['kind']>('document_number');
  const [value, setValue] = useState('');
  const [result, setResult] = useState<ClientSearchResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setResult(await api<ClientSearchResult>('POST', '/api/v1/clients/search', { kind, value: value.trim() }));
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('files.search.title')}</h1>
      <p>{t('files.search.text')}</p>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('files.search.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ClientSearch['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`files.search.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('files.search.value')}
          <input required autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit">{t('files.search.submit')}</button>
      </form>
      <ErrorMessage error={error} />
      {result && <ClientTable rows={result.clients} />}
    </section>
  );
}
