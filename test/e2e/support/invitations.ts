import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The password the browser tests choose for new accounts (passes the password policy). */
export const newPassword = 'correct-horse-battery';
export const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Logs this context's request client in and returns the CSRF token for its writes. */
export async function apiLogIn(request: APIRequestContext, login: { email: string; password: string }) {
  const response = await request.post('/api/auth/login', { data: login });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** The CSRF token of the session this context already has. */
export async function csrfOf(request: APIRequestContext) {
  return ((await (await request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

export async function inviteToActiveWorkspace(request: APIRequestContext, csrf: string, email: string, role = 'sales') {
  const response = await request.post('/api/invitations', { headers: { 'x-csrf-token': csrf }, data: { email, role } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** A new person accepts in `page`'s browser context: the answer logs them in there. */
export async function acceptAsNewPerson(page: Page, token: string, name: string) {
  const response = await page.request.post('/api/invitations/accept', { data: { token, name, password: newPassword } });
  expect(response.status()).toBe(200);
}

/** A workspace of the user logged in on `request`, made active, so they can invite to it. */
export async function openOwnWorkspace(request: APIRequestContext, csrf: string, name: string) {
  const created = await request.post('/api/workspaces', {
    headers: { 'x-csrf-token': csrf },
    data: { name, slug: `ws-${stamp()}`, defaultLocale: 'en' },
  });
  expect(created.status()).toBe(201);
  const workspace = (await created.json()) as { id: string; name: string };
  await request.post('/api/auth/workspace', { headers: { 'x-csrf-token': csrf }, data: { workspaceId: workspace.id } });
  return workspace;
}
