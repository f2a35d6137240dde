// Where the officer is inside a regulation's assessment lives in the address, as the regulation's tabs do, so that a
// reload or Back returns to the cost worksheet or to the questionnaire's section left: `/regulations/<id>/assessment/cost`,
// `/regulations/<id>/assessment/questions/<section>`. The questionnaire's own sections are named apart from the cost
// worksheet because one of them is called `cost` too (Nghị định 63/2010's section IV).

/** The address's parts after `assessment`, as read; either may be missing or name nothing known. */
export type AddressedAssessmentPlace = { part?: string; section?: string };

export type AssessmentPart = 'questions' | 'cost';
export type AssessmentPlace = { part: AssessmentPart; section?: string };

/** The place an address names; the questionnaire (its first open section) when it names none. */
export function assessmentPlaceOf(addressed: AddressedAssessmentPlace | undefined): AssessmentPlace {
  if (addressed?.part === 'cost') return { part: 'cost' };
  return addressed?.section ? { part: 'questions', section: addressed.section } : { part: 'questions' };
}

export function assessmentPath(regulationId: string, place: AssessmentPlace): string {
  const base = `/regulations/${regulationId}/assessment`;
  if (place.part === 'cost') return `${base}/cost`;
  return place.section ? `${base}/questions/${place.section}` : base;
}
