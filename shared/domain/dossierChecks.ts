// Checks of a whole dossier file that one field's schema cannot make: ids used twice anywhere in the file, and
// assessments on a template (or with questions) this installation does not know. The CLI, the service and the import
// dialog all validate a file through validateDossier, so each refuses the same files with the same paths.
import { problemsFromZod, type FieldProblem } from '../contract/errors';
import { templateAnswerProblems } from './assessment';
import { dossierSchema, type Dossier } from './dossier';

export type DossierValidation = { ok: true; dossier: Dossier } | { ok: false; problems: FieldProblem[] };

const ENTITY_NAMES = { draft: 'dự thảo', regulation: 'TTHC/QĐKD', opinion: 'ý kiến' } as const;

/**
 * Ids are UUIDs, unique by construction: the same one twice is a copy-paste error, and merging would pick one of
 * the two at random. Drafts, regulations and opinions share one namespace; the second occurrence is the one reported.
 */
function duplicateIdProblems(dossier: Dossier): FieldProblem[] {
  const firstSeen = new Map<string, { path: string; kind: keyof typeof ENTITY_NAMES }>();
  const problems: FieldProblem[] = [];
  const visit = (id: string, path: string, kind: keyof typeof ENTITY_NAMES): void => {
    const first = firstSeen.get(id);
    if (first) problems.push({ path: `${path}.id`, message: `mã ${id} đã dùng cho ${ENTITY_NAMES[first.kind]} tại ${first.path}; mỗi mã chỉ được dùng một lần trong tệp` });
    else firstSeen.set(id, { path, kind });
  };
  dossier.drafts.forEach((draft, draftIndex) => {
    const draftPath = `drafts[${draftIndex}]`;
    visit(draft.id, draftPath, 'draft');
    draft.regulations.forEach((regulation, regulationIndex) => {
      const regulationPath = `${draftPath}.regulations[${regulationIndex}]`;
      visit(regulation.id, regulationPath, 'regulation');
      regulation.opinions.forEach((opinion, opinionIndex) => visit(opinion.id, `${regulationPath}.opinions[${opinionIndex}]`, 'opinion'));
    });
  });
  return problems;
}

function assessmentProblems(dossier: Dossier): FieldProblem[] {
  return dossier.drafts.flatMap((draft, draftIndex) =>
    draft.regulations.flatMap((regulation, regulationIndex) =>
      regulation.assessment
        ? templateAnswerProblems(regulation.assessment).map((problem) => ({
            ...problem,
            path: `drafts[${draftIndex}].regulations[${regulationIndex}].assessment.${problem.path}`,
          }))
        : [],
    ),
  );
}

/** The dossier in `raw` (already read as JSON), or every problem with its path. Needs no database. */
export function validateDossier(raw: unknown): DossierValidation {
  const parsed = dossierSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const problems = [...duplicateIdProblems(parsed.data), ...assessmentProblems(parsed.data)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dossier: parsed.data };
}
