import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lang, setLang } from './i18n.ts';
import { CaptchaQueue } from './pages/CaptchaQueue.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { ClaimsPage } from './pages/ClaimsPage.tsx';
import { CourtsPage } from './pages/CourtsPage.tsx';
import { DeadlinesPage } from './pages/DeadlinesPage.tsx';
import { LegalAidPage } from './pages/LegalAidPage.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Overview } from './pages/Overview.tsx';
import { Prosecutions } from './pages/Prosecutions.tsx';
import { StatisticsPage } from './pages/StatisticsPage.tsx';
import { onLinkClick, useLocation } from './router.ts';
import { usePageTitle } from './usePageTitle.ts';

// The case-file area (/signin, /files…) is its own chunk: the public pages do not load it.
const CaseworkApp = lazy(() => import('./pages/casework/CaseworkApp.tsx').then((m) => ({ default: m.CaseworkApp })));

const NAV = [
  ['/', 'nav.overview'],
  ['/prosecutions', 'nav.prosecutions'],
  ['/courts', 'nav.courts'],
  ['/statistics', 'nav.statistics'],
  ['/claims', 'nav.claims'],
  ['/deadlines', 'nav.deadlines'],
  ['/files', 'nav.files'],
] as const;

/** The title key of each page (its heading); a case page titles itself. */
const TITLES: Record<string, string> = {
  '/': 'overview.title',
  '/prosecutions': 'cases.title',
  '/courts': 'courts.title',
  '/statistics': 'stats.title',
  '/statistics/legal-aid': 'legalAid.title',
  '/claims': 'claims.title',
  '/deadlines': 'deadlines.title',
  '/operator/captchas': 'captcha.title',
  '/signin': 'files.signin.title',
};

function titleKey(path: string): string | undefined {
  if (/^\/cases\/\d+$/.test(path)) return undefined;
  if (path === '/files' || path.startsWith('/files/')) return 'nav.files';
  return TITLES[path] ?? 'notFound.title';
}

function Page({ path }: { path: string }) {
  if (path === '/signin' || path === '/files' || path.startsWith('/files/'))
    return (
      <Suspense fallback={null}>
        <CaseworkApp path={path} />
      </Suspense>
    );
  const caseMatch = /^\/cases\/(\d+)$/.exec(path);
  if (caseMatch) return <CasePage id={Number(caseMatch[1])} />;
  switch (path) {
    case '/prosecutions':
      return <Prosecutions />;
    case '/courts':
      return <CourtsPage />;
    case '/statistics':
      return <StatisticsPage />;
    case '/statistics/legal-aid':
      return <LegalAidPage />;
    case '/claims':
      return <ClaimsPage />;
    case '/deadlines':
      return <DeadlinesPage />;
    case '/operator/captchas':
      return <CaptchaQueue />;
    case '/':
      return <Overview />;
    default:
      return <NotFound />;
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const url = useLocation();
  const lang = i18n.language as Lang;
  const key = titleKey(url.pathname);
  usePageTitle(key === undefined ? undefined : t(key));
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <a className="brand" href="/" onClick={onLinkClick}>
          {t('app.name')}
        </a>
        <nav aria-label={t('app.mainNav')}>
          <ul>
            {NAV.map(([href, key]) => (
              <li key={href}>
                <a href={href} onClick={onLinkClick} aria-current={url.pathname === href ? 'page' : undefined}>
                  {t(key)}
                </a>
              </li>
            ))}
            <li>
              <a href={`/guidance?lang=${lang}`}>{t('nav.guidance')}</a>
            </li>
            <li>
              <a href="/api/docs">{t('nav.api')}</a>
            </li>
          </ul>
        </nav>
        {/* biome-ignore lint/a11y/useSemanticElements: two toggle buttons, not form fields: a <fieldset> would bring form semantics and its border */}
        <div className="lang" role="group" aria-label={t('app.language')}>
          <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
            EN
          </button>{' '}
          <button type="button" lang="ru" aria-pressed={lang === 'ru'} onClick={() => setLang('ru')}>
            RU
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={url.pathname} />
      </main>
    </>
  );
}
