import { createContext, useContext, type ReactNode } from 'react';
import { Highlighted } from './Highlighted.js';
import { matchRanges } from './matchRanges.js';

const SearchedFor = createContext('');

/** What a list was searched for, so its cells can mark it. */
export function SearchedForProvider({ q, children }: { q: string; children: ReactNode }) {
  return <SearchedFor.Provider value={q.trim()}>{children}</SearchedFor.Provider>;
}

/** A cell's text with what the list was searched for in <mark>; the text alone when not searched. */
export function QueryMatches({ text }: { text: string }) {
  const q = useContext(SearchedFor);
  if (!q) return <>{text}</>;
  return <Highlighted text={text} ranges={matchRanges(text, q)} />;
}
