// @vitest-environment happy-dom
import { act, render } from '@testing-library/react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RecordListConfig } from './types.js';
import { useListState } from './useListState.js';

const config: RecordListConfig = { recordType: 'contact', plural: 'contacts', defaultColumns: ['name', 'email', 'phone'], defaultSort: 'name', bulkActions: [] };

describe('useListState', () => {
  // The router renders a new URL in a transition; a click before that render sees the old state.
  it('keeps both writes made from one render', async () => {
    window.history.replaceState(null, '', '/contacts?q=dana');
    let list: ReturnType<typeof useListState> | undefined;
    function Page() {
      list = useListState(config, []);
      return null;
    }
    const router = createBrowserRouter([{ path: '/contacts', element: <Page /> }]);
    render(<RouterProvider router={router} />);
    const seen = list!;
    expect(seen.columns).toEqual(['name', 'email', 'phone']);
    await act(async () => {
      seen.editColumns((columns) => columns.filter((c) => c !== 'phone'));
      await Promise.resolve();
      seen.set({ sort: '-email' });
      await Promise.resolve();
      seen.editColumns((columns) => [...columns, 'city']);
    });
    const params = new URLSearchParams(window.location.search);
    expect(Object.fromEntries(params)).toEqual({ q: 'dana', sort: '-email', columns: 'name,email,city' });
    expect(list!.columns).toEqual(['name', 'email', 'city']);
    expect(list!.sort).toBe('-email');
  });
});
