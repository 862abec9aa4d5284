// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionKey } from '../../app/queryClient.js';
import type { SearchAnswer } from './api.js';
import { HeaderSearch } from './HeaderSearch.js';

const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const contact = (id: string, title: string, subtitle: string | null, mark: [number, number]) => ({
  id,
  type: 'contact',
  title,
  subtitle,
  tier: 'prefix' as const,
  matchedField: 'name',
  highlights: { title: [mark], subtitle: [] },
});

const answers: Record<string, SearchAnswer> = {
  coh: {
    q: 'coh',
    groups: [
      { type: 'contact', plural: 'contacts', items: [contact(uuid(1), 'Dana Cohen', '050-123-4567', [5, 8]), contact(uuid(2), 'כהן יוסי', null, [0, 3])] },
      { type: 'company', plural: 'companies', items: [{ ...contact(uuid(3), 'Cohen & Sons', 'cohen.co.il', [0, 3]), type: 'company' }] },
    ],
  },
  zzz: { q: 'zzz', groups: [{ type: 'contact', plural: 'contacts', items: [] }] },
};

let requests: { q: string; signal: AbortSignal }[] = [];
let fail = false;

beforeEach(() => {
  requests = [];
  fail = false;
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const q = new URL(url, 'http://x').searchParams.get('q') ?? '';
    requests.push({ q, signal: init.signal! });
    if (fail) return Promise.resolve(new Response(JSON.stringify({ code: 'internal', detail: 'boom' }), { status: 500 }));
    // "slow" never answers: a request typed over must be aborted, not left to land late.
    if (q === 'slow') return new Promise(() => undefined);
    return Promise.resolve(new Response(JSON.stringify(answers[q] ?? { q, groups: [] }), { status: 200 }));
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

function renderHeader() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(sessionKey, { workspace: { id: 'w1' } } as never);
  const router = createMemoryRouter([{ path: '*', element: (<><HeaderSearch /><button type="button">elsewhere</button><Where /></>) }]);
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return screen.getByRole('combobox');
}

const type = (input: HTMLElement, value: string) => act(async () => fireEvent.change(input, { target: { value } }));
const key = (input: HTMLElement, name: string) => act(async () => fireEvent.keyDown(input, { key: name, code: name }));
const hits = () => screen.queryAllByTestId('search-hit');

// Without an i18n instance the box shows its translation keys, which is what these check.
describe('the header search', () => {
  it('shows hits grouped by type, with the matched parts in <mark> and a "see all" per group', async () => {
    const input = renderHeader();
    await type(input, 'coh');
    await waitFor(() => expect(hits()).toHaveLength(3));
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const groups = screen.getAllByTestId('search-group');
    expect(groups.map((g) => g.getAttribute('role'))).toEqual(['group', 'group']);
    expect(groups.map((g) => g.textContent)).toEqual([expect.stringContaining('search.types.contact'), expect.stringContaining('search.types.company')]);
    expect(document.querySelector('[role="listbox"]')!.getAttribute('aria-label')).toBe('search.results');
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Coh', 'כהן', 'Coh']);
    expect(hits()[0]!.querySelector('bdi')!.getAttribute('dir')).toBe('auto');
    // A phone-only subtitle reads left to right even in a Hebrew page.
    expect(screen.getAllByTestId('search-hit-subtitle')[0]!.querySelector('bdi')!.getAttribute('dir')).toBe('ltr');
    expect(screen.getAllByTestId('search-see-all')).toHaveLength(2);
  });

  it('moves with the arrows and opens the card with Enter, then empties the box', async () => {
    const input = renderHeader();
    await type(input, 'coh');
    await waitFor(() => expect(hits()).toHaveLength(3));
    // The first hit is ready under Enter; ↓ moves to the second.
    await waitFor(() => expect(hits()[0]!.hasAttribute('data-combobox-selected')).toBe(true));
    await key(input, 'ArrowDown');
    expect(hits()[1]!.hasAttribute('data-combobox-selected')).toBe(true);
    expect(input.getAttribute('aria-activedescendant')).toBe(hits()[1]!.id);
    await key(input, 'Enter');
    expect(screen.getByTestId('where').textContent).toBe(`/contacts/${uuid(2)}`);
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('opens the list searched for the same text from "see all"', async () => {
    const input = renderHeader();
    await type(input, 'coh');
    await waitFor(() => expect(hits()).toHaveLength(3));
    await act(async () => fireEvent.click(screen.getAllByTestId('search-see-all')[1]!));
    expect(screen.getByTestId('where').textContent).toBe('/companies?q=coh');
  });

  it('says when nothing matches, and when the search failed', async () => {
    const input = renderHeader();
    await type(input, 'zzz');
    await waitFor(() => expect(screen.getByTestId('search-empty').textContent).toBe('search.noResults'));
    fail = true;
    await type(input, 'boom');
    await waitFor(() => screen.getByTestId('search-error'));
    expect(screen.getByTestId('search-error').getAttribute('role')).toBe('alert');
  });

  it('asks once per pause in typing and aborts a request that was typed over', async () => {
    const input = renderHeader();
    await type(input, 'c');
    await type(input, 'co');
    await type(input, 'slow');
    await waitFor(() => expect(requests.map((r) => r.q)).toEqual(['slow']));
    await type(input, 'coh');
    await waitFor(() => expect(hits()).toHaveLength(3));
    expect(requests.map((r) => r.q)).toEqual(['slow', 'coh']);
    expect(requests[0]!.signal.aborted).toBe(true);
  });

  it('Ctrl+K focuses the box from anywhere, Escape closes it and gives focus back', async () => {
    const input = renderHeader();
    const elsewhere = screen.getByText('elsewhere');
    elsewhere.focus();
    await act(async () => fireEvent.keyDown(document.documentElement, { key: 'k', code: 'KeyK', ctrlKey: true }));
    expect(document.activeElement).toBe(input);
    await type(input, 'coh');
    await waitFor(() => expect(hits()).toHaveLength(3));
    await key(input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(elsewhere);
  });
});
