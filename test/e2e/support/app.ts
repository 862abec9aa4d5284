import type { Page } from 'playwright-core';
import { inject } from 'vitest';

/** Logs in with the demo login from the login page and waits for the contacts list. */
export async function logIn(page: Page, login = inject('demoLogin')) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/contacts');
  await page.getByTestId('contact-row').first().waitFor();
}

/** Picks a language with the header's (or login page's) switch. */
export async function chooseLanguage(page: Page, locale: 'he' | 'en') {
  await page.getByTestId('lang-switch').getByTestId(`lang-${locale}`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
}

/** Pins the language of a new page before any script runs, as if chosen earlier in this browser. */
export async function pinLanguage(page: Page, locale: 'he' | 'en') {
  await page.addInitScript((value) => localStorage.setItem('kesher.locale', value), locale);
}
