import { Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { consentChannels, consentMethods, postConsent, privacyKeys, type RecordConsentInput } from './api.js';

type Channel = RecordConsentInput['channel'];
type Method = RecordConsentInput['method'];
const methods = consentMethods.filter((m): m is Method => m !== 'unsubscribe_link');

/** Records a consent given or withdrawn on one channel, with how and the evidence. */
export function ConsentForm({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<Channel>('email');
  const [status, setStatus] = useState<RecordConsentInput['status']>('granted');
  const [method, setMethod] = useState<Method>('verbal');
  const [evidence, setEvidence] = useState('');
  const save = useMutation({
    mutationFn: () => postConsent(contactId, { channel, status, method, evidence: evidence.trim() || undefined }),
    onSuccess: (consents) => {
      queryClient.setQueryData(privacyKeys.consents(contactId), consents);
      void queryClient.invalidateQueries({ queryKey: ['history', 'contact', contactId] });
      onDone();
    },
  });
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} data-testid="consent-form">
      {save.isError && <ErrorAlert error={save.error} />}
      <Select
        label={t('privacy.channel')}
        data={consentChannels.map((c) => ({ value: c, label: t(`privacy.channels.${c}`) }))}
        value={channel}
        onChange={(v) => v && setChannel(v as Channel)}
        allowDeselect={false}
        data-testid="consent-channel"
      />
      <SegmentedControl
        aria-label={t('privacy.state')}
        value={status}
        onChange={(v) => setStatus(v as RecordConsentInput['status'])}
        data={[{ value: 'granted', label: t('privacy.status.granted') }, { value: 'withdrawn', label: t('privacy.status.withdrawn') }]}
        data-testid="consent-status"
      />
      <Select
        label={t('privacy.method')}
        data={methods.map((m) => ({ value: m, label: t(`privacy.methods.${m}`) }))}
        value={method}
        onChange={(v) => v && setMethod(v as Method)}
        allowDeselect={false}
        data-testid="consent-method"
      />
      <TextInput label={t('privacy.evidence')} description={t('privacy.evidenceHint')} value={evidence} maxLength={2000} onChange={(e) => setEvidence(e.currentTarget.value)} data-testid="consent-evidence" />
      <Group gap="xs">
        <Button type="submit" size="xs" loading={save.isPending} data-testid="consent-save">
          {t('privacy.record')}
        </Button>
        <Button type="button" size="xs" variant="default" onClick={onDone}>
          {t('privacy.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
