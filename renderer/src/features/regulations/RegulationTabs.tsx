import { Anchor, Badge, Group, Stack, Tabs } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { RegulationDetail } from '../../../../shared/contract/api';
import { PageTitle } from '../../components/PageTitle';
import { AssessmentTab } from '../assessment/AssessmentTab';
import type { AddressedAssessmentPlace } from '../assessment/assessmentPlace';
import { CatalogueComparePanel } from '../catalogue/CatalogueComparePanel';
import { AssessmentFormButton } from '../exports/AssessmentFormButton';
import { FindingsPanel } from '../findings/FindingsPanel';
import { RegulationOpinionsPanel } from '../workflow/RegulationOpinionsPanel';
import { RoundComparePanel } from '../workflow/RoundComparePanel';

const REGULATION_TABS = ['components', 'assessment', 'findings', 'opinions', 'rounds', 'catalogue'] as const;

type Props = {
  regulation: RegulationDetail;
  /** From the address (`/regulations/<id>/<tab>`); the components form when it names none. */
  tab: string | undefined;
  /** The assessment tab's own place, from the rest of the address. */
  assessmentPlace: AddressedAssessmentPlace | undefined;
  /** The components form, the first tab. */
  form: ReactNode;
  /** Called when the components tab is shown again: the other tabs change the regulation too. */
  onComponentsShown: () => void;
};

/** A saved regulation's header and its tabs, one per stage of the work on it; the components form comes first. */
export function RegulationTabs({ regulation, tab, assessmentPlace, form, onComponentsShown }: Props) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const shown = REGULATION_TABS.find((known) => known === tab) ?? 'components';
  // The other tabs change the regulation too (its assessment's kept conditions feed the figures shown here).
  const previous = useRef(shown);
  useEffect(() => {
    if (shown === 'components' && previous.current !== 'components') onComponentsShown();
    previous.current = shown;
  }, [shown, onComponentsShown]);
  return (
    <Stack gap="sm">
      <div>
        <Anchor component={Link} href={`/drafts/${regulation.draftId}`} size="sm">
          ← {regulation.draftTitle}
        </Anchor>
        <Group gap="sm" align="baseline">
          <PageTitle>{regulation.name}</PageTitle>
          <Badge variant="light">{t(`kindShort.${regulation.kind}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(`change.${regulation.change}`)}
          </Badge>
        </Group>
      </div>
      <Tabs
        value={shown}
        // Through the address: the leave guard asks first when the form holds unsaved work.
        onChange={(next) => next && navigate(next === 'components' ? `/regulations/${regulation.id}` : `/regulations/${regulation.id}/${next}`)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="components">{t('regulation.tabs.components')}</Tabs.Tab>
          <Tabs.Tab value="assessment">{t('assessment.tab')}</Tabs.Tab>
          <Tabs.Tab value="findings">{t('findings.tab')}</Tabs.Tab>
          <Tabs.Tab value="opinions">{t('workflow.tabs.opinions')}</Tabs.Tab>
          <Tabs.Tab value="rounds">{t('workflow.tabs.rounds')}</Tabs.Tab>
          {regulation.nationalCode && <Tabs.Tab value="catalogue">{t('catalogue.compareTab')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="components">{form}</Tabs.Panel>
        <Tabs.Panel value="assessment">
          <AssessmentFormButton regulationId={regulation.id} />
          <AssessmentTab regulationId={regulation.id} place={assessmentPlace} />
        </Tabs.Panel>
        <Tabs.Panel value="findings">
          <FindingsPanel regulationId={regulation.id} />
        </Tabs.Panel>
        <Tabs.Panel value="opinions">
          <RegulationOpinionsPanel regulation={regulation} />
        </Tabs.Panel>
        <Tabs.Panel value="rounds">
          <RoundComparePanel regulation={regulation} />
        </Tabs.Panel>
        <Tabs.Panel value="catalogue">
          <CatalogueComparePanel regulation={regulation} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
