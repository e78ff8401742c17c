import { use, type ComponentType, type JSX } from 'react';

/** A component whose code is loaded apart from the page that shows it, and fetched before it is needed. */
export interface Preloadable<P extends object> {
  /** Starts loading the code (once); resolves when it is there. Failures are kept for the render to report. */
  readonly preload: () => Promise<unknown>;
  /** The component: drawn at once when its code is loaded, else suspended until it is. */
  readonly Component: (props: P) => JSX.Element;
}

/**
 * Unlike `React.lazy`, which suspends at its first render even when the code came long before, a
 * preloaded component is drawn in the same render that first shows it: the step's heading is there
 * when the wizard moves focus to it. Not yet loaded, it suspends like a lazy component (`use`).
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A failed fetch (offline, a new deployment) may succeed on the next attempt.
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  function Component(props: P): JSX.Element {
    const Loaded = loaded ?? use(start());
    return <Loaded {...props} />;
  }
  return { preload: () => start().catch(() => undefined), Component };
}
