import type { z } from 'zod';
import { formatIssuePath } from '../../../shared/contract/errors';

/** Validates a Mantine form with the contract's own zod schema, so the form and the API agree on every rule. */
export function zodValidate<T>(schema: z.ZodType<T>) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    return Object.fromEntries(result.error.issues.map((issue) => [formatIssuePath(issue.path).replace(/\[(\d+)\]/g, '.$1'), issue.message]));
  };
}
