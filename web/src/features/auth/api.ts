import type { Locale } from '../../../../src/domain/workspaces/schema.js';
import { sessionInfoSchema, type LoginInput, type SessionInfo } from '../../../../src/domain/users/schema.js';
import { isApiError, request, setCsrfToken } from '../../app/api.js';

function remember(session: SessionInfo) {
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when nobody is logged in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return remember(await request('/api/auth/session', { schema: sessionInfoSchema }));
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function logIn(input: LoginInput): Promise<SessionInfo> {
  return remember(await request('/api/auth/login', { method: 'POST', body: input, schema: sessionInfoSchema }));
}

export async function logOut(): Promise<void> {
  await request('/api/auth/logout', { method: 'POST' });
  setCsrfToken(null);
}

export async function switchWorkspace(workspaceId: string): Promise<SessionInfo> {
  return remember(await request('/api/auth/workspace', { method: 'POST', body: { workspaceId }, schema: sessionInfoSchema }));
}

/** Marks the "you were added to X" notices of these workspaces as seen, so they are shown once. */
export const markNoticesSeen = (workspaceIds: string[]) =>
  request('/api/auth/notices/seen', { method: 'POST', body: { workspaceIds } });

export const saveLocale = (locale: Locale) => request('/api/auth/locale', { method: 'PUT', body: { locale } });
