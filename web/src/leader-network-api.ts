import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, downloadFile } from './api';
import type { ImportJob, ImportMode } from './catalog-api';

/** The referral network, regions and region managers API (推荐关系 / 区域), mirrored by hand. */

export interface LeaderCard {
  leaderId: string;
  code: string | null;
  name: string | null;
  status: string | null;
  regionId: string | null;
  regionName: string | null;
  /** False when the leader is outside the viewer's regions (masked). */
  visible: boolean;
}

export interface UplineItem extends LeaderCard {
  depth: number;
}

export interface RecruitItem extends LeaderCard {
  since: string;
  directRecruits: number;
  teamSize: number;
  teamGmvFen: number;
  ownGmvFen: number;
}

export interface TeamFigures {
  leaderId: string;
  referrer: LeaderCard | null;
  size: number;
  gmvFen: number;
  orders: number;
  ownGmvFen: number;
  directRecruits: number;
  depth: number;
}

export interface ReferrerPeriod {
  id: string;
  referrer: LeaderCard | null;
  validFrom: string;
  validTo: string | null;
  cause: 'created' | 'moved' | 'imported';
  reason: string | null;
  actorName: string | null;
}

export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

const key = ['leaders'] as const;
const enc = encodeURIComponent;

export function useUpline(leaderId: string, at?: string) {
  return useQuery({
    queryKey: [...key, 'network', leaderId, 'upline', at ?? null],
    queryFn: () => api.get<{ items: UplineItem[] }>(`/api/leaders/${enc(leaderId)}/upline`, { at }),
  });
}

export function fetchRecruits(leaderId: string, range: DayRange) {
  return api.get<{ items: RecruitItem[] }>(`/api/leaders/${enc(leaderId)}/recruits`, { ...range });
}

export function useRecruits(leaderId: string, range: DayRange) {
  return useQuery({
    queryKey: [...key, 'network', leaderId, 'recruits', range.from ?? null, range.to ?? null],
    queryFn: () => fetchRecruits(leaderId, range),
  });
}

export function useTeam(leaderId: string, range: DayRange & { generations?: number | undefined }) {
  return useQuery({
    queryKey: [
      ...key,
      'network',
      leaderId,
      'team',
      range.from ?? null,
      range.to ?? null,
      range.generations ?? null,
    ],
    queryFn: () => api.get<TeamFigures>(`/api/leaders/${enc(leaderId)}/team`, { ...range }),
  });
}

export function useReferrerHistory(leaderId: string) {
  return useQuery({
    queryKey: [...key, 'network', leaderId, 'history'],
    queryFn: () => api.get<{ items: ReferrerPeriod[] }>(`/api/leaders/${enc(leaderId)}/referrer-history`),
  });
}

export function useMoveReferrer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { leaderId: string; referrerId: string | null; reason: string }) =>
      api.post<{ movedLeaders: number }>(`/api/leaders/${enc(v.leaderId)}/move-referrer`, {
        referrerId: v.referrerId,
        reason: v.reason,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** The leaders list export: a plain GET download with the list's filters; the cookie authorises it. */
export function leadersExportUrl(filter: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  const s = q.toString();
  return `/api/leaders/export${s ? `?${s}` : ''}`;
}

export const LEADER_IMPORT_TEMPLATE_URL = '/api/leaders/import-template';

export function startLeaderImport(input: { fileBase64: string; mode: ImportMode }) {
  return api.post<{ jobId: string }>('/api/leaders/imports', input);
}

/** The bad rows of a finished import, as xlsx with the template's headers and a reason column. */
export function leaderImportErrorsUrl(jobId: string): string {
  return `/api/leaders/imports/${enc(jobId)}/errors.xlsx`;
}

/** Downloads, once, the sheet of the logins and one-time passwords an import made (then erased). */
export function downloadLeaderImportLogins(jobId: string): Promise<void> {
  return downloadFile('POST', `/api/leaders/imports/${enc(jobId)}/logins`, 'leader-logins.xlsx');
}

export function fetchLeaderImport(jobId: string) {
  return api.get<ImportJob>(`/api/leaders/imports/${enc(jobId)}`);
}

// Regions (区域) and region managers (区域经理).
export type RegionLevel = 'province' | 'city' | 'district' | 'area';
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'district', 'area'];

export interface RegionNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  level: RegionLevel;
  sortOrder: number;
  createdAt: string;
  leaderCount: number;
  pickupPointCount: number;
  managers: { userId: string; username: string; displayName: string; weight: number }[];
}

export interface RegionManager {
  regionId: string;
  userId: string;
  username: string;
  displayName: string;
  leaderId: string | null;
  leaderName: string | null;
  leaderCode: string | null;
  weight: number;
  shareBps: number;
  createdAt: string;
}

export interface RegionBody {
  code: string;
  name: string;
  parentId: string | null;
  level: RegionLevel;
  sortOrder?: number;
}

const regionKey = ['regions'] as const;

export function useRegionOverview() {
  return useQuery({
    queryKey: [...regionKey, 'overview'],
    queryFn: () => api.get<{ items: RegionNode[] }>('/api/regions/overview'),
  });
}

export function useSaveRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; body: Partial<RegionBody> }) =>
      v.id === null
        ? api.post<RegionNode>('/api/regions', v.body)
        : apiRequest<RegionNode>('PATCH', `/api/regions/${enc(v.id)}`, { body: v.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKey }),
  });
}

export function useRegionManagers(regionId: string | null) {
  return useQuery({
    queryKey: [...regionKey, 'managers', regionId],
    queryFn: () => api.get<{ items: RegionManager[] }>(`/api/regions/${enc(regionId ?? '')}/managers`),
    enabled: regionId !== null,
  });
}

export function useManagerCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...regionKey, 'candidates'],
    queryFn: () =>
      api.get<{ items: { id: string; username: string; displayName: string }[] }>(
        '/api/region-manager-candidates',
      ),
    enabled,
  });
}

export function useChangeManagers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      v:
        | { kind: 'assign'; regionId: string; userId: string; weight: number }
        | { kind: 'weight'; regionId: string; userId: string; weight: number }
        | { kind: 'remove'; regionId: string; userId: string },
    ) =>
      v.kind === 'assign'
        ? api.post<{ items: RegionManager[] }>(`/api/regions/${enc(v.regionId)}/managers`, {
            userId: v.userId,
            weight: v.weight,
          })
        : v.kind === 'weight'
          ? apiRequest<{ items: RegionManager[] }>(
              'PATCH',
              `/api/regions/${enc(v.regionId)}/managers/${enc(v.userId)}`,
              { body: { weight: v.weight } },
            )
          : api.post<{ items: RegionManager[] }>(
              `/api/regions/${enc(v.regionId)}/managers/${enc(v.userId)}/remove`,
              {},
            ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKey }),
  });
}

/** The level ladder (LEVELS' API), for the leaders list's level filter. */
export function useLevelOptions() {
  return useQuery({
    queryKey: ['leader-levels', 'options'],
    queryFn: () =>
      api.get<{ items: { id: string; nameZh: string; nameEn: string; rank: number }[] }>(
        '/api/leader-levels',
      ),
    staleTime: 60_000,
    retry: false,
  });
}
