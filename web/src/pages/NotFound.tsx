/** A path the app does not have (the server answers it 404, with this page for a browser). */
import { useTranslation } from 'react-i18next';
import { onLinkClick } from '../router.ts';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <a href="/" onClick={onLinkClick}>
          {t('notFound.home')}
        </a>
      </p>
    </>
  );
}
