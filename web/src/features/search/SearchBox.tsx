import { Combobox, Kbd, Loader, ScrollArea, TextInput, useCombobox, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { textDirection } from '../../app/i18n/textDirection.js';
import { SearchIcon } from './SearchIcon.js';
import { hasHits, SearchGroups, SearchStatus } from './SearchResults.js';
import { useSearch } from './useSearch.js';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface SearchBoxProps {
  inputRef?: Ref<HTMLInputElement>;
  /** Escape or a chosen hit: the header gives focus back, the phone's modal closes. */
  onDone: (reason: 'escape' | 'open') => void;
  /** Inside the phone's modal: the list fills the screen below the box, and no shortcut hint. */
  inModal?: boolean;
}

/**
 * The header's search: a combobox whose listbox shows the hits grouped by type as the user types.
 * ↑/↓ move, Enter opens the card (or the list for "see all"), Escape closes.
 */
export function SearchBox({ inputRef, onDone, inModal = false }: SearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const search = useSearch(text);
  const combobox = useCombobox();
  const statusId = useId();
  const typed = text.trim();

  // A fresh answer puts the first hit under Enter; while the next one loads, Enter opens nothing stale.
  useEffect(() => {
    if (search.settled && hasHits(search.answer)) combobox.selectFirstOption();
    else combobox.resetSelectedOption();
  }, [search.answer, search.settled]);

  const open = (path: string) => {
    setText('');
    combobox.closeDropdown();
    onDone('open');
    void navigate(path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    combobox.closeDropdown();
    onDone('escape');
  };

  const count = search.answer?.groups.reduce((n, g) => n + g.items.length, 0) ?? 0;
  return (
    <Combobox store={combobox} onOptionSubmit={open} withinPortal={!inModal} width="target" position="bottom-start" shadow="md">
      <Combobox.Target withExpandedAttribute>
        <TextInput
          ref={inputRef}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (event.currentTarget.value.trim()) combobox.openDropdown();
            else combobox.closeDropdown();
          }}
          onFocus={() => typed && combobox.openDropdown()}
          onClick={() => typed && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
          aria-label={t('search.label')}
          aria-describedby={statusId}
          aria-keyshortcuts="Control+K Meta+K"
          placeholder={t('search.placeholder')}
          dir={textDirection(text)}
          inputMode="search"
          enterKeyHint="search"
          spellCheck={false}
          autoComplete="off"
          leftSection={<SearchIcon />}
          rightSection={search.fetching && typed ? <Loader size={14} /> : inModal ? null : <Kbd size="xs">{isMac ? '⌘K' : 'Ctrl K'}</Kbd>}
          rightSectionWidth={inModal ? undefined : 64}
          rightSectionPointerEvents="none"
          data-autofocus
          data-testid="search-input"
        />
      </Combobox.Target>
      <VisuallyHidden id={statusId} aria-live="polite">
        {search.settled && typed ? t('search.found', { count }) : ''}
      </VisuallyHidden>
      <Combobox.Dropdown hidden={!typed} data-testid="search-dropdown">
        <SearchStatus answer={search.answer} error={search.error} onRetry={() => void search.retry()} />
        <Combobox.Options aria-label={t('search.results')}>
          <ScrollArea.Autosize mah={inModal ? 'calc(100dvh - 9rem)' : 'min(70vh, 480px)'} type="scroll">
            {search.answer && <SearchGroups q={typed} answer={search.answer} />}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
