import { useMessages } from '../state/preferences-store';
import { PageHeading } from '../ui/page-heading';
import { hrefOf } from './routes';

export function NotFoundPage() {
  const t = useMessages();
  return (
    <>
      <PageHeading>{t.notFound.title}</PageHeading>
      <p>{t.notFound.body}</p>
      <p>
        <a href={hrefOf('home')}>{t.notFound.homeLink}</a>
      </p>
    </>
  );
}
