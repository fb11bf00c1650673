import { useQueryClient } from '@tanstack/react-query';
import { XlsxImportModal } from '../../components/xlsx-import-modal';
import {
  downloadLeaderImportLogins,
  fetchLeaderImport,
  LEADER_IMPORT_TEMPLATE_URL,
  leaderImportErrorsUrl,
  startLeaderImport,
} from '../../leader-network-api';
import { useLocale } from '../../locale-context';

/** 批量导入团长: the shared two-step xlsx import on the leaders template (referrers included). */
export function LeaderImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  return (
    <XlsxImportModal
      onClose={onClose}
      source={{
        queryKey: 'leader-import',
        title: t('network.import.title'),
        intro: t('network.import.intro'),
        templateUrl: LEADER_IMPORT_TEMPLATE_URL,
        start: startLeaderImport,
        fetchJob: fetchLeaderImport,
        onCompleted: () => queryClient.invalidateQueries({ queryKey: ['leaders'] }),
        doneText: (job) => t('network.import.done', { created: job.created }),
        errorsUrl: leaderImportErrorsUrl,
        logins: {
          download: downloadLeaderImportLogins,
          label: t('network.import.logins'),
          hint: t('network.import.loginsHint'),
          downloadedText: (at) => t('network.import.loginsDownloaded', { at }),
        },
      }}
    />
  );
}
