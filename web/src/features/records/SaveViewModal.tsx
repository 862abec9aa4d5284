import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';

interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  onSave: (input: { name: string; shared: boolean }) => Promise<unknown>;
}

/** Name and sharing of a new view. */
export function SaveViewModal({ opened, onClose, onSave }: SaveViewModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  return (
    <Modal opened={opened} onClose={onClose} title={t('grid.saveView')} data-testid="save-view-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          setSaving(true);
          setFailure(null);
          onSave({ name: name.trim(), shared })
            .then(() => {
              setName('');
              setShared(false);
              onClose();
            }, setFailure)
            .finally(() => setSaving(false));
        }}
      >
        <Stack>
          {failure !== null && <ErrorAlert error={failure} />}
          <TextInput label={t('grid.viewName')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus data-testid="view-name" />
          <Switch label={t('grid.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} data-testid="view-shared" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('grid.cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={!name.trim()} data-testid="view-save">
              {t('grid.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
