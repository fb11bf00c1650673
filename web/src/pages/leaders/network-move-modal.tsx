import { App as AntApp, Checkbox, Form, Input, Typography } from 'antd';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { useMoveReferrer } from '../../leader-network-api';
import type { LeaderDetail } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { LeaderSearchSelect } from './leader-search-select';

interface Values {
  referrerId?: string;
  top: boolean;
  reason: string;
}

/**
 * 调整推荐人 (leaders.admin): the leader and their whole team move under another referrer, with a
 * reason. The server refuses a referrer inside the leader's own team (a cycle) and keeps the history.
 */
export function NetworkMoveModal({
  leader,
  teamSize,
  onClose,
}: {
  leader: LeaderDetail;
  teamSize: number;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveReferrer();
  const reportError = useReportError();
  const top = Form.useWatch('top', form) ?? false;

  const submit = async () => {
    const v = await form.validateFields();
    move.mutate(
      { leaderId: leader.id, referrerId: v.top ? null : (v.referrerId ?? null), reason: v.reason },
      {
        onSuccess: (r) => {
          message.success(t('network.move.done', { count: r.movedLeaders }));
          onClose();
        },
        onError: (e) => reportError(e, formTarget(form, ['referrerId', 'reason'] as const)),
      },
    );
  };

  return (
    <FormModal
      title={t('network.move.title', { name: leader.name })}
      submitting={move.isPending}
      submitTestId="network-move-submit"
      onSubmit={() => void submit().catch(() => {})}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('network.move.explain', { size: teamSize + 1 })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ top: false, reason: '' }}>
        <Form.Item name="top" valuePropName="checked">
          <Checkbox data-testid="network-move-top">{t('network.move.top')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="referrerId"
          label={t('network.move.target')}
          rules={top ? [] : [{ required: true, message: t('network.move.target') }]}
        >
          <LeaderSearchSelect
            disabled={top}
            placeholder={t('network.move.targetPlaceholder')}
            testId="network-move-target"
            excludeId={leader.id}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('network.move.reason')}
          rules={[{ required: true, whitespace: true, message: t('network.move.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="network-move-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
