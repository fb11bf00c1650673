import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { DeliveryStatus, OutboxEvent, Page } from './api-types';

export interface EventListParams {
  type: string;
  status: DeliveryStatus | '';
  page: number;
  pageSize: number;
}

export function useEventList(params: EventListParams) {
  return useQuery({
    queryKey: ['events', 'list', params],
    queryFn: () => api.get<Page<OutboxEvent>>('/api/events', { ...params }),
    placeholderData: keepPreviousData,
  });
}
