import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n.ts';
import { onLinkClick } from '../../router.ts';
import { TableWrap } from '../../TableWrap.tsx';
import type { ClientRow } from '../../types.ts';
import { SyntheticLabel } from './SyntheticLabel.tsx';

/** Client files as rows; a name only where the API gives one. */
export function ClientTable({ rows }: { rows: ClientRow[] }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <p>{t('files.list.none')}</p>;
  return (
    <TableWrap>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('files.list.name')}</th>
            <th scope="col">{t('files.list.status')}</th>
            <th scope="col">{t('files.list.military')}</th>
            <th scope="col" className="num">
              {t('files.list.cases')}
            </th>
            <th scope="col">{t('files.list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/files/${row.id}`} onClick={onLinkClick}>
                  {row.name ?? t('files.list.hidden')}
                </a>{' '}
                <SyntheticLabel synthetic={row.synthetic} />
              </td>
              <td>{t(`files.status.${row.status}`)}</td>
              <td>{row.militaryStatus ? t(`files.military.${row.militaryStatus}`) : '—'}</td>
              <td className="num">{row.linkedCases}</td>
              <td>{formatDate(row.updatedAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
