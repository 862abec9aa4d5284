import { Alert, Button, Group, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipNotice } from '../../../../src/domain/workspaces/schema.js';
import { isolate } from '../../app/i18n/textDirection.js';
import { markNoticesSeen } from './api.js';
import { useSession } from './useSession.js';
import { useSwitchWorkspace } from './useSwitchWorkspace.js';

/**
 * "You were added to workspace X by Y", the first time the user sees that membership: shown notices
 * are marked seen at once (the server then stops sending them) and stay on screen until closed.
 */
export function MembershipNotices() {
  const { t } = useTranslation();
  const session = useSession().data;
  const switcher = useSwitchWorkspace();
  const [shown, setShown] = useState<MembershipNotice[]>([]);
  const reported = useRef(new Set<string>());

  useEffect(() => {
    const fresh = (session?.notices ?? []).filter((n) => !reported.current.has(n.workspace.id));
    if (fresh.length === 0) return;
    for (const n of fresh) reported.current.add(n.workspace.id);
    setShown((current) => [...current, ...fresh]);
    // Shown is seen; if this fails the notice simply comes back next time.
    markNoticesSeen(fresh.map((n) => n.workspace.id)).catch(() => undefined);
  }, [session?.notices]);

  if (shown.length === 0) return null;
  const close = (id: string) => setShown((current) => current.filter((n) => n.workspace.id !== id));
  return (
    <Stack gap="xs" mb="md" data-testid="membership-notices">
      {shown.map((notice) => (
        <Alert
          key={notice.workspace.id}
          color="teal"
          title={t('notices.title')}
          withCloseButton
          closeButtonLabel={t('notices.dismiss')}
          onClose={() => close(notice.workspace.id)}
          data-testid="membership-notice"
        >
          <Group justify="space-between" gap="sm">
            <span>
              {notice.addedBy
                ? t('notices.addedBy', { workspace: isolate(notice.workspace.name), by: isolate(notice.addedBy) })
                : t('notices.added', { workspace: isolate(notice.workspace.name) })}
            </span>
            {session?.workspace?.id !== notice.workspace.id && (
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  close(notice.workspace.id);
                  switcher.mutate(notice.workspace.id);
                }}
                data-testid="membership-notice-open"
              >
                {t('notices.open')}
              </Button>
            )}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
