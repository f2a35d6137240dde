// The labelled review set (test/fixtures/reviewFindings.json) as a dossier to import: one issued decree holding the
// background procedures, and one draft per labelled case, so that the findings come out of the real import and services.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

type Components = Record<string, unknown>;
type Background = { name: string; field: string; level: string; agency: string; result: string; timeLimitDays: number; dossierSize: number; fees?: number };
export type LabelledCase = {
  label: string;
  name: string;
  field: string;
  docType?: string;
  draftDate?: string;
  kind?: string;
  change?: string;
  level?: string;
  nationalCode?: string;
  components?: Record<string, unknown>;
  answers?: Record<string, { value: unknown; explanation?: string }>;
  cost?: { baselineHours: number; proposedHours: number };
  expect: string[];
};
type Fixture = { defaults: { docType: string; draftDate: string; kind: string; change: string; level: string; components: Components }; background: Background[]; cases: LabelledCase[] };

export const reviewFixture = JSON.parse(readFileSync(new URL('../fixtures/reviewFindings.json', import.meta.url), 'utf8')) as Fixture;

/** Case components over the defaults; a `null` in the case removes that default. */
function mergeComponents(overrides: Components = {}): Components {
  const merged: Components = { ...reviewFixture.defaults.components };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

const worksheet = (year: number, hours: { baselineHours: number; proposedHours: number }) => {
  const side = (value: number) => ({ activities: [{ name: 'Chuẩn bị, nộp hồ sơ', hours: value }], fees: 0, otherCosts: 0, population: 1000, frequencyPerYear: 1 });
  return { year, hourlyIncome: 34090.91, baseline: side(hours.baselineHours), proposed: side(hours.proposedHours) };
};

export type LabelledDossier = { dossier: Record<string, unknown>; caseIds: Map<string, LabelledCase> };

export function labelledReviewDossier(): LabelledDossier {
  const defaults = reviewFixture.defaults;
  const caseIds = new Map<string, LabelledCase>();
  const background = {
    id: randomUUID(),
    docType: 'nghi_dinh',
    title: 'Nghị định quy định thủ tục hành chính đã ban hành (dữ liệu so sánh)',
    draftingAgency: 'Văn phòng Chính phủ',
    submittedToGovernment: true,
    status: 'issued',
    issuedAt: '2024-01-15',
    regulations: reviewFixture.background.map((procedure) => ({
      id: randomUUID(),
      kind: 'tthc',
      change: 'new',
      name: procedure.name,
      field: procedure.field,
      level: procedure.level,
      components: {
        ...defaults.components,
        agency: procedure.agency,
        result: procedure.result,
        timeLimitDays: procedure.timeLimitDays,
        dossier: Array.from({ length: procedure.dossierSize }, (_, index) => ({ item: `Giấy tờ số ${index + 1} theo mẫu`, copies: 1 })),
        ...(procedure.fees !== undefined ? { fees: [{ name: 'Lệ phí', amount: procedure.fees }] } : {}),
      },
    })),
  };
  const drafts = reviewFixture.cases.map((labelled) => {
    const id = randomUUID();
    caseIds.set(id, labelled);
    const year = Number((labelled.draftDate ?? defaults.draftDate).slice(0, 4));
    const assessment =
      labelled.answers || labelled.cost
        ? { template: '2010', answers: labelled.answers ?? {}, ...(labelled.cost ? { cost: worksheet(year, labelled.cost) } : {}) }
        : undefined;
    return {
      id: randomUUID(),
      docType: labelled.docType ?? defaults.docType,
      title: `Dự thảo văn bản có thủ tục “${labelled.name}”`,
      draftingAgency: 'Bộ Tư pháp',
      submittedToGovernment: false,
      status: 'drafting',
      regulations: [
        {
          id,
          kind: labelled.kind ?? defaults.kind,
          change: labelled.change ?? defaults.change,
          name: labelled.name,
          field: labelled.field,
          level: labelled.level ?? defaults.level,
          ...(labelled.nationalCode ? { nationalCode: labelled.nationalCode } : {}),
          components: mergeComponents(labelled.components),
          ...(assessment ? { assessment } : {}),
        },
      ],
    };
  });
  return {
    dossier: { format: 'tthc-dossier', version: 1, exportedAt: '2026-03-10T09:00:00+07:00', exportedBy: { agency: 'Bộ Tư pháp', role: 'drafter' }, drafts: [background, ...drafts] },
    caseIds,
  };
}
