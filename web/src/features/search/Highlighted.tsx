import { Mark } from '@mantine/core';
import { Fragment } from 'react';
import { splitHighlights } from './highlight.js';

interface HighlightedProps {
  text: string;
  ranges: readonly (readonly [number, number])[];
  /** 'ltr' for phone numbers and emails; otherwise the text's own first letter decides. */
  dir?: 'ltr' | 'auto';
}

/**
 * A title or subtitle with its matched parts in <mark>. Isolated in a <bdi> so a Hebrew name in an
 * English list (or a Latin one in a Hebrew list) keeps its own order, while the line stays aligned
 * with the page.
 */
export function Highlighted({ text, ranges, dir = 'auto' }: HighlightedProps) {
  return (
    <bdi dir={dir}>
      {splitHighlights(text, ranges).map((part, i) =>
        part.marked ? (
          <Mark key={i} color="yellow.3" c="dark.9" px={0}>
            {part.text}
          </Mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </bdi>
  );
}
