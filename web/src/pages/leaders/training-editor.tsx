import {
  BoldOutlined,
  ClearOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useLocale } from '../../locale-context';

/**
 * A small rich-text editor for training articles (富文本): a content-editable area with the few
 * formats an article needs. What it produces is only a draft; the server keeps an allow-listed,
 * re-serialized copy (onboarding/sanitize-html.ts), so pasted markup of any kind is safe to accept.
 */
export function TrainingEditor({ value, onChange }: { value?: string; onChange?: (html: string) => void }) {
  const { t } = useLocale();
  const area = useRef<HTMLDivElement>(null);
  const initial = useRef(value ?? '');

  useEffect(() => {
    // The initial content is set once; afterwards the browser owns the DOM and reports each change.
    if (area.current) area.current.innerHTML = initial.current;
  }, []);

  const run = (command: string, arg?: string) => {
    area.current?.focus();
    // execCommand is deprecated but remains the only built-in way to format a content-editable area.
    document.execCommand(command, false, arg);
    onChange?.(area.current?.innerHTML ?? '');
  };

  const tools: Array<{ key: string; icon: React.ReactNode; title: string; action: () => void }> = [
    { key: 'bold', icon: <BoldOutlined />, title: t('editor.bold'), action: () => run('bold') },
    { key: 'italic', icon: <ItalicOutlined />, title: t('editor.italic'), action: () => run('italic') },
    {
      key: 'underline',
      icon: <UnderlineOutlined />,
      title: t('editor.underline'),
      action: () => run('underline'),
    },
    { key: 'h2', icon: <b>H</b>, title: t('editor.heading'), action: () => run('formatBlock', 'h2') },
    { key: 'p', icon: <b>¶</b>, title: t('editor.paragraph'), action: () => run('formatBlock', 'p') },
    {
      key: 'ul',
      icon: <UnorderedListOutlined />,
      title: t('editor.bullets'),
      action: () => run('insertUnorderedList'),
    },
    {
      key: 'ol',
      icon: <OrderedListOutlined />,
      title: t('editor.numbers'),
      action: () => run('insertOrderedList'),
    },
    {
      key: 'link',
      icon: <LinkOutlined />,
      title: t('editor.link'),
      action: () => {
        const url = window.prompt(t('editor.linkPrompt'), 'https://');
        if (url) run('createLink', url);
      },
    },
    { key: 'clear', icon: <ClearOutlined />, title: t('editor.clear'), action: () => run('removeFormat') },
  ];

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Space size={2} style={{ padding: 4, borderBottom: '1px solid #f0f0f0', flexWrap: 'wrap' }}>
        {tools.map((tool) => (
          <Tooltip key={tool.key} title={tool.title}>
            <Button
              size="small"
              type="text"
              icon={tool.icon}
              // Keep the selection in the editor when a tool is clicked.
              onMouseDown={(e) => e.preventDefault()}
              onClick={tool.action}
            />
          </Tooltip>
        ))}
      </Space>
      {/* biome-ignore lint/a11y/useSemanticElements: a content-editable div is the editor; a textarea cannot hold formatting. */}
      <div
        ref={area}
        role="textbox"
        aria-multiline="true"
        tabIndex={0}
        contentEditable
        suppressContentEditableWarning
        data-testid="training-form-body"
        onInput={() => onChange?.(area.current?.innerHTML ?? '')}
        style={{
          minHeight: 220,
          maxHeight: 420,
          overflowY: 'auto',
          padding: '8px 12px',
          outline: 'none',
          lineHeight: 1.7,
        }}
      />
    </div>
  );
}
