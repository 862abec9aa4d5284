import { Stack } from '@mantine/core';
import { useCard } from './CardContext.js';
import { ContactPointsField } from './ContactPointsField.js';
import { EditableField } from './EditableField.js';

/** The record's built-in fields, each editable in place. */
export function DetailsSection() {
  const { fields } = useCard();
  return (
    <Stack gap="sm">
      {fields
        .filter((f) => !f.custom)
        .map((f) => (f.kind === 'contact_points' ? <ContactPointsField key={f.key} field={f} /> : <EditableField key={f.key} field={f} />))}
    </Stack>
  );
}

/** The workspace's custom fields for this record type, each editable in place. */
export function CustomFieldsSection() {
  const { fields } = useCard();
  return (
    <Stack gap="sm">
      {fields.filter((f) => f.custom).map((f) => (
        <EditableField key={f.key} field={f} />
      ))}
    </Stack>
  );
}
