// What the team server's own forms (sign-in, a password's change) share: one send at a time, and the server's refusal,
// in Vietnamese, above the fields; the page before the app (the product, the language, a title) around them.
import { Alert, Center, Group, Paper, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { plainMessage } from '../../components/errors';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/**
 * `send(work)`: `working` while it goes and after it succeeded (the page moves on), the refusal as `problem` when it
 * fails; `refuse(text)` states a problem the form found itself.
 */
export function useGateForm(): { working: boolean; problem: string | null; refuse: (text: string | null) => void; send: (work: () => Promise<void>) => Promise<void> } {
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (work: () => Promise<void>) => {
    setProblem(null);
    setWorking(true);
    try {
      await work();
    } catch (error) {
      setProblem(plainMessage(error));
      setWorking(false);
    }
  };
  return { working, problem, refuse: setProblem, send };
}

export function GateProblem({ title, problem }: { title: string; problem: string | null }) {
  if (!problem) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {problem}
    </Alert>
  );
}

/** A whole page before the app, its form in a card. */
export function GatePage({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={520}>
        {children}
      </Paper>
    </Center>
  );
}

/** The card's top: the product's name beside the language switch, then `title` (and `intro` under it). */
export function GateHeading({ title, intro }: { title: string; intro?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed">
          {t('team.signIn.product')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Title order={1} size="h2">
        {title}
      </Title>
      {intro && <Text size="sm">{intro}</Text>}
    </>
  );
}
