import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../api.ts';
import { STORAGE_PREFIX } from '../../casework/session.ts';
import { useApi } from '../../casework/useApi.ts';
import type { ClientList, ClientStatus } from '../../types.ts';
import { ClientTable } from './ClientTable.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

const STATUSES: ClientStatus[] = ['open', 'closed', 'referred'];
const FILTER_KEY = `${STORAGE_PREFIX}status`;

/** /files: the organisation's client files (a volunteer: those shared with them), by status. */
export function ClientsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState(() => sessionStorage.getItem(FILTER_KEY) ?? '');
  const { data, error, loading } = useApi<ClientList>(`/api/v1/clients${query({ status, limit: 100 })}`);
  return (
    <section aria-labelledby="clients-title">
      <h1 id="clients-title">{t('files.list.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('files.list.status')}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              sessionStorage.setItem(FILTER_KEY, e.target.value);
            }}
          >
            <option value="">{t('files.list.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`files.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loading && <p>{t('common.loading')}</p>}
      <ErrorMessage error={error} />
      {data && (
        <>
          <p className="muted">{t('common.total', { count: data.total })}</p>
          <ClientTable rows={data.clients} />
        </>
      )}
    </section>
  );
}
