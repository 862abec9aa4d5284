import type { FilterNode, RecordListConfig, SavedView } from './types.js';

/** What a list's URL carries, so that a copied link opens the same list: ?view=&q=&filter=&sort=&columns=. */
export interface ListUrlState {
  view?: string;
  q?: string;
  filter?: FilterNode | null;
  sort?: string;
  columns?: string[];
}

function parseFilter(text: string | null): FilterNode | null | undefined {
  if (text === null) return undefined;
  if (text === '' || text === 'null') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as FilterNode) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the list state from the query string; what is absent or unreadable stays undefined. */
export function readListState(params: URLSearchParams): ListUrlState {
  const state: ListUrlState = {};
  const view = params.get('view');
  if (view) state.view = view;
  const q = params.get('q');
  if (q) state.q = q;
  const filter = parseFilter(params.get('filter'));
  if (filter !== undefined) state.filter = filter;
  const sort = params.get('sort');
  if (sort) state.sort = sort;
  const columns = params.get('columns');
  if (columns) state.columns = columns.split(',').filter(Boolean);
  return state;
}

/** The query string for a list state; `filter: null` is kept (it overrides a view's filter with none). */
export function writeListState(state: ListUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view) params.set('view', state.view);
  if (state.q) params.set('q', state.q);
  if (state.filter !== undefined) params.set('filter', state.filter === null ? 'null' : JSON.stringify(state.filter));
  if (state.sort) params.set('sort', state.sort);
  if (state.columns?.length) params.set('columns', state.columns.join(','));
  return params;
}

/** What the list shows: the URL wins over the chosen view, the view over the list's defaults. */
export function resolveListState(url: ListUrlState, view: SavedView | undefined, config: RecordListConfig) {
  const viewFilter = (view?.filter ?? null) as FilterNode | null;
  return {
    q: url.q ?? '',
    filter: url.filter !== undefined ? url.filter : viewFilter,
    sort: url.sort ?? view?.sort ?? config.defaultSort,
    columns: url.columns ?? (view?.columns?.length ? view.columns : config.defaultColumns),
    /** The URL changes something the view does not have: "save" updates the view. */
    modified: Boolean(view) && (url.filter !== undefined || url.sort !== undefined || url.columns !== undefined),
  };
}
