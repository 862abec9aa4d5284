import { AppShell, Divider, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../features/auth/index.js';
import { canManageSettings } from '../../features/settings/index.js';
import { SessionControls } from './SessionControls.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

const links = [
  { to: '/contacts', label: 'nav.contacts', testId: 'nav-contacts' },
  { to: '/companies', label: 'grid.navCompanies', testId: 'nav-companies' },
  { to: '/duplicates', label: 'duplicates.nav', testId: 'nav-duplicates' },
] as const;

/** Navigation; on phones it also carries the workspace and the logout that the header has no room for. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const role = useSession().data?.workspace?.role;
  return (
    <>
      <AppShell.Section grow component="nav" aria-label={t('nav.label')}>
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={t(link.label)}
            active={pathname === link.to || pathname.startsWith(`${link.to}/`)}
            onClick={onNavigate}
            data-testid={link.testId}
          />
        ))}
        {canManageSettings(role) && (
          <NavLink
            component={Link}
            to="/settings"
            label={t('card.settings.nav')}
            active={pathname === '/settings' || pathname.startsWith('/settings/')}
            onClick={onNavigate}
            data-testid="nav-settings"
          />
        )}
      </AppShell.Section>
      <AppShell.Section hiddenFrom="sm">
        <Divider mb="sm" />
        <Stack gap="sm">
          <WorkspaceSwitcher testId="navbar-workspace" />
          <SessionControls testId="navbar" />
        </Stack>
      </AppShell.Section>
    </>
  );
}
