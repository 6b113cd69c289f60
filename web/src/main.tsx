import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { SessionProvider } from './app/session.js';
import { loadConsoleConfig } from './auth/config.js';

const theme = createTheme({
  fontFamily: '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif',
  primaryColor: 'indigo',
  primaryShade: 8,
});

const root = createRoot(document.getElementById('root') as HTMLElement);
loadConsoleConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <MantineProvider theme={theme}>
          <SessionProvider>
            <App config={config} />
          </SessionProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  (error: Error) => root.render(<p role="alert">{error.message}</p>),
);
