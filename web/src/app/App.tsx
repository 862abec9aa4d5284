import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { directionOf, type Locale } from './i18n/i18n.js';
import { LocaleSync } from './i18n/LocaleSync.js';
import { createQueryClient } from './queryClient.js';
import { createRouter } from './router.js';
import { theme } from './theme.js';

export function App({ initialLocale }: { initialLocale: Locale }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={directionOf(initialLocale)}>
        <MantineProvider theme={theme}>
          {/* Centred, so the same place in Hebrew and English. */}
          <Notifications position="top-center" />
          <LocaleSync />
          <RouterProvider router={router} />
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
