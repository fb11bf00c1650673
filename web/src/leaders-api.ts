import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './api';
import type { Page } from './api-types';

/** The leaders API's shapes, mirrored by hand (the console does not import server code). */
export type LeaderStatus = 'active' | 'suspended';
export const LEADER_STATUSES: readonly LeaderStatus[] = ['active', 'suspended'];
export type PickupPointStatus = 'active' | 'closed';

export interface PickupPoint {
  id: string;
  leaderId: string;
  name: string;
  address: string;
  regionId: string;
  regionName: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: string;
  capacity: number | null;
  status: PickupPointStatus;
  createdAt: string;
  updatedAt: string;
}

export interface PickupPointListItem extends PickupPoint {
  leaderCode: string;
  leaderName: string;
}

interface LeaderFields {
  id: string;
  code: string;
  name: string;
  phoneMasked: string;
  regionId: string;
  regionName: string | null;
  status: LeaderStatus;
  userId: string | null;
  /** The current referrer (推荐人); its code and name in lists. */
  referrerId: string | null;
  referrerCode?: string | null;
  referrerName?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LeaderSummary extends LeaderFields {
  pickupPointCount: number;
  activePickupPointCount: number;
}

export interface LeaderDetail extends LeaderFields {
  pickupPoints: PickupPoint[];
}

export interface PickupPointBody {
  name: string;
  address: string;
  regionId?: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: string;
  capacity: number | null;
}

export interface LeaderCreateBody {
  name: string;
  phone: string;
  regionId: string;
  /** 推荐人: the leader who recruited them; null or absent for a top-level leader. */
  referrerId?: string | null;
  pickupPoint: PickupPointBody;
}

export interface LeaderPatchBody {
  name?: string;
  phone?: string;
  regionId?: string;
}

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
    queryFn: () => api.get<Page<LeaderSummary>>('/api/leaders', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useLeader(id: string | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => api.get<LeaderDetail>(`/api/leaders/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

/** Pickup points by id, for showing names beside customers; the first 200 cover a demo-sized company. */
export function usePickupPointNames(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'pickup-point-names'],
    queryFn: async () => {
      const page = await api.get<Page<PickupPointListItem>>('/api/pickup-points', { page: 1, pageSize: 200 });
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
        ? api.post<LeaderDetail>('/api/leaders', v.body)
        : apiRequest<LeaderDetail>('PATCH', `/api/leaders/${encodeURIComponent(v.id)}`, { body: v.body }),
    onSuccess: invalidate,
  });
}

export function useSetLeaderStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: LeaderStatus }) =>
      api.post<LeaderDetail>(
        `/api/leaders/${encodeURIComponent(id)}/${status === 'active' ? 'activate' : 'suspend'}`,
        {},
      ),
    onSuccess: invalidate,
  });
}

export function useSavePickupPoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { leaderId: string; id: string | null; body: PickupPointBody }) =>
      v.id === null
        ? api.post<PickupPoint>(`/api/leaders/${encodeURIComponent(v.leaderId)}/pickup-points`, v.body)
        : apiRequest<PickupPoint>('PATCH', `/api/pickup-points/${encodeURIComponent(v.id)}`, {
            body: v.body,
          }),
    onSuccess: invalidate,
  });
}

export function useSetPickupPointStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: PickupPointStatus }) =>
      api.post<PickupPoint>(
        `/api/pickup-points/${encodeURIComponent(id)}/${status === 'active' ? 'reopen' : 'close'}`,
        {},
      ),
    onSuccess: invalidate,
  });
}
