import { ActionIcon, Button, Group, Menu, Paper, Popover, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconBold, IconItalic, IconList, IconListNumbers, IconMessagePlus, IconQuote, IconUnderline } from '@tabler/icons-react';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createEditor, Range } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, useSlate, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { keptElementText, type KeptElement, type RichTextDocument } from '../../../../../shared/domain/richText';
import { COMPONENT_KEYS, type ComponentKey } from '../../../../../shared/domain/vocabulary';
import { componentNearSelection, insertComponentQuote, isListActive, isMarkActive, toggleList, toggleMark, withRichTextSchema, wrapComment } from './commands';
import { fromEditorValue, toEditorValue } from './keptNodes';
import type { ListType, Mark } from './slateTypes';

export type QuotableComponent = { key: ComponentKey; lines: string[] };

const EMPTY: RichTextDocument = [{ type: 'paragraph', children: [{ text: '' }] }];
const HOTKEYS: Record<string, Mark> = { b: 'bold', i: 'italic', u: 'underline' };

export const KEPT_STYLE = { border: '1px dashed var(--mantine-color-gray-5)', background: 'var(--mantine-color-gray-1)', userSelect: 'none' } as const;

/** A node of a newer version, shown read-only through its words and labelled as such (it is saved back untouched). */
export function KeptNode({ node, inline = false }: { node: KeptElement; inline?: boolean }) {
  const { t } = useTranslation();
  const words = keptElementText(node);
  if (inline) {
    return (
      <span data-testid="kept-node" title={t('workflow.editor.kept')} style={{ ...KEPT_STYLE, padding: '0 4px', whiteSpace: 'pre-wrap' }}>
        {words || '…'}
      </span>
    );
  }
  return (
    <div data-testid="kept-node" style={{ ...KEPT_STYLE, margin: '6px 0', padding: '4px 10px' }}>
      <Text span size="xs" c="dimmed" style={{ display: 'block' }}>
        {t('workflow.editor.kept')}
      </Text>
      <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {words}
      </Text>
    </div>
  );
}

function RenderedElement({ attributes, children, element }: RenderElementProps) {
  const { t } = useTranslation();
  switch (element.type) {
    case 'kept-block':
      return (
        <div {...attributes} contentEditable={false}>
          <KeptNode node={element.node} />
          {children}
        </div>
      );
    case 'kept-inline':
      return (
        <span {...attributes} contentEditable={false}>
          <KeptNode node={element.node} inline />
          {children}
        </span>
      );
    case 'bulleted-list':
      return <ul {...attributes}>{children}</ul>;
    case 'numbered-list':
      return <ol {...attributes}>{children}</ol>;
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'block-quote':
      return (
        <blockquote {...attributes} className="opinion-quote" style={QUOTE_STYLE}>
          {element.component && (
            <Text span size="xs" c="dimmed" contentEditable={false} style={{ display: 'block', userSelect: 'none' }}>
              {t(`component.${element.component}`)}
            </Text>
          )}
          {children}
        </blockquote>
      );
    case 'comment':
      return (
        <span {...attributes} title={`${t(`component.${element.component}`)}: ${element.note}`} data-comment={element.component} style={COMMENT_STYLE}>
          {children}
        </span>
      );
    default:
      return <p {...attributes} style={{ margin: '0 0 6px' }}>{children}</p>;
  }
}

export const QUOTE_STYLE = { margin: '6px 0', padding: '4px 10px', borderLeft: '3px solid var(--mantine-color-navy-4, #4c6ef5)', background: 'var(--mantine-color-gray-0)', whiteSpace: 'pre-wrap' } as const;
export const COMMENT_STYLE = { background: 'var(--mantine-color-yellow-2)', borderBottom: '2px solid var(--mantine-color-yellow-6)' } as const;

function RenderedLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let content: ReactNode = children;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  if (leaf.underline) content = <u>{content}</u>;
  return <span {...attributes}>{content}</span>;
}

/** A toggle of the toolbar; acting on mouse down keeps the editor's selection where the officer left it. */
function ToggleButton({ active, onToggle, icon, label }: { active: boolean; onToggle: () => void; icon: ReactNode; label: string }) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant={active ? 'filled' : 'subtle'}
        aria-label={label}
        aria-pressed={active}
        onMouseDown={(event) => {
          event.preventDefault();
          onToggle();
        }}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}

function MarkButton({ mark, icon, label }: { mark: Mark; icon: ReactNode; label: string }) {
  const editor = useSlate();
  return <ToggleButton active={isMarkActive(editor, mark)} onToggle={() => toggleMark(editor, mark)} icon={icon} label={label} />;
}

function ListButton({ type, icon, label }: { type: ListType; icon: ReactNode; label: string }) {
  const editor = useSlate();
  return <ToggleButton active={isListActive(editor, type)} onToggle={() => toggleList(editor, type)} icon={icon} label={label} />;
}

function QuoteMenu({ quotable }: { quotable: QuotableComponent[] }) {
  const { t } = useTranslation();
  const editor = useSlate();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="compact-sm" variant="subtle" leftSection={<IconQuote size={16} />} disabled={quotable.length === 0}>
          {t('workflow.editor.quote')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {quotable.map((component) => (
          <Menu.Item
            key={component.key}
            onClick={() => {
              insertComponentQuote(editor, component.key, component.lines);
              ReactEditor.focus(editor);
            }}
          >
            {t(`component.${component.key}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function CommentButton() {
  const { t } = useTranslation();
  const editor = useSlate();
  const [opened, setOpened] = useState(false);
  const [component, setComponent] = useState<ComponentKey>('steps');
  const [note, setNote] = useState('');
  const hasSelection = editor.selection !== null && !Range.isCollapsed(editor.selection);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withinPortal trapFocus>
      <Popover.Target>
        <Tooltip label={hasSelection ? t('workflow.editor.commentHint') : t('workflow.editor.selectFirst')}>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconMessagePlus size={16} />}
            disabled={!hasSelection}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              // The quote the words were taken from tells what the comment is about; the officer can still change it.
              if (!opened) setComponent((current) => componentNearSelection(editor) ?? current);
              setOpened((value) => !value);
            }}
          >
            {t('workflow.editor.comment')}
          </Button>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={300}>
          <Select
            label={t('workflow.editor.commentComponent')}
            data={COMPONENT_KEYS.map((key) => ({ value: key, label: t(`component.${key}`) }))}
            value={component}
            allowDeselect={false}
            onChange={(value) => value && setComponent(value as ComponentKey)}
            comboboxProps={{ withinPortal: false }}
          />
          <TextInput label={t('workflow.editor.commentNote')} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
          <Button
            size="xs"
            disabled={note.trim() === ''}
            onClick={() => {
              wrapComment(editor, component, note.trim());
              setNote('');
              setOpened(false);
              ReactEditor.focus(editor);
            }}
          >
            {t('workflow.editor.addComment')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The rich-text body of an opinion: marks, lists, quotes of the regulation's components and comments anchored to them. */
export function OpinionEditor({ initial, onChange, quotable }: { initial: RichTextDocument; onChange: (value: RichTextDocument) => void; quotable: QuotableComponent[] }) {
  const { t } = useTranslation();
  const editor = useMemo(() => withRichTextSchema(withHistory(withReact(createEditor()))), []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mark = HOTKEYS[event.key.toLowerCase()];
    if (mark && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      toggleMark(editor, mark);
    }
  };
  return (
    <Slate
      editor={editor}
      initialValue={toEditorValue(initial.length > 0 ? initial : EMPTY)}
      onChange={(value) => {
        if (editor.operations.some((operation) => operation.type !== 'set_selection')) onChange(fromEditorValue(value));
      }}
    >
      <Paper withBorder>
        <Group gap={4} p={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="opinion-toolbar">
          <MarkButton mark="bold" icon={<IconBold size={16} />} label={t('workflow.editor.bold')} />
          <MarkButton mark="italic" icon={<IconItalic size={16} />} label={t('workflow.editor.italic')} />
          <MarkButton mark="underline" icon={<IconUnderline size={16} />} label={t('workflow.editor.underline')} />
          <ListButton type="bulleted-list" icon={<IconList size={16} />} label={t('workflow.editor.bulleted')} />
          <ListButton type="numbered-list" icon={<IconListNumbers size={16} />} label={t('workflow.editor.numbered')} />
          <QuoteMenu quotable={quotable} />
          <CommentButton />
        </Group>
        <Editable
          aria-label={t('workflow.editor.label')}
          placeholder={t('workflow.editor.placeholder')}
          renderElement={(props) => <RenderedElement {...props} />}
          renderLeaf={(props) => <RenderedLeaf {...props} />}
          onKeyDown={onKeyDown}
          style={{ minHeight: 160, padding: '8px 12px', outline: 'none' }}
        />
      </Paper>
    </Slate>
  );
}
