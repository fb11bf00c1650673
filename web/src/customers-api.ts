import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Page } from './api-types';

/** The customers API's shapes, mirrored by hand. Phones arrive masked; the full one only on request. */
export interface Customer {
  id: string;
  phoneMasked: string;
  name: string | null;
  defaultPickupPointId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerListParams {
  q: string;
  page: number;
  pageSize: number;
}

export function useCustomerList(params: CustomerListParams) {
  return useQuery({
    queryKey: ['customers', 'list', params],
    queryFn: () => api.get<Page<Customer>>('/api/customers', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Asks for one full number; the server records the view in the audit log. Never cached. */
export function useRevealPhone() {
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ id: string; phone: string }>(`/api/customers/${encodeURIComponent(id)}/reveal-phone`, {}),
  });
}
