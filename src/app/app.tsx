import { lazy, Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { HomePage } from '../features/home/home-page';
import type { Messages } from '../messages/catalogs';
import { useLanguage, useMessages } from '../state/preferences-store';
import { LanguageSwitch } from './language-switch';
import { NotFoundPage } from './not-found-page';
import { hrefOf, useRoute, type RouteName } from './routes';
import { loadApplyPage, loadCertificatesPage, loadCheckPage, loadOfflineLinkPage } from './screens';

// Each screen is its own chunk: the first paint of a route loads the shell and that screen only.
const ApplyPage = lazy(() => loadApplyPage().then((m) => ({ default: m.ApplyPage })));
const CheckPage = lazy(() => loadCheckPage().then((m) => ({ default: m.CheckPage })));
const CertificatesPage = lazy(() => loadCertificatesPage().then((m) => ({ default: m.CertificatesPage })));
const OfflineLinkPage = lazy(() => loadOfflineLinkPage().then((m) => ({ default: m.OfflineLinkPage })));

function pageTitle(route: RouteName, t: Messages): string {
  switch (route) {
    case 'home':
      return t.home.title;
    case 'check':
      return t.check.title;
    case 'apply':
      return t.apply.title;
    case 'certificates':
      return t.certificates.title;
    case 'offlineLink':
      return t.offlineLink.title;
    case 'not-found':
      return t.notFound.title;
  }
}

function Page({ route }: { readonly route: RouteName }) {
  switch (route) {
    case 'home':
      return <HomePage checkHref={hrefOf('check')} applyHref={hrefOf('apply')} />;
    case 'check':
      return <CheckPage />;
    case 'apply':
      return <ApplyPage />;
    case 'certificates':
      return <CertificatesPage />;
    case 'offlineLink':
      return <OfflineLinkPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

/** The shell: skip link, header with the language switch, one `main`, the privacy note. */
export function App() {
  const t = useMessages();
  const language = useLanguage();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const shownRoute = useRef<RouteName | null>(null);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    document.title = t.app.pageTitle(pageTitle(route, t));
  }, [route, t]);

  // On a route change (not the first load) focus the new page's heading, as a page load would. A
  // screen still loading has no heading yet: focus it as soon as it appears.
  useEffect(() => {
    const changed = shownRoute.current !== null && shownRoute.current !== route;
    shownRoute.current = route;
    const main = mainRef.current;
    if (!changed || main === null) return;
    const focusHeading = (): boolean => {
      const heading = main.querySelector<HTMLElement>('h1');
      heading?.focus();
      // While the new screen's chunk loads, React keeps the previous page in place, hidden: its
      // heading cannot take focus, so wait for the new one.
      return heading !== null && document.activeElement === heading;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [route]);

  // The skip link must not change the hash: here the hash is the route.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t.app.skipLink}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="brand" href={hrefOf('home')} aria-current={route === 'home' ? 'page' : undefined}>
            <span className="brand-name">{t.app.name}</span>
            <span className="brand-tagline">{t.app.tagline}</span>
          </a>
          <nav aria-label={t.app.mainNavigation} className="site-nav">
            <a href={hrefOf('apply')} aria-current={route === 'apply' ? 'page' : undefined}>
              {t.home.applyLink}
            </a>
            <a href={hrefOf('check')} aria-current={route === 'check' ? 'page' : undefined}>
              {t.home.checkLink}
            </a>
            <a href={hrefOf('certificates')} aria-current={route === 'certificates' ? 'page' : undefined}>
              {t.certificates.navLink}
            </a>
            <a href={hrefOf('offlineLink')} aria-current={route === 'offlineLink' ? 'page' : undefined}>
              {t.offlineLink.navLink}
            </a>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Suspense
          fallback={
            <p role="status" className="page-loading">
              {t.app.pageLoading}
            </p>
          }
        >
          <Page route={route} />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p className="privacy-note">{t.app.privacy}</p>
      </footer>
    </>
  );
}
