import { describe, expect, it } from 'vitest';
import { pinLanguage, logIn } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { stamp } from './support/invitations.js';
import { apiRead, apiWrite, shot } from './support/records.js';

const layouts = [
  { locale: 'en', dir: 'ltr', width: 1280 },
  { locale: 'he', dir: 'rtl', width: 1280 },
  { locale: 'en', dir: 'ltr', width: 375 },
  { locale: 'he', dir: 'rtl', width: 375 },
] as const;

describe('merge', () => {
  const browser = useBrowser();

  it.each(layouts)('merges two contacts with a field from the second, shows the banner on the survivor, undoes ($locale, $width px)', async ({ locale, dir, width }) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await pinLanguage(page, locale);
    await logIn(page);
    const tag = stamp();
    const first = await apiWrite(page, 'POST', '/api/contacts', { firstName: `Dana${tag}`, lastName: 'Cohen', email: `dana${tag}@example.com`, phone: '050-765-1234' });
    const second = await apiWrite(page, 'POST', '/api/contacts', { firstName: `Dani${tag}`, lastName: 'Cohen', city: 'Haifa', email: `dani${tag}@example.com`, tags: ['vip'] });
    const [a, b] = [String(first!.id), String(second!.id)];

    await page.goto(`/contacts/merge?ids=${a},${b}`);
    await page.getByTestId('merge-page').waitFor();
    expect(await page.getByTestId('merge-kept').innerText()).toContain(`dani${tag}@example.com`);
    await page.getByTestId(`merge-choice-firstName-${b}`).check();
    // Keyboard: the survivor radios take arrow keys like any radio group.
    await page.getByTestId(`merge-survivor-${a}`).focus();
    expect(await page.getByTestId(`merge-survivor-${a}`).isChecked()).toBe(true);
    await shot(page, `merge-page-${locale}-${dir}-${width}`);

    await page.getByTestId('merge-submit').click();
    await page.waitForURL(`**/contacts/${a}`);
    await page.getByTestId('merge-banner').waitFor();
    expect(await page.getByTestId('card-name').innerText()).toBe(`Dani${tag} Cohen`);
    expect(await page.getByTestId('merge-banner').innerText()).toContain(`Dani${tag} Cohen`);
    await shot(page, `merge-banner-${locale}-${dir}-${width}`);

    // The merged-away id opens the survivor, and the address becomes the survivor's.
    await page.goto(`/contacts/${b}`);
    await page.waitForURL(`**/contacts/${a}`);
    await page.getByTestId('merge-banner').waitFor();

    await page.getByTestId('merge-undo').click();
    await page.getByTestId('merge-banner').waitFor({ state: 'detached' });
    await page.getByTestId('card-name').getByText(`Dana${tag} Cohen`).waitFor();
    expect((await apiRead(page, `/api/contacts/${b}`)).firstName).toBe(`Dani${tag}`);
  });
});
