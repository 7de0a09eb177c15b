import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UUID } from '../../casework/files.ts';
import { api, onSessionChange, sessionState, signOut } from '../../casework/session.ts';
import { navigate, onLinkClick } from '../../router.ts';
import type { SignInState } from '../../types.ts';
import { AuditPage } from './AuditPage.tsx';
import { ClientFilePage } from './ClientFilePage.tsx';
import { ClientsPage } from './ClientsPage.tsx';
import { DeadlinesPage } from './DeadlinesPage.tsx';
import { FiguresPage } from './FiguresPage.tsx';
import { NewClientPage } from './NewClientPage.tsx';
import { QuickExit } from './QuickExit.tsx';
import { SearchPage } from './SearchPage.tsx';
import { SecurityPage } from './SecurityPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { SignInPage } from './SignInPage.tsx';
import { UsersPage } from './UsersPage.tsx';

const WORKERS = new Set(['org_admin', 'lawyer', 'caseworker']);

function navFor(role: string): Array<[string, string]> {
  const links: Array<[string, string]> = [];
  if (role !== 'statistics') links.push(['/files', 'files.nav.files']);
  if (WORKERS.has(role)) links.push(['/files/deadlines', 'files.nav.deadlines'], ['/files/new', 'files.nav.new'], ['/files/search', 'files.nav.search']);
  links.push(['/files/figures', 'files.nav.figures']);
  if (role === 'org_admin')
    links.push(['/files/admin/users', 'files.nav.users'], ['/files/admin/settings', 'files.nav.settings'], ['/files/admin/audit', 'files.nav.audit']);
  links.push(['/files/security', 'files.nav.security']);
  return links;
}

function FilesPage({ path, user }: { path: string; user: SignInState['user'] }) {
  const id = /^\/files\/([^/]+)$/.exec(path)?.[1];
  switch (path) {
    case '/files':
      return user.role === 'statistics' ? <FiguresPage /> : <ClientsPage />;
    case '/files/new':
      return <NewClientPage />;
    case '/files/deadlines':
      return <DeadlinesPage />;
    case '/files/search':
      return <SearchPage />;
    case '/files/figures':
      return <FiguresPage />;
    case '/files/admin/users':
      return <UsersPage self={user.id} />;
    case '/files/admin/settings':
      return <SettingsPage />;
    case '/files/admin/audit':
      return <AuditPage />;
    case '/files/security':
      return <SecurityPage />;
    default:
      return id && UUID.test(id) ? <ClientFilePage id={id} self={user.id} /> : <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  return <p role="alert">{t('files.errors.notFound')}</p>;
}

/** The case-file area (/signin, /files…): a signed-in session first, the quick exit on every page. */
export function CaseworkApp({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<SignInState | null>(sessionState());
  useEffect(() => onSessionChange(() => setState(sessionState())), []);
  // The member's language is kept on the server too: reminder e-mails and calendar entries are written in it.
  const told = useRef<string | null>(null);
  const language = i18n.language.startsWith('ru') ? 'ru' : 'en';
  const signedIn = state?.next === 'done' ? state.user.id : null;
  useEffect(() => {
    if (!signedIn || told.current === `${signedIn}:${language}`) return;
    told.current = `${signedIn}:${language}`;
    api('POST', '/api/v1/account/language', { language }).catch(() => {
      told.current = null;
    });
  }, [signedIn, language]);
  useEffect(() => {
    if (path === '/signin') return;
    let live = true;
    api<SignInState>('GET', '/api/v1/auth/session')
      .then((s) => {
        if (live && s.next !== 'done') navigate('/signin');
      })
      .catch(() => live && navigate('/signin'));
    return () => {
      live = false;
    };
  }, [path]);
  if (path === '/signin')
    return (
      <>
        <div className="files-bar">
          <QuickExit />
        </div>
        <SignInPage />
      </>
    );
  if (state?.next !== 'done') return <p>{t('common.loading')}</p>;
  return (
    <>
      <div className="files-bar">
        <nav aria-label={t('files.nav.label')}>
          <ul>
            {navFor(state.user.role).map(([href, key]) => (
              <li key={href}>
                <a href={href} onClick={onLinkClick} aria-current={path === href ? 'page' : undefined}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="muted">
          {state.user.email} · {state.user.org.name}
        </span>
        <button
          type="button"
          onClick={async () => {
            await signOut();
            navigate('/signin');
          }}
        >
          {t('files.signOut')}
        </button>
        <QuickExit />
      </div>
      <FilesPage path={path} user={state.user} />
    </>
  );
}
