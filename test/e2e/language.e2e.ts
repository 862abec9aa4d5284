import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, logIn } from './support/app.js';
import { documentLocale, screenshot, useBrowser } from './support/browser.js';

/** Where the navbar sits: at the start of the line, so on the right in Hebrew and on the left in English. */
async function navbarSide(page: Page) {
  const navbar = await page.getByTestId('nav-contacts').boundingBox();
  const width = page.viewportSize()!.width;
  return navbar!.x + navbar!.width / 2 > width / 2 ? 'right' : 'left';
}

describe('language switch', () => {
  const browser = useBrowser();

  it('flips the whole layout between Hebrew (RTL) and English (LTR) and remembers the choice', async () => {
    const page = await browser.newPage();
    await logIn(page);

    await chooseLanguage(page, 'he');
    expect(await documentLocale(page)).toEqual({ dir: 'rtl', lang: 'he' });
    expect(await page.getByTestId('nav-contacts').innerText()).toBe('אנשי קשר');
    expect(await page.getByTestId('app-title').innerText()).toBe('קשר');
    expect(await navbarSide(page)).toBe('right');
    // Phone numbers still read left to right inside the Hebrew table.
    expect(await page.getByTestId('contact-phone').locator('bdi[dir="ltr"]').first().innerText()).toMatch(/^(\+\d[\d ]+|0\d{1,2}-\d{3}-\d{4})$/);
    await screenshot(page, 'contacts-he-rtl');

    await Promise.all([page.waitForResponse('**/api/auth/locale'), chooseLanguage(page, 'en')]);
    expect(await documentLocale(page)).toEqual({ dir: 'ltr', lang: 'en' });
    expect(await page.getByTestId('nav-contacts').innerText()).toBe('Contacts');
    expect(await page.getByTestId('app-title').innerText()).toBe('Kesher');
    expect(await navbarSide(page)).toBe('left');
    await screenshot(page, 'contacts-en-ltr');

    await page.reload();
    await page.getByTestId('contact-row').first().waitFor();
    expect(await documentLocale(page)).toEqual({ dir: 'ltr', lang: 'en' });
    expect(await page.getByTestId('nav-contacts').innerText()).toBe('Contacts');
  });

  it("follows the user's saved language on a browser that has no choice of its own", async () => {
    const page = await browser.newPage();
    await logIn(page); // the previous test saved English on the server
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await documentLocale(page)).toEqual({ dir: 'ltr', lang: 'en' });

    // And back, so the demo user ends as it began; the server remembers that too.
    await Promise.all([page.waitForResponse('**/api/auth/locale'), chooseLanguage(page, 'he')]);
    const fresh = await browser.newPage();
    await logIn(fresh);
    await fresh.waitForFunction(() => document.documentElement.lang === 'he');
    expect(await documentLocale(fresh)).toEqual({ dir: 'rtl', lang: 'he' });
  });

  it('puts the navigation behind a burger on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await logIn(page);
    // A collapsed navbar is slid out of the viewport rather than removed.
    const navOnScreen = (on: boolean) =>
      page.waitForFunction((expected) => {
        const box = document.querySelector('[data-testid="nav-contacts"]')!.getBoundingClientRect();
        return (box.right > 0 && box.left < window.innerWidth) === expected;
      }, on);
    await navOnScreen(false);
    expect(await page.getByTestId('header-logout').isVisible()).toBe(false);
    await page.getByTestId('burger').click();
    await navOnScreen(true);
    await page.getByTestId('navbar-logout').waitFor({ state: 'visible' });
    await screenshot(page, 'contacts-he-rtl-phone-menu', { fullPage: false });
  });
});
