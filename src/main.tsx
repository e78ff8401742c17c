import './app/screens';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { registerServiceWorker } from './browser/service-worker';
import './app/app.css';
import { startPreferences } from './state/preferences-store';

await startPreferences();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The offline copy exists only in a production build; registering after `load` keeps its downloads
// out of the first paint.
if (import.meta.env.PROD) window.addEventListener('load', () => void registerServiceWorker(), { once: true });
