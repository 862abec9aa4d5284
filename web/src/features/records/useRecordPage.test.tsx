// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRecordPage } from './hooks.js';

const useContactsPage = (q: string) => useRecordPage('contact', 'contacts', { q: q || undefined, sort: 'name' });

const contact = (id: string) => ({
  id,
  firstName: id,
  lastName: '',
  email: null,
  phone: null,
  companyId: null,
  companyName: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// Three pages of one contact each: cursor "c1" leads to page 2, "c2" to page 3.
function serveThreePages() {
  const fetchMock = vi.fn(async (url: string) => {
    const cursor = new URL(url, 'http://x').searchParams.get('cursor');
    const page = cursor === 'c2' ? 3 : cursor === 'c1' ? 2 : 1;
    const body = { items: [contact(uuid(page))], nextCursor: page < 3 ? `c${page}` : null };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

afterEach(() => vi.unstubAllGlobals());

describe('useRecordPage', () => {
  it('walks forward with the next cursor and back through the cursors it kept', async () => {
    serveThreePages();
    const { result } = renderHook(({ q }) => useContactsPage(q), { wrapper, initialProps: { q: '' } });
    await waitFor(() => expect(result.current.query.data?.items[0]?.id).toBe(uuid(1)));
    expect(result.current).toMatchObject({ page: 1, hasPrevious: false, hasNext: true });

    act(() => result.current.next());
    await waitFor(() => expect(result.current.query.data?.items[0]?.id).toBe(uuid(2)));
    act(() => result.current.next());
    await waitFor(() => expect(result.current.query.data?.items[0]?.id).toBe(uuid(3)));
    expect(result.current).toMatchObject({ page: 3, hasPrevious: true, hasNext: false });

    act(() => result.current.previous());
    await waitFor(() => expect(result.current.query.data?.items[0]?.id).toBe(uuid(2)));
    expect(result.current.page).toBe(2);
  });

  it('starts again from the first page when the search changes', async () => {
    const fetchMock = serveThreePages();
    const { result, rerender } = renderHook(({ q }) => useContactsPage(q), { wrapper, initialProps: { q: '' } });
    await waitFor(() => expect(result.current.hasNext).toBe(true));
    act(() => result.current.next());
    await waitFor(() => expect(result.current.page).toBe(2));

    rerender({ q: 'dana' });
    expect(result.current.page).toBe(1);
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => url === '/api/contacts?q=dana&sort=name&limit=25')).toBe(true));
  });
});
