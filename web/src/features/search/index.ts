export { HeaderSearch } from './HeaderSearch.js';
export { QueryMatches, SearchedForProvider } from './QueryMatches.js';
