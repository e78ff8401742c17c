import { useSyncExternalStore } from 'react';

/**
 * Hash routes (`#/check`): they work on any static host without rewrites, and the path never reaches
 * a server. Add a screen by adding its path here and its page in `app.tsx`.
 */
export const ROUTE_PATHS = {
  home: '/',
  check: '/check',
  apply: '/apply',
  certificates: '/certificates',
  offlineLink: '/offline-link',
} as const;

export type RouteName = keyof typeof ROUTE_PATHS | 'not-found';

/** Routes whose screen has places of its own below its path: the wizard's steps (`#/apply/details`). */
const ROUTES_WITH_PLACES: ReadonlySet<string> = new Set([ROUTE_PATHS.apply]);

/**
 * `#/check` -> `check`; `#/apply/details` -> `apply` (the screen reads the rest); empty hash -> `home`;
 * anything else -> `not-found`.
 */
export function routeFromHash(hash: string): RouteName {
  const path = hash.replace(/^#/, '').replace(/(.)\/+$/, '$1') || '/';
  for (const [name, routePath] of Object.entries(ROUTE_PATHS)) {
    if (routePath === path || (ROUTES_WITH_PLACES.has(routePath) && path.startsWith(`${routePath}/`)))
      return name as keyof typeof ROUTE_PATHS;
  }
  return 'not-found';
}

/** The `href` of a route, e.g. `#/check`. */
export function hrefOf(name: keyof typeof ROUTE_PATHS): string {
  return `#${ROUTE_PATHS[name]}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): RouteName {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return routeFromHash(hash);
}
