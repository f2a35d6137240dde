import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App';
import { AppDatesProvider } from './components/DateFields';
import { useGuardedHashLocation } from './components/leaveGuard';
import './i18n';
import { theme } from './theme';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <AppDatesProvider>
        <ModalsProvider>
          <Notifications position="bottom-right" />
          <Router hook={useGuardedHashLocation}>
            <App />
          </Router>
        </ModalsProvider>
      </AppDatesProvider>
    </MantineProvider>
  </StrictMode>,
);
