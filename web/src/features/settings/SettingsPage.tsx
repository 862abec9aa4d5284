import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/index.js';
import { RetentionSettings } from '../privacy/index.js';
import { AuditLog } from './AuditLog.js';
import { CustomFieldsSettings } from './CustomFieldsSettings.js';
import { DuplicateRulesSettings } from './DuplicateRulesSettings.js';
import { TeamsSettings } from './TeamsSettings.js';
import { TrashList } from './TrashList.js';
import { VisibilitySettings } from './VisibilitySettings.js';

export const settingsTabs = ['fields', 'teams', 'duplicates', 'privacy', 'audit', 'trash'] as const;

/** True for the roles that see the settings (the API refuses the others anyway). */
export const canManageSettings = (role: string | undefined) => role === 'owner' || role === 'admin';

/** /settings/*: one tab per admin screen, each its own address. */
export function SettingsPage() {
  const { t } = useTranslation();
  const role = useSession().data?.workspace?.role;
  const navigate = useNavigate();
  const tab = useLocation().pathname.split('/')[2] ?? 'fields';
  if (!canManageSettings(role)) {
    return (
      <Alert color="orange" data-testid="settings-forbidden">
        {t('card.settings.forbidden')}
      </Alert>
    );
  }
  return (
    <Stack gap="md" data-testid="settings-page">
      <Title order={1} size="h2">
        {t('card.settings.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => v && navigate(`/settings/${v}`)}>
        <Tabs.List>
          {settingsTabs.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`settings-tab-${v}`}>
              {v === 'duplicates' ? t('duplicates.settings.tab') : t(`card.settings.tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}

function TeamsAndVisibility() {
  return (
    <Stack gap="lg">
      <TeamsSettings />
      <VisibilitySettings />
    </Stack>
  );
}

/** The child routes of /settings, for the router. */
export const settingsRoutes = [
  { index: true, element: <Navigate to="fields" replace /> },
  { path: 'fields', element: <CustomFieldsSettings /> },
  { path: 'teams', element: <TeamsAndVisibility /> },
  { path: 'privacy', element: <RetentionSettings /> },
  { path: 'audit', element: <AuditLog /> },
  { path: 'trash', element: <TrashList /> },
  { path: 'duplicates', element: <DuplicateRulesSettings /> },
];
