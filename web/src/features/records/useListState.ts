import { useSearchParams } from 'react-router';
import type { SavedView } from './types.js';
import { readListState, resolveListState, writeListState, type ListUrlState } from './urlState.js';
import type { RecordListConfig } from './types.js';

/**
 * The URL's list state now. The router renders a new URL in a transition, so until that render commits
 * the params a component last saw lag the address bar; a write built from them would undo the write
 * before it (a column moved, then another click, lost the move). Writes therefore start from here.
 */
const currentUrlState = () => readListState(new URLSearchParams(window.location.search));

/** The list's state from the URL (over the chosen view, over the defaults), and setters that write the URL. */
export function useListState(config: RecordListConfig, views: SavedView[] | undefined) {
  const [params, setParams] = useSearchParams();
  const url = readListState(params);
  const viewOf = (state: ListUrlState) => (state.view ? views?.find((v) => v.id === state.view) : undefined);
  const view = viewOf(url);
  const resolved = resolveListState(url, view, config);
  const write = (next: ListUrlState) => setParams(writeListState(next), { replace: true });

  return {
    ...resolved,
    view,
    viewId: url.view,
    set: (patch: Partial<ListUrlState>) => write({ ...currentUrlState(), ...patch }),
    /** Applies an edit to the columns shown now (URL, else view, else defaults). */
    editColumns: (edit: (columns: string[]) => string[]) => {
      const now = currentUrlState();
      write({ ...now, columns: edit(resolveListState(now, viewOf(now), config).columns) });
    },
    /** Opens a view as saved: its own filter, sort and columns; the search stays. */
    selectView: (viewId: string | null) => write({ view: viewId ?? undefined, q: currentUrlState().q }),
  };
}
