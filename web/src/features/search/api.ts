import { request } from '../../app/api.js';
import { searchResultSchema, type SearchItem, type SearchResult } from '../../../../src/domain/search/schema.js';

export type SearchHit = SearchItem;
export type SearchAnswer = SearchResult;
export type SearchGroup = SearchResult['groups'][number];

/** Per workspace: a switch must not show the other tenant's hits from the cache. */
export const searchKeys = {
  all: ['search'] as const,
  query: (workspaceId: string | undefined, q: string) => ['search', workspaceId ?? '', q] as const,
};

export const searchEverything = (q: string, signal?: AbortSignal) =>
  request('/api/search', { query: { q, limit: 5 }, schema: searchResultSchema, signal });
