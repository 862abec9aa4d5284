import { Anchor, Button, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSession } from '../auth/index.js';
import { downloadExportJson, exportHtmlUrl, fetchConsents, privacyKeys } from './api.js';
import { ConsentForm } from './ConsentForm.js';
import { ConsentTable } from './ConsentTable.js';
import { EraseDialog } from './EraseDialog.js';

interface Props {
  contactId: string;
  name: string;
  version: number;
  /** The card's save: a PATCH of the contact on top of `version`. */
  save: (patch: Record<string, unknown>, version: number) => Promise<boolean>;
}

/** A contact's privacy: consent per channel, "do not contact", the subject-access export and erasure. */
export function ContactPrivacy({ contactId, name, version, save }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const role = useSession().data?.workspace?.role;
  const [recording, setRecording] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const consents = useQuery({ queryKey: privacyKeys.consents(contactId), queryFn: ({ signal }) => fetchConsents(contactId, signal) });
  const mayExport = role === 'owner' || role === 'admin' || role === 'manager';
  const mayErase = role === 'owner' || role === 'admin';

  if (consents.isPending) return <Loader size="sm" />;
  if (consents.isError) return <ErrorAlert error={consents.error} onRetry={() => void consents.refetch()} />;
  return (
    <Stack gap="sm" data-testid="contact-privacy">
      <Switch
        label={t('privacy.doNotContact')}
        description={t('privacy.doNotContactHint')}
        checked={consents.data.doNotContact}
        onChange={async (e) => {
          if (await save({ doNotContact: e.currentTarget.checked }, version)) await queryClient.invalidateQueries({ queryKey: privacyKeys.consents(contactId) });
        }}
        data-testid="privacy-dnc"
      />
      <ConsentTable consents={consents.data} />
      {recording ? (
        <ConsentForm contactId={contactId} onDone={() => setRecording(false)} />
      ) : (
        <Group>
          <Button size="xs" variant="light" onClick={() => setRecording(true)} data-testid="consent-add">
            {t('privacy.recordChange')}
          </Button>
        </Group>
      )}
      {(mayExport || mayErase) && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('privacy.requests')}
          </Text>
          {exportError !== null && <ErrorAlert error={exportError} />}
          <Group gap="xs">
            {mayExport && (
              <>
                <Button size="xs" variant="default" onClick={() => downloadExportJson(contactId).then(() => setExportError(null), setExportError)} data-testid="privacy-export-json">
                  {t('privacy.exportJson')}
                </Button>
                <Anchor size="sm" href={exportHtmlUrl(contactId, i18n.language)} target="_blank" rel="noopener" data-testid="privacy-export-html">
                  {t('privacy.exportHtml')}
                </Anchor>
              </>
            )}
            {mayErase && (
              <Button size="xs" color="red" variant="outline" onClick={() => setErasing(true)} data-testid="privacy-erase">
                {t('privacy.erase')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {mayErase && <EraseDialog contactId={contactId} name={name} opened={erasing} onClose={() => setErasing(false)} />}
    </Stack>
  );
}
