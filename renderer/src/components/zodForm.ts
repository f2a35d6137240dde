import type { z } from 'zod';
import { formatIssuePath, type FieldProblem } from '../../../shared/contract/errors';

/** Validates a Mantine form with the contract's own zod schema, so the form and the API agree on every rule. */
export function zodValidate<T>(schema: z.ZodType<T>) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    return Object.fromEntries(result.error.issues.map((issue) => [formPath(formatIssuePath(issue.path)), issue.message]));
  };
}

/** `components.steps[0]` as Mantine names the field: `components.steps.0`. */
const formPath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/** The service's refusal as form errors: its paths name the input (`fields.name`), the form's start below `under`. */
export function formErrorsFromProblems(problems: readonly FieldProblem[], under: string): Record<string, string> {
  const prefix = `${under}.`;
  return Object.fromEntries(problems.filter((problem) => problem.path.startsWith(prefix)).map((problem) => [formPath(problem.path.slice(prefix.length)), problem.message]));
}
