import { ThemeIcon } from '@mantine/core';
import { Icon, type IconName } from '../card/Icon.js';

const icons: Record<string, { icon: IconName; color: string }> = {
  note: { icon: 'note', color: 'yellow' },
  call: { icon: 'phone', color: 'teal' },
  meeting: { icon: 'calendar', color: 'blue' },
  email: { icon: 'mail', color: 'indigo' },
  sms: { icon: 'message', color: 'cyan' },
  whatsapp: { icon: 'whatsapp', color: 'green' },
  letter: { icon: 'letter', color: 'orange' },
  fax: { icon: 'printer', color: 'gray' },
  visit: { icon: 'walk', color: 'grape' },
  web_form: { icon: 'form', color: 'pink' },
  chat: { icon: 'chat', color: 'violet' },
  social: { icon: 'share', color: 'lime' },
  system: { icon: 'history', color: 'gray' },
};

/** The round icon of an activity kind on the timeline. */
export function KindIcon({ kind }: { kind: string }) {
  const { icon, color } = icons[kind] ?? { icon: 'bolt' as const, color: 'gray' };
  return (
    <ThemeIcon variant="light" color={color} radius="xl" size="lg">
      <Icon name={icon} size={18} />
    </ThemeIcon>
  );
}
