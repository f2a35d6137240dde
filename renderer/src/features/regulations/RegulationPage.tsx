import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegulationFields } from '../../../../shared/contract/api';
import { draftReferenceDate } from '../../../../shared/domain/administrativeReference';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { todayLocal } from '../workflow/localDate';
import { useWriteRefusal } from '../workflow/useWritePermission';
import { RegulationForm } from './RegulationForm';
import { EMPTY_REGULATION, regulationFieldsOf } from './regulationFormValues';
import { RegulationTabs } from './RegulationTabs';
import type { AddressedAssessmentPlace } from '../assessment/assessmentPlace';

type Props =
  | { id: string; draftId?: undefined; tab?: string; assessmentPlace?: AddressedAssessmentPlace }
  | { id?: undefined; draftId: string; tab?: undefined; assessmentPlace?: undefined };

/** A regulation of a draft: a new one is its components form alone; a saved one has a tab per stage of the work. */
export function RegulationPage(props: Props) {
  const { t } = useTranslation();
  const existing = useApiData(() => (props.id ? api.getRegulation({ id: props.id }) : Promise.resolve(undefined)), [props.id]);
  const draftId = props.draftId ?? existing.data?.draftId;
  const draft = useApiData(() => (draftId ? api.getDraft({ id: draftId }) : Promise.resolve(undefined)), [draftId]);
  const refusal = useWriteRefusal(draft.data?.status, 'regulation');
  const trashRefusal = useWriteRefusal(draft.data?.status, 'regulation_trash');

  if (existing.error) return <ErrorAlert error={existing.error} />;
  if (draft.error) return <ErrorAlert error={draft.error} />;
  if ((props.id && !existing.data) || !draft.data) return <Loader />;

  const initial: RegulationFields = existing.data ? regulationFieldsOf(existing.data) : EMPTY_REGULATION;
  const form = (
    <RegulationForm
      key={existing.data?.id ?? 'new'}
      regulationId={existing.data?.id}
      draftId={draft.data.id}
      draftTitle={draft.data.title}
      docType={draft.data.docType}
      referenceDate={draftReferenceDate(draft.data, todayLocal())}
      initial={initial}
      initialVersion={existing.data?.version}
      assessment={existing.data?.assessment}
      title={t(existing.data ? 'regulation.editTitle' : 'regulation.newTitle')}
      refusal={refusal}
      trashRefusal={trashRefusal}
      // The header, the rounds' "current" side and the other tabs read the saved regulation: reload it after each save.
      onSaved={existing.reload}
    />
  );
  if (!existing.data) return form;
  return <RegulationTabs regulation={existing.data} tab={props.tab} assessmentPlace={props.assessmentPlace} form={form} onComponentsShown={existing.reload} />;
}
