import { Anchor, Burger, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { HeaderSearch } from '../../features/search/index.js';
import { SessionControls } from './SessionControls.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

interface AppHeaderProps {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
}

export function AppHeader({ navbarOpened, onToggleNavbar }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="md" wrap="nowrap" miw={0}>
        <Burger
          opened={navbarOpened}
          onClick={onToggleNavbar}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('nav.toggle')}
          data-testid="burger"
        />
        <Anchor component={Link} to="/contacts" fw={700} fz="xl" c="teal.8" underline="never" data-testid="app-title">
          {t('app.name')}
        </Anchor>
        <Group visibleFrom="sm" miw={0}>
          <WorkspaceSwitcher testId="workspace" />
        </Group>
      </Group>
      {/* The search takes the room left over; the language and session controls keep their size. */}
      <Group gap="md" wrap="nowrap" justify="flex-end" style={{ flex: 1 }} miw={0}>
        <HeaderSearch />
        <Group style={{ flexShrink: 0 }}>
          <LanguageSwitch />
        </Group>
        <Group visibleFrom="sm" style={{ flexShrink: 0 }}>
          <SessionControls testId="header" />
        </Group>
      </Group>
    </Group>
  );
}
