import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../app/i18n/textDirection.js';

/** The search box; it reports what was typed once the user pauses for 250 ms. */
export function GridSearch({ value, onSearch, testId }: { value: string; onSearch: (q: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [settled] = useDebouncedValue(text.trim(), 250);
  /** What this box asked for that the URL may not show yet. */
  const sent = useRef<string[]>([]);

  // Only a pause in typing starts a search; listing `value` or `onSearch` here would undo navigation.
  useEffect(() => {
    if (settled === value) return;
    sent.current.push(settled);
    onSearch(settled);
  }, [settled]);

  // A search started elsewhere (the header's "see all", the back button) replaces what the box holds;
  // the URL catching up with what was typed here (even late, after more typing) does not.
  useEffect(() => {
    const mine = sent.current.includes(value);
    sent.current = sent.current.at(-1) === value ? [] : sent.current;
    if (!mine && value !== text.trim()) setText(value);
  }, [value]);

  return (
    <TextInput
      type="search"
      label={t('grid.search')}
      placeholder={t('grid.searchPlaceholder')}
      value={text}
      dir={textDirection(text)}
      onChange={(event) => setText(event.currentTarget.value)}
      data-testid={testId}
      w={{ base: '100%', sm: 280 }}
    />
  );
}
