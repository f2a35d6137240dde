// The screens, each its own chunk (issue 20: the page start was one task of 680 ms, the whole app evaluated and drawn
// at once). The first screen's chunk loads at once; the others are fetched and evaluated one per idle moment after
// the first screen is drawn, so that opening a draft or a report does not wait for its code.
import { Center, Loader } from '@mantine/core';
import { lazy } from 'react';

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

export const DraftListPage = lazy(loaders.draftList);
export const DraftPage = lazy(loaders.draft);
export const RegulationPage = lazy(loaders.regulation);
export const SearchPage = lazy(loaders.search);
export const ReportPage = lazy(loaders.report);
export const DashboardPage = lazy(loaders.dashboard);
export const CostSummaryPage = lazy(loaders.costSummary);
export const SettingsPage = lazy(loaders.settings);
export const UnitAdminPage = lazy(loaders.unitAdmin);

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
