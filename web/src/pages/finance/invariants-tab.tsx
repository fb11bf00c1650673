import { Alert, Button, List, Space, Table, Typography } from 'antd';
import { useReportError } from '../../api-errors';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { useInvariantCheck } from './finance-api';

/** 账务校验: runs the ledger's invariant check on demand and lists every problem it finds. */
export function InvariantsTab() {
  const { t, lang } = useLocale();
  const check = useInvariantCheck();
  const reportError = useReportError();
  const r = check.data;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('finance.checkIntro')}</Typography.Paragraph>
      <Button
        type="primary"
        loading={check.isPending}
        onClick={() => check.mutate(undefined, { onError: (e) => reportError(e) })}
        data-testid="invariants-run"
        style={{ marginBottom: 16 }}
      >
        {t('finance.runCheck')}
      </Button>
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="invariants-result">
          <Alert
            showIcon
            type={r.ok ? 'success' : 'error'}
            data-testid={r.ok ? 'invariants-ok' : 'invariants-failed'}
            title={
              r.ok
                ? t('finance.checkOk', {
                    accounts: r.accounts,
                    transfers: r.transfers,
                    sum: formatYuan(r.sumFen),
                  })
                : t('finance.checkFailed', { count: r.problems.length })
            }
            description={formatDateTime(r.checkedAt)}
          />
          <Table
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={r.checks}
            columns={[
              {
                title: t('finance.check.name'),
                dataIndex: 'name',
                render: (n: string) => t(`finance.check.${n}` as MessageKey),
              },
              { title: t('finance.check.problems'), dataIndex: 'problems', align: 'right' },
            ]}
          />
          {r.problems.length > 0 && (
            <List
              bordered
              data-testid="invariants-problems"
              dataSource={r.problems}
              renderItem={(p) => (
                <List.Item>
                  <Typography.Text type="danger">{lang === 'zh' ? p.messageZh : p.message}</Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </>
  );
}
