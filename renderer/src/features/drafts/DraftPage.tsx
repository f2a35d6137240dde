import { Badge, Button, Group, Loader, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { DraftDetail } from '../../../../shared/contract/api';
import { requiredComponents } from '../../../../shared/domain/components';
import { api } from '../../apiClient';
import { DraftAssessmentTab } from '../assessment/DraftAssessmentTab';
import { ScoreCell, ScoreSortHeader, useScoreSort } from '../assessment/ScoreColumn';
import { FindingCountBadge } from '../findings/FindingCountBadge';
import { ErrorAlert } from '../../components/errors';
import { DesktopOfflineBanner, TakeOfflineButton, useDesktopOffline } from '../team/DesktopOfflineWork';
import { OfflineCopyNotice, useOfflineCopyOf } from '../team/OfflineCopies';
import { OthersChangedNotice } from '../team/OthersChangedNotice';
import { useApiData } from '../../components/useApiData';
import { DraftExportActions } from '../exports/DraftExportActions';
import { OpinionLetterPanel } from '../exports/OpinionLetterPanel';
import { DraftOpinionsOverview } from '../workflow/DraftOpinionsOverview';
import { ExportDossierButton } from '../workflow/ExportDossierButton';
import { ImportDossierButton } from '../workflow/ImportDossierDialog';
import { WorkflowPanel } from '../workflow/WorkflowPanel';
import { useWriteRefusal } from '../workflow/useWritePermission';
import { DraftFormModal } from './DraftFormModal';
import { DeleteDraftButton } from './DraftTrash';
import { MissingComponentsBadge } from './MissingComponentsBadge';
import { StatusBadge } from './StatusBadge';
import { TrashSection } from './TrashSection';
import { PageTitle } from '../../components/PageTitle';
import { useVirtualRows, VirtualPadding } from '../../components/useVirtualRows';
import { RegulationNameCell } from '../../components/RegulationNameCell';

const DRAFT_TABS = ['regulations', 'assessment', 'workflow', 'opinions', 'letter'] as const;

/** A draft's tabs; `tab` comes from the address (`/drafts/<id>/<tab>`), the regulations when it names none. */
export function DraftPage({ id, tab }: { id: string; tab?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  // Bumped after an import so the workflow and opinion tabs read the merged data again.
  const [imports, setImports] = useState(0);
  const { data: loaded, error, reload } = useApiData(() => api.getDraft({ id }), [id]);
  // Drawn as a deferred value, which React renders in slices that yield to the browser: drawn at once, a draft of a
  // thousand regulations held the page in one task of a quarter of a second as it opened (bench/ui.ts). Never the
  // previous draft's page while another's loads.
  const deferred = useDeferredValue(loaded);
  const draft = deferred?.id === id ? deferred : undefined;
  const draftRefusal = useWriteRefusal(draft?.status, 'draft');
  const offline = useOfflineCopyOf(id, [imports]);
  const desktop = useDesktopOffline();

  if (error) return <ErrorAlert error={error} />;
  if (!draft) return <Loader />;

  return (
    <Stack gap="md">
      <OthersChangedNotice
        draftId={draft.id}
        onReload={() => {
          setImports((count) => count + 1);
          reload();
        }}
      />
      <OfflineCopyNotice copy={offline.copy} onReleased={offline.reload} />
      <DesktopOfflineBanner
        desktop={desktop}
        draftId={draft.id}
        held={offline.copy}
        onResolved={() => {
          setImports((count) => count + 1);
          reload();
        }}
      />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="outline">{t(`docType.${draft.docType}`)}</Badge>
            <StatusBadge status={draft.status} />
            {/* In its own case: upper-cased, «Trình CP/TTg» read «TTG», which is no abbreviation (issue 20). */}
            {draft.submittedToGovernment && (
              <Badge color="grape" variant="light" tt="none">
                {t('drafts.columns.government')}
              </Badge>
            )}
          </Group>
          <PageTitle lineClamp={3} title={draft.title}>
            {draft.title}
          </PageTitle>
          <Text c="dimmed">{draft.draftingAgency}</Text>
        </Stack>
        <Group gap="xs">
          <TakeOfflineButton desktop={desktop} draftId={draft.id} held={offline.copy} />
          <ImportDossierButton
            onImported={() => {
              setImports((count) => count + 1);
              reload();
            }}
          />
          <ExportDossierButton draftId={draft.id} />
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} disabled={draftRefusal !== null} title={draftRefusal ?? undefined}>
            {t('app.edit')}
          </Button>
          <DeleteDraftButton draft={draft} />
        </Group>
      </Group>
      <Tabs
        value={DRAFT_TABS.find((known) => known === tab) ?? 'regulations'}
        // Through the address: the leave guard asks first when a tab holds unsaved work.
        onChange={(next) => next && navigate(next === 'regulations' ? `/drafts/${id}` : `/drafts/${id}/${next}`)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="regulations">
            {t('drafts.detail.regulations')} ({draft.regulations.length})
          </Tabs.Tab>
          <Tabs.Tab value="assessment">{t('assessment.tab')}</Tabs.Tab>
          <Tabs.Tab value="workflow">{t('workflow.tabs.workflow')}</Tabs.Tab>
          <Tabs.Tab value="opinions">{t('workflow.tabs.opinions')}</Tabs.Tab>
          <Tabs.Tab value="letter">{t('exports.letter.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="regulations" pt="md">
          <DraftExportActions draft={draft} onImported={reload} />
          <RegulationsTable draft={draft} onAdd={() => navigate(`/drafts/${draft.id}/regulations/new`)} />
          <TrashSection draftId={draft.id} status={draft.status} version={draft.regulationCount} onRestored={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="assessment" pt="md">
          <DraftAssessmentTab draftId={draft.id} />
        </Tabs.Panel>
        <Tabs.Panel value="workflow" pt="md">
          <WorkflowPanel key={imports} draftId={draft.id} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="opinions" pt="md">
          <DraftOpinionsOverview key={imports} draftId={draft.id} />
        </Tabs.Panel>
        <Tabs.Panel value="letter" pt="md">
          <OpinionLetterPanel key={imports} draft={draft} />
        </Tabs.Panel>
      </Tabs>
      <DraftFormModal opened={editing} draft={draft} onClose={() => setEditing(false)} onSaved={reload} />
    </Stack>
  );
}

function RegulationsTable({ draft, onAdd }: { draft: DraftDetail; onAdd: () => void }) {
  const { t } = useTranslation();
  const refusal = useWriteRefusal(draft.status, 'regulation');
  const required = requiredComponents(draft.docType).map((key) => t(`component.${key}`).toLowerCase());
  const scoreSort = useScoreSort(draft.regulations, (regulation) => regulation.necessityScore);
  // One column sorts at a time: clicking one header puts the other back to the draft's order.
  const findingSort = useScoreSort(scoreSort.sorted, (regulation) => regulation.findingCount);
  // A draft may hold a thousand regulations: only the rows in view are in the DOM, and each row's number is looked up.
  const numbers = useMemo(() => new Map(draft.regulations.map((regulation, index) => [regulation.id, index + 1])), [draft.regulations]);
  const { scrollRef, visible, paddingTop, paddingBottom, measureElement } = useVirtualRows(findingSort.sorted.length);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('drafts.detail.requiredNote', { list: required.join(', ') })}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={onAdd} disabled={refusal !== null} title={refusal ?? undefined}>
          {t('drafts.detail.addRegulation')}
        </Button>
      </Group>
      {draft.regulations.length === 0 ? (
        <Text c="dimmed">{t('drafts.detail.noRegulations')}</Text>
      ) : (
        // A scroll area of its own: reachable with Tab and named, so that keyboard users can scroll it too.
        <div ref={scrollRef} role="region" tabIndex={0} aria-label={t('drafts.detail.regulations')} style={{ maxHeight: '70vh', overflow: 'auto' }} data-testid="draft-regulations">
        <Table striped highlightOnHover verticalSpacing="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('regulation.name')}</Table.Th>
              <Table.Th>{t('regulation.kind')}</Table.Th>
              <Table.Th>{t('regulation.change')}</Table.Th>
              <Table.Th>{t('regulation.article')}</Table.Th>
              <Table.Th>{t('regulation.level')}</Table.Th>
              <Table.Th>{t('regulation.checklist')}</Table.Th>
              <ScoreSortHeader
                order={scoreSort.order}
                onCycle={() => {
                  findingSort.reset();
                  scoreSort.cycle();
                }}
              />
              <ScoreSortHeader
                messages="findings"
                order={findingSort.order}
                onCycle={() => {
                  scoreSort.reset();
                  findingSort.cycle();
                }}
              />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <VirtualPadding height={paddingTop} />
            {visible.map((item) => {
              const regulation = findingSort.sorted[item.index]!;
              return <RegulationRow key={regulation.id} regulation={regulation} number={numbers.get(regulation.id) ?? 0} index={item.index} measure={measureElement} />;
            })}
            <VirtualPadding height={paddingBottom} />
          </Table.Tbody>
        </Table>
        </div>
      )}
    </Paper>
  );
}

type DraftRegulation = DraftDetail['regulations'][number];

/**
 * One regulation of the draft's table. Memoised: each row the virtualiser measures re-renders the table, and a
 * thousand-regulation draft's rows in view, drawn again on each of those passes, froze the page as it opened.
 */
const RegulationRow = memo(function RegulationRow({ regulation, number, index, measure }: { regulation: DraftRegulation; number: number; index: number; measure: (row: HTMLTableRowElement | null) => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-index={index} ref={measure}>
      <Table.Td>{number}</Table.Td>
      <RegulationNameCell name={regulation.name} nationalCode={regulation.nationalCode} href={`/regulations/${regulation.id}`} />
      <Table.Td>{t(`kindShort.${regulation.kind}`)}</Table.Td>
      <Table.Td>{t(`change.${regulation.change}`)}</Table.Td>
      <Table.Td>{regulation.article}</Table.Td>
      <Table.Td>{regulation.level && t(`level.${regulation.level}`)}</Table.Td>
      <Table.Td>
        <MissingComponentsBadge missing={regulation.missing} />
      </Table.Td>
      <Table.Td>
        <ScoreCell score={regulation.necessityScore} complete={regulation.assessmentComplete} />
      </Table.Td>
      <Table.Td>
        <FindingCountBadge count={regulation.findingCount ?? 0} href={`/regulations/${regulation.id}/findings`} />
      </Table.Td>
    </Table.Tr>
  );
});
