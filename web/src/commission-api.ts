import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call } from './api';

/**
 * The commission plan API's shapes, mirrored by hand (the console does not import server code; the
 * engine runs on the server, and the editor's preview asks it through `POST …/preview`).
 */
export type PlanSummary = ApiResponse<'/api/commission/plans'>['items'][number];
export type PlanStatus = PlanSummary['status'];

export type PlanDetail = ApiResponse<'/api/commission/plans/{id}'>;

export type PlanDocument = PlanDetail['document'];

/** One level's rates; `peerBonus` (平级奖) is absent in older plans, where a team rate above 0 decides. */
export type PlanLevel = PlanDocument['levels'][number];

/**
 * The plan with every level's peer bonus setting written out: what an older plan computes (a team
 * rate above 0) becomes an explicit checkbox, so saving it changes nothing.
 */
export function withPeerBonusShown(plan: PlanDocument): PlanDocument {
  return {
    ...plan,
    levels: plan.levels.map((l) => ({ ...l, peerBonus: l.peerBonus ?? l.teamRateBps > 0 })),
  };
}

export type TeamRule = PlanDocument['team'];

export type RecruitRule = NonNullable<PlanDocument['recruit']>;

export type LevelOption = PlanDetail['levels'][number];

export type PreviewResult = ApiResponse<'/api/commission/plans/{id}/preview', 'post'>;

export type PreviewEntry = NonNullable<PreviewResult['entries']>[number];

export type PreviewProblem = PreviewResult['problems'][number];

export type RuleDescription = PreviewResult['description']['zh'][number];

export type PreviewRequest = ApiRequestBody<'/api/commission/plans/{id}/preview', 'post'>;

const key = ['commission', 'plans'] as const;

export function usePlans() {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: () => call.get('/api/commission/plans'),
  });
}

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => call.get('/api/commission/plans/{id}', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

/** Runs the engine on the server for the document being edited; nothing is saved. */
export function usePlanPreview(id: string, request: PreviewRequest | null) {
  return useQuery({
    queryKey: [...key, 'preview', id, request],
    queryFn: () =>
      call.post('/api/commission/plans/{id}/preview', { params: { id }, body: request ?? undefined }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (copyFrom: string | null) =>
      call.post('/api/commission/plans', { body: copyFrom ? { copyFrom } : {} }),
    onSuccess: invalidate,
  });
}

export function useSavePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, document }: { id: string; document: PlanDocument }) =>
      call.put('/api/commission/plans/{id}', { params: { id }, body: document }),
    onSuccess: invalidate,
  });
}

export function usePlanAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'activate' | 'archive' }) =>
      call.post(`/api/commission/plans/{id}/${action}`, { params: { id } }),
    onSuccess: invalidate,
  });
}

export type CampaignOption = ApiResponse<'/api/campaigns'>['items'][number];

/** Campaigns to pick for a hot-product ladder (the latest 100). */
export function useCampaignOptions() {
  return useQuery({
    queryKey: ['commission', 'campaign-options'],
    queryFn: () => call.get('/api/campaigns', { query: { page: 1, pageSize: 100 } }).then((p) => p.items),
    retry: false,
  });
}
