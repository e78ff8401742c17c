import { useMessages } from '../../state/preferences-store';
import { PageHeading } from '../../ui/page-heading';

/** The start page: what the app is, and a way into each screen that exists. */
export function HomePage({ checkHref, applyHref }: { readonly checkHref: string; readonly applyHref: string }) {
  const t = useMessages();
  return (
    <>
      <PageHeading>{t.home.title}</PageHeading>
      <p className="lead">{t.home.intro}</p>
      <ul className="tiles">
        <li className="tile">
          <h2>
            <a href={applyHref}>{t.home.applyLink}</a>
          </h2>
          <p>{t.apply.homeDescription}</p>
        </li>
        <li className="tile">
          <h2>
            <a href={checkHref}>{t.home.checkLink}</a>
          </h2>
          <p>{t.home.checkDescription}</p>
        </li>
      </ul>
    </>
  );
}
