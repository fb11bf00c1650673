import { Alert, Button, Descriptions, Drawer, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import {
  type ApprovedResult,
  useApplication,
  useDecideApplication,
  useRevealApplication,
} from '../../leader-onboarding-api';
import { useLocale } from '../../locale-context';
import { ApplicationStatusTag } from './applications-tab';
import { FirstReviewTag } from './first-review-page';

/** The initial password of an approval, shown this once; the leader must change it at first login. */
function ApprovedModal({ result, onClose }: { result: ApprovedResult; onClose: () => void }) {
  const { t } = useLocale();
  return (
    <Modal
      open
      title={t('applications.approvedTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="approved-close">
          {t('applications.approvedDone')}
        </Button>
      }
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon message={t('applications.passwordOnce')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('applications.leaderCode')}>{result.leader.code}</Descriptions.Item>
        <Descriptions.Item label={t('applications.username')}>
          <Typography.Text copyable data-testid="approved-username">
            {result.login.username}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.initialPassword')}>
          <Typography.Text copyable code data-testid="approved-password">
            {result.login.initialPassword}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.signLink')}>
          <Typography.Text copyable>{`${window.location.origin}/h5/leader/agreement`}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}

function RejectModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideApplication();
  const reportError = useReportError();
  const submit = async () => {
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await decide.mutateAsync({ id, decision: 'reject', reason: v.reason.trim() });
      onClose();
    } catch (e) {
      reportError(e, {
        fields: ['reason'] as const,
        show: (name, text) => form.setFields([{ name, errors: [text] }]),
      });
    }
  };
  return (
    <FormModal
      title={t('applications.reject')}
      submitting={decide.isPending}
      submitTestId="reject-submit"
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('applications.rejectReason')}
          rules={[{ required: true, whitespace: true, message: t('applications.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 申请详情: everything the applicant gave (masked), the audited reveal, and the decision. */
export function ApplicationDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useLocale();
  const detail = useApplication(id);
  const reveal = useRevealApplication();
  const decide = useDecideApplication();
  const reportError = useReportError();
  const [approved, setApproved] = useState<ApprovedResult | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const a = detail.data;
  const shown = reveal.data?.id === id ? reveal.data : null;

  const approve = async () => {
    try {
      const result = await decide.mutateAsync({ id, decision: 'approve' });
      setConfirming(false);
      if ('login' in result) setApproved(result);
    } catch (e) {
      setConfirming(false);
      reportError(e);
    }
  };

  return (
    <Drawer
      open
      width={720}
      title={t('applications.detail')}
      onClose={onClose}
      data-testid="application-detail"
    >
      <QueryError error={detail.error} />
      {!a ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('applications.no')}>{a.applicationNo}</Descriptions.Item>
            <Descriptions.Item label={t('applications.statusTitle')}>
              <span data-testid="application-status">
                <ApplicationStatusTag status={a.status} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.name')}>{a.name}</Descriptions.Item>
            <Descriptions.Item label={t('applications.region')}>{a.regionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('applications.phone')}>
              <span data-testid="application-phone">{shown ? shown.phone : a.phoneMasked}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.idNumber')}>
              <span data-testid="application-id-number">{shown ? shown.idNumber : a.idNumberMasked}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.pickupPoint')} span={2}>
              {a.pickupPointName}
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.address')} span={2}>
              {a.pickupPointAddress}
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.coordinates')}>
              {a.latitude}, {a.longitude}
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.openingHours')}>{a.openingHours}</Descriptions.Item>
            <Descriptions.Item label={t('applications.referrer')}>
              {a.referrer ? `${a.referrer.name}（${a.referrer.code}）` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.submittedAt')}>
              {formatDateTime(a.createdAt)}
            </Descriptions.Item>
            {a.status !== 'pending' && (
              <>
                <Descriptions.Item label={t('applications.decidedBy')}>
                  {a.decidedByName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.decidedAt')}>
                  {formatDateTime(a.decidedAt)}
                </Descriptions.Item>
              </>
            )}
            {a.rejectReason && (
              <Descriptions.Item label={t('applications.rejectReason')} span={2}>
                {a.rejectReason}
              </Descriptions.Item>
            )}
            {a.firstReview && (
              <Descriptions.Item label={t('firstReview.title')} span={2}>
                <span data-testid="application-first-review">
                  <FirstReviewTag review={a.firstReview} />
                </span>
              </Descriptions.Item>
            )}
            {a.leaderCode && (
              <Descriptions.Item label={t('applications.leaderCode')}>{a.leaderCode}</Descriptions.Item>
            )}
            {a.username && (
              <Descriptions.Item label={t('applications.username')}>{a.username}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('applications.submittedFrom')} span={2}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.submittedIp ?? '—'} · {a.submittedUserAgent ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Space style={{ marginTop: 16 }} wrap>
            {!shown && (
              <Button
                onClick={() => reveal.mutateAsync(id).catch((e: unknown) => reportError(e))}
                loading={reveal.isPending}
                data-testid="application-reveal"
              >
                {t('applications.reveal')}
              </Button>
            )}
            {a.status === 'pending' && (
              <>
                <Button type="primary" onClick={() => setConfirming(true)} data-testid="application-approve">
                  {t('applications.approve')}
                </Button>
                <Button danger onClick={() => setRejecting(true)} data-testid="application-reject">
                  {t('applications.reject')}
                </Button>
              </>
            )}
          </Space>
          {shown && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {t('applications.revealAudited')}
            </Typography.Paragraph>
          )}
        </>
      )}
      {approved && <ApprovedModal result={approved} onClose={() => setApproved(null)} />}
      {rejecting && <RejectModal id={id} onClose={() => setRejecting(false)} />}
      {confirming && a && (
        <FormModal
          title={t('applications.approveConfirm', { name: a.name })}
          submitting={decide.isPending}
          submitTestId="approve-confirm"
          onSubmit={() => void approve()}
          onCancel={() => setConfirming(false)}
        >
          {t('applications.approveHint')}
        </FormModal>
      )}
    </Drawer>
  );
}
