import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Popconfirm,
  Row,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import {
  type PlanDetail,
  type PlanDocument,
  type PreviewResult,
  useCreatePlan,
  usePlan,
  usePlanAction,
  useSavePlan,
  withPeerBonusShown,
} from '../../commission-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { localizedMessage } from '../../i18n';
import { useLocale } from '../../locale-context';
import { type NamePath, namePathOf, samePath } from './field-path';
import {
  BasicsSection,
  HotProductsSection,
  LevelsSection,
  RecruitSection,
  RegionalSection,
  TeamSection,
  TieredSection,
} from './plan-form-sections';
import { PlanPreviewPanel } from './plan-preview-panel';
import { PlanStatusTag } from './plan-status-tag';

interface Props {
  id: string;
  onBack: () => void;
  onOpen: (id: string) => void;
}

export function PlanEditor({ id, onBack, onOpen }: Props) {
  const plan = usePlan(id);
  if (!plan.data) return plan.error ? <QueryError error={plan.error} /> : <Spin />;
  return <PlanEditorBody key={plan.data.updatedAt} plan={plan.data} onBack={onBack} onOpen={onOpen} />;
}

/** How long the editor waits after the last keystroke before asking the server for a new preview. */
const PREVIEW_DELAY_MS = 300;

function PlanEditorBody({
  plan,
  onBack,
  onOpen,
}: {
  plan: PlanDetail;
  onBack: () => void;
  onOpen: (id: string) => void;
}) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const can = useCan();
  const [form] = Form.useForm<PlanDocument>();
  const save = useSavePlan();
  const action = usePlanAction();
  const copy = useCreatePlan();
  const reportError = useReportError();
  const editable = plan.status === 'draft' && can('commission.write');
  const shownDocument = useMemo(() => withPeerBonusShown(plan.document), [plan.document]);
  const [draft, setDraft] = useState<PlanDocument>(shownDocument);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shown = useRef<NamePath[]>([]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const current = (): PlanDocument => structuredClone(form.getFieldsValue(true) as PlanDocument);
  const onValuesChange = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setDraft(current()), PREVIEW_DELAY_MS);
  };

  /** Shows problems under the inputs they name (only inputs the form has), clearing the previous ones. */
  const showProblems = useCallback(
    (problems: Array<{ field: string; text: string }>) => {
      const registered = form.getFieldsError().map((f) => f.name);
      const next: Array<{ path: NamePath; text: string }> = [];
      for (const p of problems) {
        const path = namePathOf(p.field);
        if (path && registered.some((r) => samePath(r, path)) && !next.some((n) => samePath(n.path, path)))
          next.push({ path, text: p.text });
      }
      const fields = [
        ...shown.current
          .filter((old) => !next.some((n) => samePath(n.path, old)))
          .map((name) => ({ name, errors: [] })),
        ...next.map((n) => ({ name: n.path, errors: [n.text] })),
      ];
      // The paths come from the server at run time, so the typed name paths of the document do not apply.
      form.setFields(fields as unknown as Parameters<typeof form.setFields>[0]);
      shown.current = next.map((n) => n.path);
      return next.length;
    },
    [form],
  );

  const onPreview = useCallback(
    (result: PreviewResult | undefined) => {
      if (!result || !editable) return;
      showProblems(result.problems.map((p) => ({ field: p.field, text: localizedMessage(lang, p) })));
    },
    [editable, lang, showProblems],
  );

  const onServerError = (error: unknown) => {
    if (
      error instanceof ApiError &&
      showProblems([{ field: error.field ?? '', text: localizedMessage(lang, error) }]) > 0
    ) {
      const path = namePathOf(error.field);
      if (path) form.scrollToField(path);
      return;
    }
    reportError(error);
  };

  const saveThen = (then?: () => void) =>
    save.mutate(
      { id: plan.id, document: current() },
      {
        onSuccess: () => {
          if (then) then();
          else message.success(t('common.saved'));
        },
        onError: onServerError,
      },
    );

  // Save, then activate, as one sequence of promises rather than a callback of the save: the save
  // changes the plan's updatedAt, which re-mounts this editor (its key), and TanStack Query drops a
  // mutate() callback of an unmounted component, so the activation was sometimes never sent.
  const activate = async () => {
    try {
      await save.mutateAsync({ id: plan.id, document: current() });
      await action.mutateAsync({ id: plan.id, action: 'activate' });
      message.success(t('commission.activated'));
    } catch (error) {
      onServerError(error);
    }
  };

  const archive = () =>
    action.mutate(
      { id: plan.id, action: 'archive' },
      { onSuccess: () => message.success(t('commission.archived')), onError: (e) => reportError(e) },
    );

  const copyToDraft = () =>
    copy.mutate(plan.id, { onSuccess: (p) => onOpen(p.id), onError: (e) => reportError(e) });

  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={onBack}
            data-testid="plan-back"
            aria-label={t('commission.back')}
          />
          <span data-testid="plan-title">
            v{plan.version} · {plan.document.name}
          </span>
          <PlanStatusTag status={plan.status} />
        </Space>
      }
      extra={
        <Space>
          {editable && (
            <>
              <Button onClick={() => saveThen()} loading={save.isPending} data-testid="plan-save">
                {t('common.save')}
              </Button>
              <Popconfirm
                title={t('commission.activateConfirm', { version: plan.version })}
                onConfirm={() => void activate()}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'plan-activate-confirm' }}
              >
                <Button type="primary" loading={action.isPending} data-testid="plan-activate">
                  {t('commission.activate')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('commission.archiveConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={archive}
              >
                <Button danger data-testid="plan-archive">
                  {t('commission.archive')}
                </Button>
              </Popconfirm>
            </>
          )}
          {!editable && can('commission.write') && (
            <Button onClick={copyToDraft} loading={copy.isPending} data-testid="plan-copy">
              {t('commission.copyToDraft')}
            </Button>
          )}
        </Space>
      }
    >
      {!editable && (
        <Typography.Paragraph type="secondary" data-testid="plan-readonly">
          {t(plan.status === 'draft' ? 'commission.readonlyNoPermission' : 'commission.readonly')}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Form<PlanDocument>
            form={form}
            layout="vertical"
            initialValues={shownDocument}
            onValuesChange={onValuesChange}
            disabled={!editable}
            autoComplete="off"
          >
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              <BasicsSection disabled={!editable} />
              <TeamSection disabled={!editable} />
              <LevelsSection disabled={!editable} levels={plan.levels} />
              <RecruitSection disabled={!editable} />
              <TieredSection disabled={!editable} />
              <RegionalSection disabled={!editable} />
              <HotProductsSection disabled={!editable} />
            </Space>
          </Form>
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 16 }}>
            <PlanPreviewPanel
              planId={plan.id}
              document={draft}
              levels={plan.levels}
              fallbackDescription={plan.description}
              onResult={onPreview}
            />
            {plan.activations.length > 0 && (
              <Card size="small" title={t('commission.activations')} style={{ marginTop: 16 }}>
                <Timeline
                  items={plan.activations.map((a) => ({
                    key: a.id,
                    content: `${formatDateTime(a.activatedAt)} · ${a.activatedByName ?? t('commission.system')}`,
                  }))}
                />
              </Card>
            )}
          </div>
        </Col>
      </Row>
    </Card>
  );
}
