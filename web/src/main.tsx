import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { SessionProvider } from './app/session.js';
import { loadConsoleConfig } from './auth/config.js';

/**
 * Mantine's light variant writes shade 6 on a pale background, below WCAG AA's 4.5:1 for small
 * text (axe: color-contrast); the text of every light badge, button and nav link takes shade 9
 * darkened by a third, which keeps its hue and reads at more than 4.5:1 on its own pale background.
 */
const readableLight: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  return parsed.isThemeColor
    ? { ...colors, color: `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 66%, black)` }
    : colors;
};

/** "Dimmed" text is gray 6 by default (3.3:1 on white); gray 7 reads at 7:1. */
const readableDimmed: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // The active nav link's text (the primary colour's light variant), as readableLight does.
    '--mantine-primary-color-light-color': 'color-mix(in srgb, var(--mantine-color-indigo-9) 66%, black)',
  },
  dark: {},
});

const theme = createTheme({
  variantColorResolver: readableLight,
  fontFamily: '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif',
  primaryColor: 'indigo',
  primaryShade: 8,
});

const root = createRoot(document.getElementById('root') as HTMLElement);
loadConsoleConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <MantineProvider theme={theme} cssVariablesResolver={readableDimmed}>
          <SessionProvider>
            <App config={config} />
          </SessionProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  (error: Error) => root.render(<p role="alert">{error.message}</p>),
);
