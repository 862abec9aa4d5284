import { Paper, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DuplicatePanel, type DuplicatePanelProps } from './DuplicatePanel.js';

/** The duplicate question below a create form: it takes the focus, so a keyboard or screen reader user meets it. */
export function DuplicateStep(props: DuplicatePanelProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [props.candidates]);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="duplicate-step-title" data-testid="duplicate-panel" style={{ borderColor: 'var(--mantine-color-orange-5)' }}>
      <Stack gap="sm">
        <Title order={2} size="h3" id="duplicate-step-title" ref={heading} tabIndex={-1}>
          {t('duplicates.panel.title')}
        </Title>
        <DuplicatePanel {...props} />
      </Stack>
    </Paper>
  );
}
