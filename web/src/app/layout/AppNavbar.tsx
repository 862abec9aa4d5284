import { AppShell, Divider, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { SessionControls } from './SessionControls.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

const links = [
  { to: '/contacts', label: 'nav.contacts', testId: 'nav-contacts' },
  { to: '/companies', label: 'grid.navCompanies', testId: 'nav-companies' },
] as const;

/** Navigation; on phones it also carries the workspace and the logout that the header has no room for. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
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
