import { Box, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { ADDRESS_LABEL, COPIES_TO_LABEL, MOTTO, NATIONAL_TITLE, type PrintedLetter } from '../../../../shared/domain/opinionLetter';
import { printedParagraphs, type StyledRun } from '../../../../shared/domain/printedParagraphs';
import type { RichTextDocument } from '../../../../shared/domain/richText';
import { UNSIGNED_NOTE } from '../../../../shared/domain/signers';

const PAGE: CSSProperties = { fontFamily: '"Times New Roman", Tinos, serif', fontSize: 15, lineHeight: 1.35, color: '#000', background: '#fff' };
const BODY: CSSProperties = { textAlign: 'justify', textIndent: '1.27cm', margin: '6px 0 0' };
const QUOTE: CSSProperties = { ...BODY, textIndent: 0, margin: '6px 1.27cm 0' };

function Runs({ runs }: { runs: readonly StyledRun[] }) {
  return runs.map((run, index) => (
    <span key={index} style={{ fontWeight: run.bold ? 700 : undefined, fontStyle: run.italic ? 'italic' : undefined, textDecoration: run.underline ? 'underline' : undefined }}>
      {run.text}
    </span>
  ));
}

/**
 * Blocks laid out as the letter prints them, from the paragraphs the DOCX and PDF writers print: justified, first-line
 * indent, "-" and "1." lists, quotes indented in italics — and a quoted component's items one per line, as there.
 */
function Blocks({ blocks }: { blocks: RichTextDocument }) {
  return printedParagraphs(blocks).map((paragraph, index) => (
    <p key={index} style={paragraph.role === 'quote' ? QUOTE : BODY}>
      {paragraph.role === 'list-item' && (paragraph.list === 'bulleted' ? '- ' : `${paragraph.ordinal}. `)}
      <Runs runs={paragraph.runs} />
    </p>
  ));
}

const rule = (width: string) => <Divider color="#000" size={1} w={width} mx="auto" my={2} />;

/** The letter as it will print (Nghị định 30/2020 layout), from the same worded text the DOCX and PDF use. */
export function LetterPreview({ letter }: { letter: PrintedLetter }) {
  return (
    <Paper withBorder shadow="sm" px={48} py={36} style={PAGE} data-testid="letter-preview" aria-label="Xem trước văn bản">
      <Group align="flex-start" justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={0} ta="center" w="38%">
          {letter.issuer.map((line) => (
            <Text key={line.text} inherit fw={line.bold ? 700 : 400} size="sm">
              {line.text}
            </Text>
          ))}
          {rule('40%')}
          <Text inherit size="sm" mt={6}>{letter.number}</Text>
          <Text inherit size="xs">{letter.subject}</Text>
        </Stack>
        <Stack gap={0} ta="center" w="60%">
          <Text inherit fw={700} size="sm">{NATIONAL_TITLE}</Text>
          <Text inherit fw={700}>{MOTTO}</Text>
          {rule('62%')}
          <Text inherit fs="italic" mt={6}>{letter.placeDate}</Text>
        </Stack>
      </Group>
      <Box mt="md" style={{ display: 'grid', gridTemplateColumns: '30% 1fr' }}>
        <Text inherit ta="right" pr={8}>{ADDRESS_LABEL}</Text>
        <Stack gap={0}>{letter.recipients.map((line) => <Text inherit key={line}>{line}</Text>)}</Stack>
      </Box>
      <Blocks blocks={letter.opening} />
      {letter.sections.map((section, index) => (
        <div key={index} data-testid="letter-section">
          <Blocks blocks={section.lead} />
          <Blocks blocks={section.body} />
        </div>
      ))}
      <Blocks blocks={letter.closing} />
      <Group align="flex-start" justify="space-between" wrap="nowrap" mt="md">
        <Stack gap={0} w="45%">
          <Text inherit fw={700} fs="italic" size="sm">{COPIES_TO_LABEL}</Text>
          {letter.copiesTo.map((line) => <Text inherit key={line} size="xs">{line}</Text>)}
        </Stack>
        <Stack gap={0} ta="center" w="50%">
          {letter.signer ? (
            <>
              {letter.signatureTitles.map((line) => <Text inherit key={line} fw={700}>{line}</Text>)}
              <Box h={64} />
              <Text inherit fw={700}>{letter.signer}</Text>
            </>
          ) : (
            // As the DOCX and PDF print it: nobody chosen to sign, no title over an empty name.
            <Text inherit fs="italic">{UNSIGNED_NOTE}</Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
