import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isKeptElement, richTextDocumentSchema, type KeptElement, type RichTextBlock, type RichTextInline } from '../../../../shared/domain/richText';
import { COMMENT_STYLE, KeptNode, QUOTE_STYLE } from './editor/OpinionEditor';
import { WARNING_TEXT } from '../../theme';

function Inlines({ children }: { children: readonly (RichTextInline | KeptElement)[] }) {
  const { t } = useTranslation();
  return (
    <>
      {children.map((child, index) => {
        if (isKeptElement(child)) return <KeptNode key={index} node={child} inline />;
        if ('type' in child) {
          return (
            <span key={index}>
              <span style={COMMENT_STYLE} data-comment={child.component}>
                <Inlines>{child.children}</Inlines>
              </span>
              <Text span size="xs" c={WARNING_TEXT}>
                {' '}
                [{t(`component.${child.component}`)}: {child.note}]
              </Text>
            </span>
          );
        }
        let content: ReactNode = child.text;
        if (child.bold) content = <strong>{content}</strong>;
        if (child.italic) content = <em>{content}</em>;
        if (child.underline) content = <u>{content}</u>;
        return <span key={index}>{content}</span>;
      })}
    </>
  );
}

function Block({ block }: { block: RichTextBlock }) {
  const { t } = useTranslation();
  if (isKeptElement(block)) return <KeptNode node={block} />;
  switch (block.type) {
    case 'paragraph':
      return (
        <p style={{ margin: '0 0 6px' }}>
          <Inlines>{block.children}</Inlines>
        </p>
      );
    case 'block-quote':
      return (
        <blockquote style={QUOTE_STYLE}>
          {block.component && (
            <Text span size="xs" c="dimmed" style={{ display: 'block' }}>
              {t(`component.${block.component}`)}
            </Text>
          )}
          <Inlines>{block.children}</Inlines>
        </blockquote>
      );
    case 'bulleted-list':
    case 'numbered-list': {
      const List = block.type === 'bulleted-list' ? 'ul' : 'ol';
      return (
        <List style={{ margin: '0 0 6px' }}>
          {block.children.map((item, index) => (
            <li key={index}>{isKeptElement(item) ? <KeptNode node={item} /> : <Inlines>{item.children}</Inlines>}</li>
          ))}
        </List>
      );
    }
  }
}

/** An opinion's body as written; a body this version cannot read falls back to its plain-text rendering. */
export function RichTextView({ body, text }: { body: unknown; text: string }) {
  const parsed = richTextDocumentSchema.safeParse(body);
  if (!parsed.success || parsed.data.length === 0) {
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    );
  }
  return (
    <div style={{ fontSize: 'var(--mantine-font-size-sm)' }} data-testid="opinion-body">
      {parsed.data.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </div>
  );
}
