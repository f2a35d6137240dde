import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, type FieldProblem } from '../../../shared/contract/errors';
import { plainProblem } from '../../../shared/i18n/problemText';
import { i18next } from '../i18n';
import { showErrorNotice } from './notices';

/**
 * What a person reads first. An API error speaks Vietnamese already; anything else (a bug, a lost connection) says so
 * plainly, its own text going to the details.
 */
export function plainMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18next.t('problems.unexpected');
}

/** The technical side kept for whoever supports the officer: paths, the refusing rule, a non-API error's text. */
const pathLines = (problems: readonly FieldProblem[]): string[] =>
  problems.filter((problem) => problem.path !== '').map((problem) => `${problem.path}: ${problem.message}`);

function technicalLines(error: unknown, problems: readonly FieldProblem[]): string[] {
  const lines = pathLines(problems);
  if (error instanceof ApiError) return error.detail ? [`${i18next.t('problems.rule')}: ${error.detail}`, ...lines] : lines;
  return error instanceof Error ? [error.message, ...lines] : [String(error), ...lines];
}

/** Folded by default, so that the message stays plain; a support call can still read the exact path. */
export function TechnicalDetails({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <details data-testid="error-details">
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>{i18next.t('problems.details')}</summary>
      <Text component="pre" size="xs" style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' }}>
        {lines.join('\n')}
      </Text>
    </details>
  );
}

export function ErrorAlert({ error }: { error: Error }) {
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={i18next.t('app.errorTitle')} role="alert">
      <Stack gap={4}>
        <span>{plainMessage(error)}</span>
        <TechnicalDetails lines={technicalLines(error, problems)} />
      </Stack>
    </Alert>
  );
}

function PlainProblems({ problems, testId }: { problems: readonly FieldProblem[]; testId?: string }) {
  return (
    <List size="sm" data-testid={testId}>
      {problems.map((problem) => (
        <List.Item key={`${problem.path}:${problem.message}`}>{plainProblem(problem)}</List.Item>
      ))}
    </List>
  );
}

/** Every problem of a refused input as a sentence, the paths in the details below. */
export function ProblemList({ problems, testId }: { problems: readonly FieldProblem[]; testId?: string }) {
  return (
    <Stack gap={4}>
      <PlainProblems problems={problems} testId={testId} />
      <TechnicalDetails lines={pathLines(problems)} />
    </Stack>
  );
}

/** Shows an API failure; field problems are listed so the officer sees every one at once. */
export function notifyError(error: unknown): void {
  const problems = error instanceof ApiError ? error.problems : [];
  showErrorNotice({
    title: i18next.t('app.errorTitle'),
    message: (
      <Stack gap={4} data-testid="error-toast">
        {problems.length > 0 ? (
          <PlainProblems problems={problems} />
        ) : (
          <span>{plainMessage(error)}</span>
        )}
        <TechnicalDetails lines={technicalLines(error, problems)} />
      </Stack>
    ),
  });
}
