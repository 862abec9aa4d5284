import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** Phone numbers and emails read left to right even inside a Hebrew (RTL) page. */
export function LtrText({ children, ...props }: TextProps & { children: ReactNode }) {
  return (
    <Text component="bdi" dir="ltr" inherit {...props}>
      {children}
    </Text>
  );
}
