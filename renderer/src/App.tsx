import { AppShell, Center, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { IconChartBar, IconCoin, IconFileText, IconReportAnalytics, IconSearch, IconSettings, IconUsers } from '@tabler/icons-react';
import { Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PageTitle } from './components/PageTitle';
import { useTeamPerson } from './features/team/TeamGate';
import { FirstStartProfileDialog } from './features/workflow/FirstStartProfileDialog';
import { ProfileBadge } from './features/workflow/ProfileBadge';
import { useProfile } from './features/workflow/profileStore';
import {
  CostSummaryPage,
  DashboardPage,
  DraftListPage,
  DraftPage,
  loadPagesAhead,
  PageLoading,
  RegulationPage,
  ReportPage,
  SearchPage,
  SettingsPage,
  UnitAdminPage,
} from './pages';

type NavItem = { path: string; label: string; icon: ReactNode; matches: (location: string) => boolean };

export function App() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const person = useTeamPerson();
  const profile = useProfile();
  // The other screens' code, fetched while the officer reads the first one.
  useEffect(loadPagesAhead, []);
  const navItems: NavItem[] = [
    {
      path: '/',
      label: t('app.nav.drafts'),
      icon: <IconFileText size={18} />,
      matches: (current) => current === '/' || current.startsWith('/list/') || current.startsWith('/drafts') || current.startsWith('/regulations'),
    },
    { path: '/search', label: t('app.nav.search'), icon: <IconSearch size={18} />, matches: (current) => current === '/search' || current.startsWith('/search/') },
    { path: '/reports', label: t('reports.nav.report'), icon: <IconReportAnalytics size={18} />, matches: (current) => current === '/reports' },
    { path: '/dashboard', label: t('reports.nav.dashboard'), icon: <IconChartBar size={18} />, matches: (current) => current === '/dashboard' },
    { path: '/cost-summary', label: t('assessment.summary.nav'), icon: <IconCoin size={18} />, matches: (current) => current === '/cost-summary' },
    { path: '/settings', label: t('app.nav.settings'), icon: <IconSettings size={18} />, matches: (current) => current === '/settings' },
    ...(person?.administrator ? [{ path: '/unit-users', label: t('team.admin.nav'), icon: <IconUsers size={18} />, matches: (current: string) => current === '/unit-users' }] : []),
  ];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding="md">
      <AppShell.Header bg="navy.9" c="white">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            {/* The app's name, not a heading: each screen names itself in its one h1. */}
            <Text fw={700} size="lg" c="white">
              {t('app.name')}
            </Text>
            <Text size="sm" c="navy.1">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <ProfileBadge />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {navItems.map((item) => (
            <NavLink
              key={item.path}
              component={Link}
              href={item.path}
              label={item.label}
              leftSection={item.icon}
              active={item.matches(location)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <FirstStartProfileDialog />
        <Suspense fallback={<PageLoading />}>
          <Switch>
            {/* A screen is drawn once the page knows who acts here. Drawn before, it was drawn again when the profile
                arrived, and what the officer had begun went: a new draft's title reset to the profile's defaults, a
                letter's fields reopened for the role, a field being typed in turned read-only. */}
            {!profile.loaded && !profile.failed && (
              <Route>
                <Center py="xl" data-testid="profile-loading">
                  <Loader />
                </Center>
              </Route>
            )}
            <Route path="/">{() => <DraftListPage />}</Route>
            {/* The list's words, filters and sort live in the address, as the search's do. */}
            <Route path="/list/:link">{(params) => <DraftListPage link={params.link} />}</Route>
            <Route path="/drafts/:draftId/regulations/new">{(params) => <RegulationPage draftId={params.draftId} />}</Route>
            {/* The tab lives in the address, so that Back, a reload or a link return to it. */}
            <Route path="/drafts/:id/:tab?">{(params) => <DraftPage id={params.id} tab={params.tab} />}</Route>
            {/* The assessment's worksheet or questionnaire section too: the same page, its tab's own place. */}
            <Route path="/regulations/:id/assessment/:part/:section?">
              {(params) => <RegulationPage id={params.id} tab="assessment" assessmentPlace={{ part: params.part, section: params.section }} />}
            </Route>
            <Route path="/regulations/:id/:tab?">{(params) => <RegulationPage id={params.id} tab={params.tab} />}</Route>
            {/* The words and filters live in the address, so that Back, a reload or a figure's link return to them. */}
            <Route path="/search/:link?">{(params) => <SearchPage link={params.link} />}</Route>
            <Route path="/reports" component={ReportPage} />
            <Route path="/dashboard" component={DashboardPage} />
            <Route path="/cost-summary" component={CostSummaryPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route path="/unit-users" component={UnitAdminPage} />
            <Route>
              <PageTitle>{t('app.notFound')}</PageTitle>
            </Route>
          </Switch>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
