import { useSearchParams } from 'react-router';
import type { SavedView } from './types.js';
import { readListState, resolveListState, writeListState, type ListUrlState } from './urlState.js';
import type { RecordListConfig } from './types.js';

/** The list's state from the URL (over the chosen view, over the defaults), and setters that write the URL. */
export function useListState(config: RecordListConfig, views: SavedView[] | undefined) {
  const [params, setParams] = useSearchParams();
  const url = readListState(params);
  const view = url.view ? views?.find((v) => v.id === url.view) : undefined;
  const resolved = resolveListState(url, view, config);
  const write = (next: ListUrlState) => setParams(writeListState(next), { replace: true });

  return {
    ...resolved,
    view,
    viewId: url.view,
    set: (patch: Partial<ListUrlState>) => write({ ...url, ...patch }),
    /** Opens a view as saved: its own filter, sort and columns; the search stays. */
    selectView: (viewId: string | null) => write({ view: viewId ?? undefined, q: url.q }),
  };
}
