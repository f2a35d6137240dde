import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { startTransition, StrictMode, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App';
import { TeamGate } from './features/team/TeamGate';
import { AppDatesProvider } from './components/DateFields';
import { installSaveShortcut } from './components/formKeys';
import { hashHrefs, installHistoryGuard, useGuardedHashLocation } from './components/leaveGuard';
import './i18n';
import { cssVariablesResolver, localisedTheme } from './theme';

function LocalisedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('daily.a11y.close');
  // Rebuilt only when the language changes.
  const theme = useMemo(() => localisedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

installHistoryGuard();
installSaveShortcut();

/** The navigation column (App.tsx, 240 px) less the notices' margin of 16 px on each side. */
const NOTICE_WIDTH = 208;
/**
 * Mantine cuts a notice at 200 px; the notice's text caps itself at the window's height instead and scrolls beyond it
 * (styles.css .mantine-Notification-description), so nothing is cut and nothing leaves the screen.
 */
const NOTICE_MAX_HEIGHT = 4000;

// Drawn as a transition, so that React yields to the browser every few milliseconds while it builds the first screen
// instead of freezing the page for the whole of it (issue 20: one task of 680 ms at the page start).
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <LocalisedMantine>
        <AppDatesProvider>
          <ModalsProvider>
            {/* Notices sit in the navigation column's empty lower part, at its width: never over the work (a report,
                a Save button), and one at a time, the next one waiting, since three stacked at 1366×768 reached up over
                the navigation's own links (issue 20, item 12). */}
            {/* A notice naming a long file is taller than Mantine's 200 px: cut there, its end ran off the screen's
                foot after «Tải PDF» at 1366×768 (issue 20). */}
            <Notifications position="bottom-left" containerWidth={NOTICE_WIDTH} notificationMaxHeight={NOTICE_MAX_HEIGHT} limit={1} />
            <TeamGate>
              <Router hook={useGuardedHashLocation} hrefs={hashHrefs}>
                <App />
              </Router>
            </TeamGate>
          </ModalsProvider>
        </AppDatesProvider>
      </LocalisedMantine>
    </StrictMode>,
  ),
);
