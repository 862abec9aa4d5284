import { ActionIcon, Box, Modal, useMantineTheme } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from './SearchBox.js';
import { SearchIcon } from './SearchIcon.js';

/**
 * The search in the header: an inline box on a wide screen, a button that opens the box full screen
 * on a phone. Ctrl+K / ⌘K opens it from anywhere (inputs included, any keyboard layout) and Escape
 * gives focus back to where it was.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  const [modalOpened, modal] = useDisclosure(false);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const openSearch = () => {
    if (wide) {
      if (document.activeElement !== input.current) returnTo.current = document.activeElement as HTMLElement | null;
      input.current?.focus();
      input.current?.select();
    } else modal.open();
  };
  const done = (reason: 'escape' | 'open') => {
    const target = returnTo.current;
    returnTo.current = null;
    if (reason === 'escape' && target && target !== document.body && target.isConnected) target.focus();
    else input.current?.blur();
  };
  useHotkeys([['mod+K', openSearch, { usePhysicalKeys: true }]], []);

  if (wide) {
    return (
      <Box style={{ flex: '0 1 420px' }} miw={140} data-testid="header-search">
        <SearchBox inputRef={input} onDone={done} />
      </Box>
    );
  }
  return (
    <>
      <ActionIcon variant="subtle" color="gray" size="lg" onClick={modal.open} aria-label={t('search.open')} aria-keyshortcuts="Control+K Meta+K" data-testid="search-open">
        <SearchIcon size={20} />
      </ActionIcon>
      {/* The modal gives focus back to the button (or wherever it was) when it closes. */}
      <Modal opened={modalOpened} onClose={modal.close} title={t('search.label')} fullScreen radius={0} transitionProps={{ duration: 0 }} data-testid="search-modal">
        <SearchBox onDone={() => modal.close()} inModal />
      </Modal>
    </>
  );
}
