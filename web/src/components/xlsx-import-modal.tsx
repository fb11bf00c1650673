import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useReportError } from '../api-errors';
import { fileToBase64, type ImportJob, type ImportMode, type RowError } from '../catalog-api';
import { useLocale } from '../locale-context';

/** What differs between imports (products, leaders ...): the words, the template and the two calls. */
export interface XlsxImportSource {
  /** The react-query key of this import's jobs. */
  queryKey: string;
  title: string;
  /** Step 1's text: what one row is and what happens to existing records. */
  intro: string;
  templateUrl: string;
  start(input: { fileBase64: string; mode: ImportMode }): Promise<{ jobId: string }>;
  fetchJob(jobId: string): Promise<ImportJob>;
  /** Called once a job has completed (to refresh lists). */
  onCompleted?(): Promise<unknown> | undefined;
  doneText(job: ImportJob): string;
  /** Where a finished job's bad rows download as xlsx (the template's headers and a reason), if offered. */
  errorsUrl?(jobId: string): string;
  /** The logins an import made (leaders): the one-time download of their passwords. */
  logins?: {
    download(jobId: string): Promise<void>;
    label: string;
    hint: string;
    downloadedText(at: string): string;
  };
}

/**
 * Import in two steps, for every xlsx import: the file is first checked as a whole (mode `validate`)
 * and its row-by-row report shown; only then does the operator import it all (when clean) or only
 * its good rows. The server's shared import runner (src/platform/imports) answers both.
 */
export function XlsxImportModal({ source, onClose }: { source: XlsxImportSource; onClose: () => void }) {
  const { t, lang } = useLocale();
  const reportError = useReportError();
  const start = useMutation({ mutationFn: source.start });
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery({
    queryKey: [source.queryKey, jobId],
    enabled: jobId !== null,
    queryFn: async () => {
      const j = await source.fetchJob(jobId ?? '');
      if (j.status === 'completed') await source.onCompleted?.();
      return j;
    },
    // Polls a running import twice a second for the progress bar; stops when the job has finished.
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
  const current: ImportJob | undefined = job.data;
  const downloadLogins = useMutation({
    mutationFn: (id: string) => source.logins?.download(id) ?? Promise.resolve(),
    onSuccess: () => job.refetch(),
    onError: (error) => reportError(error),
  });
  const running = start.isPending || current?.status === 'running' || (jobId !== null && !current);

  const run = (base64: string, mode: ImportMode) => {
    setJobId(null);
    start.mutate(
      { fileBase64: base64, mode },
      { onSuccess: (r) => setJobId(r.jobId), onError: (error) => reportError(error) },
    );
  };

  const pick = async (picked: File) => {
    const base64 = await fileToBase64(picked);
    setFile({ name: picked.name, base64 });
    run(base64, 'validate');
    return false;
  };

  const percent =
    current && current.totalRows > 0 ? Math.floor((current.processedRows / current.totalRows) * 100) : 0;
  const validated = current?.status === 'validated';

  return (
    <Modal
      open
      width={860}
      title={source.title}
      onCancel={onClose}
      mask={{ closable: !running }}
      footer={[
        <Button key="close" onClick={onClose} disabled={running} data-testid="import-close">
          {t('catalog.import.close')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text>{source.intro}</Typography.Text>
        <Button icon={<DownloadOutlined />} href={source.templateUrl} data-testid="import-template">
          {t('catalog.import.template')}
        </Button>
        <Typography.Text>{t('catalog.import.step2')}</Typography.Text>
        <div data-testid="import-file">
          <Upload accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={pick} disabled={running}>
            <Button icon={<UploadOutlined />} disabled={running}>
              {file ? file.name : t('catalog.import.choose')}
            </Button>
          </Upload>
        </div>
        {current && (
          <div data-testid="import-progress">
            <Progress percent={percent} status={current.status === 'failed' ? 'exception' : undefined} />
            <Typography.Text type="secondary">
              {current.status === 'running'
                ? t(current.mode === 'validate' ? 'catalog.import.validating' : 'catalog.import.importing')
                : t('catalog.import.progress', {
                    processed: current.processedRows,
                    total: current.totalRows,
                  })}
            </Typography.Text>
          </div>
        )}
        {current && validated && current.errorCount === 0 && (
          <Alert type="success" showIcon title={t('catalog.import.valid', { total: current.totalRows })} />
        )}
        {current && validated && current.errorCount > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="import-invalid"
            title={t('catalog.import.invalid', { total: current.totalRows, count: current.errorCount })}
          />
        )}
        {current?.status === 'completed' && (
          <Alert type="success" showIcon data-testid="import-done" title={source.doneText(current)} />
        )}
        {current && source.logins && current.logins?.downloadable && (
          <Alert
            type="warning"
            showIcon
            data-testid="import-logins"
            title={source.logins.hint}
            action={
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={downloadLogins.isPending}
                onClick={() => downloadLogins.mutate(current.id)}
                data-testid="import-logins-download"
              >
                {source.logins.label}
              </Button>
            }
          />
        )}
        {current && source.logins && current.logins?.downloadedAt && (
          <Alert
            type="info"
            showIcon
            data-testid="import-logins-downloaded"
            title={source.logins.downloadedText(new Date(current.logins.downloadedAt).toLocaleString())}
          />
        )}
        {current?.status === 'rejected' && (
          <Alert type="error" showIcon title={t('catalog.import.rejected')} />
        )}
        {current?.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('catalog.import.failed', { message: current.message ?? '' })}
          />
        )}
        {file && validated && (
          <Space>
            {current.errorCount === 0 ? (
              <Button type="primary" onClick={() => run(file.base64, 'import_all')} data-testid="import-all">
                {t('catalog.import.importAll')}
              </Button>
            ) : (
              <Button
                type="primary"
                onClick={() => run(file.base64, 'import_valid_rows')}
                data-testid="import-valid"
              >
                {t('catalog.import.importValid')}
              </Button>
            )}
          </Space>
        )}
        {current && current.errorCount > 0 && current.status !== 'running' && source.errorsUrl && (
          <Button
            icon={<DownloadOutlined />}
            href={source.errorsUrl(current.id)}
            data-testid="import-errors-download"
          >
            {t('network.import.errorsXlsx')}
          </Button>
        )}
        {current && current.errors.length > 0 && (
          <Table<RowError>
            size="small"
            data-testid="import-errors"
            rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
            dataSource={current.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            footer={
              current.errorCount > current.errors.length
                ? () =>
                    t('catalog.import.moreErrors', {
                      shown: current.errors.length,
                      count: current.errorCount,
                    })
                : undefined
            }
            columns={[
              { title: t('catalog.import.row'), dataIndex: 'row', width: 80 },
              {
                title: t('catalog.import.field'),
                key: 'field',
                width: 160,
                render: (_, e) => e.column ?? e.field,
              },
              {
                title: t('catalog.import.error'),
                key: 'message',
                render: (_, e) => (lang === 'zh' ? e.messageZh : e.message),
              },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
