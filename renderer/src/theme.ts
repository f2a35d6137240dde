import { createTheme } from '@mantine/core';

// A sober, legible theme for long working sessions: dense tables, official navy, no playful rounding.
export const theme = createTheme({
  primaryColor: 'navy',
  colors: {
    navy: ['#eef3fb', '#dce4f2', '#b4c6e4', '#8aa6d6', '#6789ca', '#5177c3', '#446dc1', '#365cab', '#2d519a', '#1f4589'],
    // Warnings (a value no longer valid on the draft's date, a step still missing) in amber, apart from the red of
    // errors; the darker shades keep small text at WCAG AA contrast on white.
    amber: ['#fff8e1', '#ffecb3', '#ffe082', '#ffd54f', '#f5b900', '#e0a000', '#b87f00', '#946400', '#7a5200', '#5f4000'],
  },
  fontFamily: '"Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontWeight: '600' },
});

/** Text of a warning: amber, readable as small text on white and on the light panels. */
export const WARNING_TEXT = 'amber.8';
