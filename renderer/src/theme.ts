import { createTheme } from '@mantine/core';

// A sober, legible theme for long working sessions: dense tables, official navy, no playful rounding.
export const theme = createTheme({
  primaryColor: 'navy',
  colors: {
    navy: ['#eef3fb', '#dce4f2', '#b4c6e4', '#8aa6d6', '#6789ca', '#5177c3', '#446dc1', '#365cab', '#2d519a', '#1f4589'],
  },
  fontFamily: '"Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontWeight: '600' },
});
