import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The document's title: "<page> — otkaz", in the UI language; the site's name alone for null. Undefined leaves the
 * title to the page itself (a case page names its case).
 */
export function usePageTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  const site = t('app.name');
  useEffect(() => {
    if (page === undefined) return;
    document.title = page ? `${page} — ${site}` : site;
  }, [page, site]);
}
