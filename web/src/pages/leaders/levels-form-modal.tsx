import { Alert, App as AntApp, Button, Col, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { formTarget, useReportError } from '../../api-errors';
import { type Lang, localizedMessage } from '../../i18n';
import { useLocale } from '../../locale-context';
import { type Bilingual, type Level, previewRules, type RuleNode, useSaveLevel } from './levels-api';
import { fromEditable, RuleEditor, toEditable } from './levels-rule-editor';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
}

type Editable = ReturnType<typeof toEditable>;
type Side = 'upgrade' | 'downgrade';

/** The rule as plain words, or the server's objection naming the path (e.g. `all[1].value`). */
function RulePreview({
  text,
  error,
  testId,
}: {
  text: Bilingual | null;
  error: string | null;
  testId: string;
}) {
  const { t, lang } = useLocale();
  if (error) return <Alert type="error" showIcon title={error} data-testid={`${testId}-error`} />;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid={`${testId}-preview`}>
      {t('levels.preview')}：{text ? (lang === 'zh' ? text.zh : text.en) : t('levels.previewEmpty')}
    </Typography.Paragraph>
  );
}

/** A refusal that names a place in one of the rules, as `all[1].value: message`. */
function ruleErrorOf(e: unknown, lang: Lang): { side: Side; text: string } | null {
  if (!(e instanceof ApiError) || !e.field) return null;
  const side: Side | null = e.field.startsWith('body.upgrade')
    ? 'upgrade'
    : e.field.startsWith('body.downgrade')
      ? 'downgrade'
      : null;
  if (!side) return null;
  const where = e.field.replace(/^body\.(upgrade|downgrade)\.?/, '');
  return { side, text: `${where ? `${where}: ` : ''}${localizedMessage(lang, e)}` };
}

/**
 * 新增 / 编辑等级: names, rank and the two rules, each with a live preview in plain words that the
 * server writes (and validates: a mistake shows which condition is wrong before saving).
 */
export function LevelFormModal({ level, onClose }: { level: Level | null; onClose: () => void }) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveLevel();
  const reportError = useReportError();
  const [rules, setRules] = useState<Record<Side, Editable>>({
    upgrade: toEditable(level?.upgrade ?? null),
    downgrade: toEditable(level?.downgrade ?? null),
  });
  const [preview, setPreview] = useState<Record<Side, Bilingual | null>>({
    upgrade: level?.upgradeText ?? null,
    downgrade: level?.downgradeText ?? null,
  });
  const [ruleError, setRuleError] = useState<Record<Side, string | null>>({ upgrade: null, downgrade: null });

  // The preview follows the editor, a moment after the last change.
  useEffect(() => {
    const body = { upgrade: fromEditable(rules.upgrade), downgrade: fromEditable(rules.downgrade) };
    const timer = setTimeout(() => {
      previewRules(body)
        .then((p) => {
          setPreview({
            upgrade: body.upgrade ? p.upgradeText : null,
            downgrade: body.downgrade ? p.downgradeText : null,
          });
          setRuleError({ upgrade: null, downgrade: null });
        })
        .catch((e: unknown) => {
          const found = ruleErrorOf(e, lang);
          if (found) setRuleError((r) => ({ ...r, [found.side]: found.text }));
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [rules, lang]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      upgrade: fromEditable(rules.upgrade) as RuleNode | null,
      downgrade: fromEditable(rules.downgrade) as RuleNode | null,
    };
    save.mutate(
      { id: level?.id ?? null, body },
      {
        onSuccess: () => {
          message.success(t('levels.saved'));
          onClose();
        },
        onError: (e) => {
          const found = ruleErrorOf(e, lang);
          if (found) setRuleError((r) => ({ ...r, [found.side]: found.text }));
          else reportError(e, formTarget(form, ['code', 'nameZh', 'nameEn', 'rank'] as const));
        },
      },
    );
  };

  const editor = (side: Side) => (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t(`levels.${side}`)}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {t(`levels.${side}Hint`)}
      </Typography.Text>
      <RuleEditor
        value={rules[side]}
        onChange={(next) => setRules((r) => ({ ...r, [side]: next }))}
        testId={`level-rule-${side}`}
      />
      <RulePreview text={preview[side]} error={ruleError[side]} testId={`level-rule-${side}`} />
    </div>
  );

  return (
    <Modal
      open
      width={880}
      title={
        level
          ? t('levels.editTitle', { name: lang === 'zh' ? level.nameZh : level.nameEn })
          : t('levels.create')
      }
      onCancel={onClose}
      mask={{ closable: !save.isPending }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={save.isPending}
          onClick={() => void submit().catch(() => {})}
          data-testid="level-form-submit"
        >
          {t('common.ok')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          level
            ? { code: level.code, nameZh: level.nameZh, nameEn: level.nameEn, rank: level.rank }
            : { code: '', nameZh: '', nameEn: '', rank: undefined }
        }
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="code"
              label={t('levels.code')}
              rules={[
                { required: true, message: t('levels.required') },
                { pattern: /^[A-Z][A-Z0-9_]{0,31}$/, message: t('levels.codeRule') },
              ]}
            >
              <Input maxLength={32} data-testid="level-form-code" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="nameZh"
              label={t('levels.nameZh')}
              rules={[{ required: true, whitespace: true, message: t('levels.required') }]}
            >
              <Input maxLength={20} data-testid="level-form-nameZh" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="nameEn"
              label={t('levels.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('levels.required') }]}
            >
              <Input maxLength={40} data-testid="level-form-nameEn" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="rank"
              label={t('levels.rank')}
              tooltip={t('levels.rankHint')}
              rules={[{ required: true, message: t('levels.required') }]}
            >
              <InputNumber
                min={0}
                max={1000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="level-form-rank"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {editor('upgrade')}
      {editor('downgrade')}
    </Modal>
  );
}
