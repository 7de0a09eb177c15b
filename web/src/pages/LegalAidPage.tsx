import { useTranslation } from 'react-i18next';
import { releaseText } from '../casework/releaseText.ts';
import { TableWrap } from '../TableWrap.tsx';
import type { LegalAidView } from '../types.ts';
import { useFetch } from '../useFetch.ts';

type Release = NonNullable<LegalAidView['release']>;

function Table({ table, k }: { table: Release['tables'][number]; k: number }) {
  const { t } = useTranslation();
  const kind = table.id.slice(5);
  const rowLabel = (row: string) => t(`legalAid.rows.${row}`, { defaultValue: row });
  const columnLabel = (c: string) => (c === 'total' ? t('legalAid.total') : c);
  return (
    <TableWrap>
      <table className="legal-aid" data-table={table.id}>
        <caption>
          {t(`legalAid.tables.${kind}`, { defaultValue: table.title })}, {table.year}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(`legalAid.rows.${table.rowDimension}`, { defaultValue: '' })}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {columnLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row}>
              <th scope="row">{rowLabel(row)}</th>
              {table.columns.map((c, i) => {
                const cell = table.cells[r]?.[i];
                return cell?.withheld ? (
                  <td key={c} className="withheld" data-withheld="true" title={t('legalAid.withheldWhy', { k })}>
                    <abbr title={t('legalAid.withheldWhy', { k })}>c</abbr>
                    <span className="visually-hidden"> {t('legalAid.withheld')}</span>
                  </td>
                ) : (
                  <td key={c}>{cell?.value ?? ''}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** /statistics/legal-aid: the latest imported anonymised release of the case files, withheld cells marked, with its provenance. */
export function LegalAidPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error } = useFetch<LegalAidView>('/api/v1/stats/legal-aid');
  const release = data?.release ?? null;
  return (
    <section aria-labelledby="legal-aid-title">
      <h1 id="legal-aid-title">{t('legalAid.title')}</h1>
      <p>{t('legalAid.lead')}</p>
      {error && <p role="alert">{error}</p>}
      {data && !release && <p>{t('legalAid.none')}</p>}
      {release && (
        <>
          {release.synthetic && <p className="synthetic">{t('legalAid.synthetic')}</p>}
          <p>{t('legalAid.threshold', { k: release.k, kMinus: release.k - 1, p: release.protection + 1 })}</p>
          <p>{t('legalAid.legend')}</p>
          {release.tables.map((table) => (
            <Table key={table.id} table={table} k={release.k} />
          ))}
          <h2>{t('legalAid.provenance')}</h2>
          <dl>
            <dt>{t('legalAid.organisations')}</dt>
            <dd>{release.organisations.map((o) => o.name).join('; ')}</dd>
            <dt>{t('legalAid.period')}</dt>
            <dd>
              {release.period.from}–{release.period.to}
            </dd>
            <dt>{t('legalAid.generated')}</dt>
            <dd>{release.generatedAt.slice(0, 10)}</dd>
            <dt>{t('legalAid.method')}</dt>
            <dd>
              {release.methodVersion}: {releaseText(release, 'method', lang, t)}
            </dd>
            <dt>{t('legalAid.hash')}</dt>
            <dd>
              <code>{release.sha256}</code>
            </dd>
          </dl>
          <p className="muted">{releaseText(release, 'population', lang, t)}</p>
        </>
      )}
    </section>
  );
}
