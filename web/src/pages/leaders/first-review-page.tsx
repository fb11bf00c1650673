import { Button, Card, Input, Modal, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import {
  type ApplicationListItem,
  type FirstReviewVerdict,
  useFirstReview,
  useFirstReviewQueue,
} from '../../leader-onboarding-api';
import { useLocale } from '../../locale-context';
import { ApplicationStatusTag } from './applications-tab';

/** The recommendation a first review recorded, as a tag (建议通过 / 建议拒绝). */
export function FirstReviewTag({ review }: { review: ApplicationListItem['firstReview'] }) {
  const { t } = useLocale();
  if (!review) return <>—</>;
  return (
    <Space size={4} direction="vertical">
      <Tag color={review.verdict === 'approve' ? 'success' : 'warning'}>
        {t(`firstReview.verdict.${review.verdict}`)}
        {review.byName ? ` · ${review.byName}` : ''}
      </Tag>
      {review.note && <Typography.Text type="secondary">{review.note}</Typography.Text>}
    </Space>
  );
}

/**
 * 初审: a region manager's queue of the applications in their regions, when the company turns first
 * review on. They recommend approving or rejecting, with a note; the operator decides.
 */
export function FirstReviewPage() {
  const { t } = useLocale();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const queue = useFirstReviewQueue({ status: 'pending', ...paging });
  const review = useFirstReview();
  const reportError = useReportError();
  const [target, setTarget] = useState<{ app: ApplicationListItem; verdict: FirstReviewVerdict } | null>(
    null,
  );
  const [note, setNote] = useState('');
  const submit = async () => {
    if (!target) return;
    try {
      await review.mutateAsync({ id: target.app.id, verdict: target.verdict, note });
      setTarget(null);
      setNote('');
    } catch (e) {
      reportError(e);
    }
  };
  const columns: TableProps<ApplicationListItem>['columns'] = [
    { title: t('applications.no'), dataIndex: 'applicationNo', key: 'no' },
    { title: t('applications.name'), dataIndex: 'name', key: 'name' },
    { title: t('applications.phone'), dataIndex: 'phoneMasked', key: 'phone' },
    { title: t('applications.region'), key: 'region', render: (_, a) => a.regionName ?? '—' },
    { title: t('applications.pickupPoint'), dataIndex: 'pickupPointName', key: 'pp' },
    {
      title: t('applications.statusTitle'),
      key: 'status',
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
    { title: t('applications.submittedAt'), key: 'at', render: (_, a) => formatDateTime(a.createdAt) },
    { title: t('firstReview.title'), key: 'fr', render: (_, a) => <FirstReviewTag review={a.firstReview} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space>
          <Button
            size="small"
            type="primary"
            onClick={() => setTarget({ app: a, verdict: 'approve' })}
            data-testid={`first-review-approve-${a.applicationNo}`}
          >
            {t('firstReview.verdict.approve')}
          </Button>
          <Button
            size="small"
            danger
            onClick={() => setTarget({ app: a, verdict: 'reject' })}
            data-testid={`first-review-reject-${a.applicationNo}`}
          >
            {t('firstReview.verdict.reject')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('nav.firstReview')}>
      <Typography.Paragraph type="secondary">{t('firstReview.hint')}</Typography.Paragraph>
      <QueryError error={queue.error} />
      <Table<ApplicationListItem>
        rowKey="id"
        size="small"
        data-testid="first-review-table"
        columns={columns}
        dataSource={queue.data?.items}
        loading={queue.isFetching}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: queue.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => setPaging((c) => ({ page: p.current ?? 1, pageSize: p.pageSize ?? c.pageSize }))}
      />
      <Modal
        open={target !== null}
        title={target ? `${t(`firstReview.verdict.${target.verdict}`)} · ${target.app.name}` : ''}
        okButtonProps={{ loading: review.isPending, ...{ 'data-testid': 'first-review-submit' } }}
        onOk={() => void submit()}
        onCancel={() => setTarget(null)}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          placeholder={t('firstReview.note')}
          onChange={(e) => setNote(e.target.value)}
          data-testid="first-review-note"
        />
      </Modal>
    </Card>
  );
}
