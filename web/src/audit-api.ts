import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { AuditRecord, AuditVerifyResult, Page } from './api-types';

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
    queryFn: () => api.get<Page<AuditRecord>>('/api/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Verification walks the whole chain, so it runs only when asked, never on page load. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify') });
}
