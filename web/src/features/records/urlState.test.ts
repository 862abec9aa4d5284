import { describe, expect, it } from 'vitest';
import type { RecordListConfig, SavedView } from './types.js';
import { readListState, resolveListState, writeListState } from './urlState.js';

const config: RecordListConfig = { recordType: 'contact', plural: 'contacts', defaultColumns: ['name', 'email'], defaultSort: 'name', bulkActions: [] };
const view: SavedView = { id: 'v1', recordType: 'contact', name: 'Leads', shared: true, ownerId: null, filter: { field: 'stage', op: 'eq', value: 'lead' }, sort: '-createdAt', columns: ['name', 'stage'], version: 1 };

describe('list URL state', () => {
  it('round-trips view, search, filter, sort and columns through the query string', () => {
    const state = {
      view: 'v1',
      q: 'דנה',
      filter: { and: [{ field: 'custom.cf_x', op: 'eq' as const, value: 'a,b&c' }, { field: 'email', op: 'empty' as const }] },
      sort: '-custom.cf_date',
      columns: ['name', 'custom.cf_x', 'stage'],
    };
    const text = writeListState(state).toString();
    expect(readListState(new URLSearchParams(text))).toEqual(state);
  });

  it('keeps an explicit "no filter" apart from an absent one', () => {
    expect(readListState(writeListState({ filter: null }))).toEqual({ filter: null });
    expect(readListState(writeListState({}))).toEqual({});
  });

  it('ignores a filter that is not JSON', () => {
    expect(readListState(new URLSearchParams('filter=%7Bnope&sort=city'))).toEqual({ sort: 'city' });
  });

  it('takes the URL over the view and the view over the defaults', () => {
    expect(resolveListState({}, undefined, config)).toEqual({ q: '', filter: null, sort: 'name', columns: ['name', 'email'], modified: false });
    expect(resolveListState({ view: 'v1' }, view, config)).toMatchObject({ filter: view.filter, sort: '-createdAt', columns: ['name', 'stage'], modified: false });
    expect(resolveListState({ view: 'v1', sort: 'city', filter: null }, view, config)).toMatchObject({ filter: null, sort: 'city', columns: ['name', 'stage'], modified: true });
  });
});
