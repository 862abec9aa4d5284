import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment } from 'react';
import { Outlet } from 'react-router';
import { ChooseWorkspace, MembershipNotices, useSession } from '../../features/auth/index.js';
import { LiveUpdates } from '../live/index.js';
import { AppHeader } from './AppHeader.js';
import { AppNavbar } from './AppNavbar.js';

/** The shell of every logged-in page: header, navbar (a drawer behind the burger on phones), content. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const workspaceId = useSession().data?.workspace?.id;
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
      data-testid="app-shell"
    >
      <AppShell.Header>
        <AppHeader navbarOpened={opened} onToggleNavbar={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <MembershipNotices />
        {workspaceId ? (
          // Keyed by workspace: switching starts every page afresh (search, pager) instead of mixing tenants.
          <Fragment key={workspaceId}>
            <LiveUpdates />
            <Outlet />
          </Fragment>
        ) : (
          <ChooseWorkspace />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
