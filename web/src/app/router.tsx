import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage, RequireSession } from '../features/auth/index.js';
import { card } from '../features/card/index.js';
import { companies } from '../features/companies/index.js';
import { contacts } from '../features/contacts/index.js';
import { duplicates } from '../features/duplicates/index.js';
import { invitations } from '../features/invitations/index.js';
import { merge } from '../features/merge/index.js';
import { SettingsPage, settingsRoutes } from '../features/settings/index.js';
import { AppLayout } from './layout/AppLayout.js';
import { NotFound } from './layout/NotFound.js';

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/invite', element: <invitations.InvitePage /> },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to="/contacts" replace /> },
        { path: 'contacts', element: <contacts.ListPage /> },
        { path: 'contacts/new', element: <contacts.NewPage /> },
        { path: 'contacts/merge', element: <merge.ContactPage /> },
        { path: 'contacts/:id', element: <card.ContactPage /> },
        { path: 'companies', element: <companies.ListPage /> },
        { path: 'companies/new', element: <companies.NewPage /> },
        { path: 'companies/merge', element: <merge.CompanyPage /> },
        { path: 'companies/:id', element: <card.CompanyPage /> },
        { path: 'duplicates', element: <duplicates.Page /> },
        { path: 'settings', element: <SettingsPage />, children: settingsRoutes },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
