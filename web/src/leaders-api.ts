import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call } from './api';

/** The leaders API's shapes, taken from the generated schema. */
export type LeaderSummary = ApiResponse<'/api/leaders'>['items'][number];
export type LeaderStatus = LeaderSummary['status'];
export const LEADER_STATUSES: readonly LeaderStatus[] = ['active', 'suspended'];

export type LeaderDetail = ApiResponse<'/api/leaders/{id}'>;

export type PickupPoint = LeaderDetail['pickupPoints'][number];
export type PickupPointStatus = PickupPoint['status'];

export type PickupPointListItem = ApiResponse<'/api/pickup-points'>['items'][number];

export type PickupPointBody = ApiRequestBody<'/api/leaders/{id}/pickup-points', 'post'>;

export type LeaderCreateBody = ApiRequestBody<'/api/leaders', 'post'>;

export type LeaderPatchBody = ApiRequestBody<'/api/leaders/{id}', 'patch'>;

export interface LeaderListParams {
  q: string;
  regionId?: string | undefined;
  status?: LeaderStatus | undefined;
  /** Direct recruits of this leader. */
  referrerId?: string | undefined;
  levelId?: string | undefined;
  page: number;
  pageSize: number;
}

const key = ['leaders'] as const;

export function useLeaderList(params: LeaderListParams) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: () => call.get('/api/leaders', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useLeader(id: string | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => call.get('/api/leaders/{id}', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

/** Pickup points by id, for showing names beside customers; the first 200 cover a demo-sized company. */
export function usePickupPointNames(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'pickup-point-names'],
    queryFn: async () => {
      const page = await call.get('/api/pickup-points', { query: { page: 1, pageSize: 200 } });
      return new Map(page.items.map((p) => [p.id, `${p.name}（${p.leaderName}）`]));
    },
    enabled,
    staleTime: 60_000,
    retry: false,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useSaveLeader() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      v: { id: null; body: LeaderCreateBody } | { id: string; body: LeaderPatchBody },
    ): Promise<LeaderDetail> =>
      v.id === null
        ? call.post('/api/leaders', { body: v.body })
        : call.patch('/api/leaders/{id}', { params: { id: v.id }, body: v.body }),
    onSuccess: invalidate,
  });
}

export function useSetLeaderStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: LeaderStatus }) =>
      status === 'active'
        ? call.post('/api/leaders/{id}/activate', { params: { id }, body: {} })
        : call.post('/api/leaders/{id}/suspend', { params: { id }, body: {} }),
    onSuccess: invalidate,
  });
}

export function useSavePickupPoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { leaderId: string; id: string | null; body: PickupPointBody }) =>
      v.id === null
        ? call.post('/api/leaders/{id}/pickup-points', { params: { id: v.leaderId }, body: v.body })
        : call.patch('/api/pickup-points/{id}', { params: { id: v.id }, body: v.body }),
    onSuccess: invalidate,
  });
}

export function useSetPickupPointStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: PickupPointStatus }) =>
      status === 'active'
        ? call.post('/api/pickup-points/{id}/reopen', { params: { id }, body: {} })
        : call.post('/api/pickup-points/{id}/close', { params: { id }, body: {} }),
    onSuccess: invalidate,
  });
}
