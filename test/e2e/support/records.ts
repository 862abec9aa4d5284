import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.js';
import { csrfOf, stamp } from './invitations.js';

/** Writes through the API with the page's own session (cookie + CSRF), as the web app does. */
export async function apiWrite(page: Page, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown) {
  const csrf = await csrfOf(page.request);
  const response = await page.request.fetch(path, { method, headers: { 'x-csrf-token': csrf }, data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.status() === 204 ? null : ((await response.json()) as Record<string, unknown>);
}

export async function apiRead(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

export interface Customer {
  contactId: string;
  companyId: string;
  firstName: string;
  lastName: string;
  companyName: string;
}

/** A new company and a person working there as a buyer, made through the API. */
export async function makeCustomer(page: Page, firstName = `Noa${stamp()}`): Promise<Customer> {
  const companyName = `Acme ${stamp()}`;
  const company = await apiWrite(page, 'POST', '/api/companies', { name: companyName });
  const lastName = 'Levi';
  // A Hebrew first name makes no email address: then the address is made up.
  const local = /^[a-z0-9]+$/i.test(firstName) ? firstName.toLowerCase() : `p${stamp()}`;
  const contact = await apiWrite(page, 'POST', '/api/contacts', { firstName, lastName, email: `${local}@example.com`, phone: '050-123-4567' });
  await apiWrite(page, 'PUT', `/api/contacts/${String(contact!.id)}/companies`, [{ companyId: company!.id, role: 'buyer', isPrimary: true }]);
  return { contactId: String(contact!.id), companyId: String(company!.id), firstName, lastName, companyName };
}

/** Opens a card and waits for it. */
export async function openCard(page: Page, path: string) {
  await page.goto(path);
  await page.getByTestId('card-name').waitFor();
}

/** A full-page screenshot from the top, so the fixed header is drawn where it belongs. */
export async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}
