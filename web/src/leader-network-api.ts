import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call, downloadFile } from './api';
import type { ImportMode } from './catalog-api';

/** The referral network, regions and region managers API (推荐关系 / 区域), typed by the generated schema. */

export type UplineItem = ApiResponse<'/api/leaders/{id}/upline'>['items'][number];

export type RecruitItem = ApiResponse<'/api/leaders/{id}/recruits'>['items'][number];

export type TeamFigures = ApiResponse<'/api/leaders/{id}/team'>;

/** A leader as the network shows one; `visible` is false outside the viewer's regions (masked). */
export type LeaderCard = NonNullable<TeamFigures['referrer']>;

type ReferrerPeriodAsDeclared = ApiResponse<'/api/leaders/{id}/referrer-history'>['items'][number];

/**
 * One period under one referrer. The server's schema declares `cause` as a plain string; the stored
 * value is always one of these three, which the page's labels are keyed by.
 */
export type ReferrerPeriod = Omit<ReferrerPeriodAsDeclared, 'cause'> & {
  cause: 'created' | 'moved' | 'imported';
};

export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

const key = ['leaders'] as const;
const enc = encodeURIComponent;

export function useUpline(leaderId: string, at?: string) {
  return useQuery({
    queryKey: [...key, 'network', leaderId, 'upline', at ?? null],
    queryFn: () => call.get('/api/leaders/{id}/upline', { params: { id: leaderId }, query: { at } }),
  });
}

export function fetchRecruits(leaderId: string, range: DayRange) {
  return call.get('/api/leaders/{id}/recruits', { params: { id: leaderId }, query: { ...range } });
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
    queryFn: () => call.get('/api/leaders/{id}/team', { params: { id: leaderId }, query: { ...range } }),
  });
}

export function useReferrerHistory(leaderId: string) {
  return useQuery({
    queryKey: [...key, 'network', leaderId, 'history'],
    queryFn: () =>
      call.get('/api/leaders/{id}/referrer-history', { params: { id: leaderId } }) as Promise<{
        items: ReferrerPeriod[];
      }>,
  });
}

export function useMoveReferrer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { leaderId: string; referrerId: string | null; reason: string }) =>
      call.post('/api/leaders/{id}/move-referrer', {
        params: { id: v.leaderId },
        body: { referrerId: v.referrerId, reason: v.reason },
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
  return call.post('/api/leaders/imports', { body: input });
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
  return call.get('/api/leaders/imports/{id}', { params: { id: jobId } });
}

// Regions (区域) and region managers (区域经理).
export type RegionNode = ApiResponse<'/api/regions/overview'>['items'][number];
export type RegionLevel = RegionNode['level'];
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'district', 'area'];

export type RegionManager = ApiResponse<'/api/regions/{id}/managers'>['items'][number];

export type RegionBody = ApiRequestBody<'/api/regions', 'post'>;

const regionKey = ['regions'] as const;

export function useRegionOverview() {
  return useQuery({
    queryKey: [...regionKey, 'overview'],
    queryFn: () => call.get('/api/regions/overview'),
  });
}

export function useSaveRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; body: RegionBody }) =>
      v.id === null
        ? call.post('/api/regions', { body: v.body })
        : call.patch('/api/regions/{id}', { params: { id: v.id }, body: v.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKey }),
  });
}

export function useRegionManagers(regionId: string | null) {
  return useQuery({
    queryKey: [...regionKey, 'managers', regionId],
    queryFn: () => call.get('/api/regions/{id}/managers', { params: { id: regionId ?? '' } }),
    enabled: regionId !== null,
  });
}

export function useManagerCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...regionKey, 'candidates'],
    queryFn: () => call.get('/api/region-manager-candidates'),
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
        ? call.post('/api/regions/{id}/managers', {
            params: { id: v.regionId },
            body: { userId: v.userId, weight: v.weight },
          })
        : v.kind === 'weight'
          ? call.patch('/api/regions/{id}/managers/{userId}', {
              params: { id: v.regionId, userId: v.userId },
              body: { weight: v.weight },
            })
          : call.post('/api/regions/{id}/managers/{userId}/remove', {
              params: { id: v.regionId, userId: v.userId },
              body: {},
            }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKey }),
  });
}

/** The level ladder (LEVELS' API), for the leaders list's level filter. */
export function useLevelOptions() {
  return useQuery({
    queryKey: ['leader-levels', 'options'],
    queryFn: () => call.get('/api/leader-levels'),
    staleTime: 60_000,
    retry: false,
  });
}
