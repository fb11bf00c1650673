import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call } from './api';

export interface AuditFilters {
  actor: string;
  action: string;
  entityType: string;
  /** ISO timestamps, or empty for an open end. */
  from: string;
  to: string;
}

export interface AuditListParams extends AuditFilters {
  page: number;
  pageSize: number;
}

export function useAuditList(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: () => call.get('/api/audit', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** Verification walks the whole chain, so it runs only when asked, never on page load. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => call.get('/api/audit/verify') });
}
