import { createTheme, darken, DEFAULT_THEME, luminance, mergeThemeOverrides, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

const navy: MantineColorsTuple = ['#eef3fb', '#dce4f2', '#b4c6e4', '#8aa6d6', '#6789ca', '#5177c3', '#446dc1', '#365cab', '#2d519a', '#1f4589'];
// Warnings (a value no longer valid on the draft's date, a step still missing) in amber, apart from the red of errors.
const amber: MantineColorsTuple = ['#fff8e1', '#ffecb3', '#ffe082', '#ffd54f', '#f5b900', '#e0a000', '#b87f00', '#946400', '#7a5200', '#5f4000'];

// A sober, legible theme for long working sessions: dense tables, official navy, no playful rounding.
export const theme = createTheme({
  primaryColor: 'navy',
  colors: { navy, amber },
  fontFamily: '"Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontWeight: '600' },
});

/** The theme with the UI language's name for the close buttons of dialogs and notices (an unnamed button reads as "button"). */
export function localisedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(theme, {
    components: {
      Modal: { defaultProps: { closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
    },
  });
}

/** Text of a warning: amber, readable as small text on white and on the light panels. */
export const WARNING_TEXT = 'amber.8';

// WCAG 2.1 AA for normal text (badges and captions are 10–14 px): 4.5:1. A little above, for rounding in browsers.
const AA_CONTRAST = 4.6;

const contrast = (first: string, second: string): number => {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
};

/** `color`, darkened in small steps until it reads at AA contrast on `background`. */
export function readableOn(color: string, background: string): string {
  let candidate = color;
  for (let step = 1; contrast(candidate, background) < AA_CONTRAST && step <= 20; step += 1) candidate = darken(color, step * 0.05);
  return candidate;
}

const WHITE = '#ffffff';
/** The light grey of Mantine's striped rows, panels and the light variant of gray: dimmed text must read on it too. */
const LIGHT_PANEL = DEFAULT_THEME.colors.blue[1];
/** The yellow of a highlighted search match (Mantine's Mark), which links in search hits are drawn on. */
const HIGHLIGHT = DEFAULT_THEME.colors.yellow[2];

/**
 * Mantine's light scheme paints filled badges white on shade 6 (2:1 for green) and light badges shade 9 on shade 1
 * (3.8:1 for green), dimmed text gray 6 (3.3:1) and errors red 6 (3.6:1): below AA. Each colour's filled, light
 * and text variables are moved to the nearest shade (or a darkened one) that reaches AA, so every component keeps its
 * hue and becomes readable; the palettes themselves stay, for charts and borders.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(resolved.colors.gray[6], LIGHT_PANEL),
    '--mantine-color-error': readableOn(resolved.colors.red[6], WHITE),
    '--mantine-color-anchor': readableOn(navy[6], HIGHLIGHT),
  };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    const filled = readableOn(shades[6], WHITE);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    light[`--mantine-color-${name}-text`] = filled;
    light[`--mantine-color-${name}-outline`] = filled;
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2]);
  }
  return { variables: {}, light, dark: {} };
};
