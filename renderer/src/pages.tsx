// The screens, each its own chunk (issue 20: the page start was one task of 680 ms, the whole app evaluated and drawn
// at once). The first screen's chunk loads at once; the others are fetched and evaluated one per idle moment after
// the first screen is drawn, so that opening a draft or a report does not wait for its code.
import { Alert, Center, Loader } from '@mantine/core';
import { lazy, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/** A screen whose code cannot be fetched (the host has stopped, the network is down) says so as a failed call does. */
function HostUnreachable() {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" m="md">
      {t('problems.hostUnreachable')}
    </Alert>
  );
}

const screen = <P,>(load: () => Promise<{ default: ComponentType<P> }>) =>
  lazy(() => load().catch(() => ({ default: HostUnreachable as ComponentType<P> })));

const loaders = {
  draftList: () => import('./features/drafts/DraftListPage').then((module) => ({ default: module.DraftListPage })),
  draft: () => import('./features/drafts/DraftPage').then((module) => ({ default: module.DraftPage })),
  regulation: () => import('./features/regulations/RegulationPage').then((module) => ({ default: module.RegulationPage })),
  search: () => import('./features/search/SearchPage').then((module) => ({ default: module.SearchPage })),
  report: () => import('./features/reports/ReportPage').then((module) => ({ default: module.ReportPage })),
  dashboard: () => import('./features/reports/DashboardPage').then((module) => ({ default: module.DashboardPage })),
  costSummary: () => import('./features/assessment/CostSummaryPage').then((module) => ({ default: module.CostSummaryPage })),
  settings: () => import('./features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
  unitAdmin: () => import('./features/team/UnitAdminPage').then((module) => ({ default: module.UnitAdminPage })),
};

export const DraftListPage = screen(loaders.draftList);
export const DraftPage = screen(loaders.draft);
export const RegulationPage = screen(loaders.regulation);
export const SearchPage = screen(loaders.search);
export const ReportPage = screen(loaders.report);
export const DashboardPage = screen(loaders.dashboard);
export const CostSummaryPage = screen(loaders.costSummary);
export const SettingsPage = screen(loaders.settings);
export const UnitAdminPage = screen(loaders.unitAdmin);

/** Shown the moment a screen's code is still on its way (rarely seen: the code is fetched ahead). */
export function PageLoading() {
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}

/** The order the officer most likely goes next: a draft, a regulation, then the rest. */
const AHEAD: ReadonlyArray<() => Promise<unknown>> = [
  loaders.draft,
  loaders.regulation,
  loaders.search,
  loaders.costSummary,
  loaders.report,
  loaders.dashboard,
  loaders.settings,
  loaders.unitAdmin,
];

let fetchingAhead = false;

/** Fetches every screen's code, one chunk per idle moment, once the first screen is drawn. */
export function loadPagesAhead(): void {
  if (fetchingAhead) return;
  fetchingAhead = true;
  const idle = (work: () => void) =>
    typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(work, { timeout: 2000 }) : window.setTimeout(work, 50);
  const next = (index: number) => {
    const load = AHEAD[index];
    if (!load) return;
    // A chunk that fails to load now is loaded again when its screen is opened (and says so there).
    idle(() => void load().then(() => next(index + 1), () => next(index + 1)));
  };
  next(0);
}
