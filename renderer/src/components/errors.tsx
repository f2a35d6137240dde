import { Alert, List } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, type FieldProblem } from '../../../shared/contract/errors';
import { i18next } from '../i18n';

export function ErrorAlert({ error }: { error: Error }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={i18next.t('app.errorTitle')} role="alert">
      {error.message}
    </Alert>
  );
}

/** Every problem of a refused input, each with the path it is about. */
export function ProblemList({ problems, testId }: { problems: readonly FieldProblem[]; testId?: string }) {
  return (
    <List size="sm" data-testid={testId}>
      {problems.map((problem) => (
        <List.Item key={`${problem.path}:${problem.message}`}>
          {problem.path ? `${problem.path}: ` : ''}
          {problem.message}
        </List.Item>
      ))}
    </List>
  );
}

/** Shows an API failure; field problems are listed so the officer sees every one at once. */
export function notifyError(error: unknown): void {
  const problems = error instanceof ApiError ? error.problems : [];
  notifications.show({
    color: 'red',
    title: i18next.t('app.errorTitle'),
    message:
      problems.length > 0 ? (
        <ProblemList problems={problems} />
      ) : (
        (error as Error).message
      ),
    autoClose: 10000,
  });
}
