import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../app/i18n/textDirection.js';

/** The search box; it reports what was typed once the user pauses for 250 ms. */
export function GridSearch({ value, onSearch, testId }: { value: string; onSearch: (q: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [settled] = useDebouncedValue(text.trim(), 250);

  // Only a pause in typing starts a search; listing `value` or `onSearch` here would undo navigation.
  useEffect(() => {
    if (settled !== value) onSearch(settled);
  }, [settled]);

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
