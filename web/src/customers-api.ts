import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type ApiResponse, call } from './api';

/** A customer as the list shows one. Phones arrive masked; the full one only on request. */
export type Customer = ApiResponse<'/api/customers'>['items'][number];

export interface CustomerListParams {
  q: string;
  page: number;
  pageSize: number;
}

export function useCustomerList(params: CustomerListParams) {
  return useQuery({
    queryKey: ['customers', 'list', params],
    queryFn: () => call.get('/api/customers', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** Asks for one full number; the server records the view in the audit log. Never cached. */
export function useRevealPhone() {
  return useMutation({
    mutationFn: (id: string) => call.post('/api/customers/{id}/reveal-phone', { params: { id }, body: {} }),
  });
}
