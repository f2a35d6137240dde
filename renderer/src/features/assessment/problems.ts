import type { FieldProblem } from '../../../../shared/contract/errors';

/** `assessment.cost.baseline.activities[0].hours` → `cost.baseline.activities.0.hours`: the key an input looks itself up by. */
export function fieldKey(path: string, prefix = ''): string {
  const relative = prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
  return relative.replace(/\[(\d+)\]/g, '.$1');
}

/** Problems by field key; the first message for a field wins. */
export function problemsByField(problems: readonly FieldProblem[], prefix = ''): Map<string, string> {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const key = fieldKey(problem.path, prefix);
    if (!byField.has(key)) byField.set(key, problem.message);
  }
  return byField;
}
