import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { defaultLocale, initI18n, storedLocale } from './i18n/i18n.js';

// The stored choice first; the user's saved language replaces Hebrew after the session loads (LocaleSync).
const initialLocale = storedLocale() ?? defaultLocale;
initI18n(initialLocale);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App initialLocale={initialLocale} />
  </StrictMode>,
);
