import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

const screenshotDir = 'test-results/screenshots';

// The machine has no internet: keep Chromium from phoning home, which can stall start-up.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Expected answers such as 401 on /api/auth/session when logged out are logged as failed resources.
const harmless = /Failed to load resource/;

/**
 * One Chromium per spec file; each test opens its own context (fresh cookies and localStorage).
 * A test fails if a page threw or logged an error (a React error, a CSP violation, …).
 */
export function useBrowser() {
  let browser: Browser | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    const found = errors;
    errors = [];
    expect(found, 'errors in the browser console').toEqual([]);
  });

  return {
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      if (!browser) throw new Error('the browser has not started');
      const context = await browser.newContext({ baseURL: inject('baseURL'), viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !harmless.test(message.text())) errors.push(`console: ${message.text()}`);
      });
      page.setDefaultTimeout(20_000);
      page.setDefaultNavigationTimeout(30_000);
      return page;
    },
  };
}

/** A PNG in test-results/screenshots (full page unless told), once fonts have loaded and animations settled. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage, animations: 'disabled' });
}

/** `<html dir lang>` as the page has them now. */
export const documentLocale = (page: Page) =>
  page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
