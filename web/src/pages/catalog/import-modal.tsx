import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { type ImportJob, TEMPLATE_URL } from '../../catalog-api';
import { XlsxImportModal } from '../../components/xlsx-import-modal';
import { useLocale } from '../../locale-context';

/**
 * 批量导入商品: the shared two-step import (check the whole file, then import it all or only its
 * good rows) on the catalog's template and jobs.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  return (
    <XlsxImportModal
      onClose={onClose}
      source={{
        queryKey: 'catalog-import',
        title: t('catalog.import.title'),
        intro: t('catalog.import.step1'),
        templateUrl: TEMPLATE_URL,
        start: (input) => api.post<{ jobId: string }>('/api/catalog/imports', input),
        fetchJob: (jobId) => api.get<ImportJob>(`/api/catalog/imports/${encodeURIComponent(jobId)}`),
        onCompleted: () => queryClient.invalidateQueries({ queryKey: ['catalog'] }),
        doneText: (job) => t('catalog.import.done', { created: job.created, updated: job.updated }),
      }}
    />
  );
}
