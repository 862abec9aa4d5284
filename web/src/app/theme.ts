import { createTheme } from '@mantine/core';

// System fonts first; Noto Sans Hebrew and DejaVu Sans cover Hebrew where the system font does not.
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Hebrew", "Arial Hebrew", "DejaVu Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily,
  headings: { fontFamily },
  defaultRadius: 'md',
});
