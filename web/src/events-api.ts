import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from './api';
import type { DeliveryStatus } from './api-types';

export interface EventListParams {
  type: string;
  status: DeliveryStatus | '';
  page: number;
  pageSize: number;
}

export function useEventList(params: EventListParams) {
  return useQuery({
    queryKey: ['events', 'list', params],
    queryFn: () => call.get('/api/events', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}
