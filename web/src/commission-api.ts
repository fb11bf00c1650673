import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './api';

/**
 * The commission plan API's shapes, mirrored by hand (the console does not import server code; the
 * engine runs on the server, and the editor's preview asks it through `POST …/preview`).
 */
export type PlanStatus = 'draft' | 'active' | 'archived';

export interface PlanLevel {
  levelId: string;
  directRateBps: number;
  categoryRates: Array<{ categoryId: string; rateBps: number }>;
  skuRates: Array<{ skuId: string; rateBps: number }>;
  skuFixed: Array<{ skuId: string; perUnitFen: number }>;
  teamRateBps: number;
  /** Whether the level earns peer bonus (平级奖); absent in older plans, where a team rate above 0 decides. */
  peerBonus?: boolean;
}

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

export type TeamRule =
  | { mode: 'none' }
  | { mode: 'differential'; peerRateBps: number; peerGenerations: number }
  | { mode: 'generations'; generationRatesBps: number[] };

export interface RecruitRule {
  thresholdFen: number;
  withinDays: number;
  bonusFen: number;
  rateBps: number;
  rateDays: number;
}

export interface PlanDocument {
  name: string;
  depthCap: number;
  allowDepthAboveDefault: boolean;
  selfPurchaseEarnsDirect: boolean;
  levels: PlanLevel[];
  team: TeamRule;
  recruit: RecruitRule | null;
  tiered: { mode: 'whole' | 'marginal'; tiers: Array<{ fromFen: number; rateBps: number }> } | null;
  regional: { rateBps: number } | null;
  hotProducts: Array<{
    campaignId: string;
    skuId: string;
    steps: Array<{ minUnits: number; perUnitFen: number }>;
  }>;
}

export interface PlanSummary {
  id: string;
  version: number;
  name: string;
  status: PlanStatus;
  copiedFromId: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
  archivedAt: string | null;
}

export interface LevelOption {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  rank: number;
  status: string;
}

export interface RuleDescription {
  kind: string;
  title: string;
  lines: string[];
}

export interface PlanDetail extends PlanSummary {
  document: PlanDocument;
  levels: LevelOption[];
  activations: Array<{
    id: string;
    planId: string;
    version: number;
    activatedAt: string;
    activatedByName: string | null;
  }>;
  description: { zh: RuleDescription[]; en: RuleDescription[] };
  worstCaseBps: number;
}

export interface PreviewEntry {
  key: string;
  beneficiaryId: string;
  rule: 'direct' | 'differential' | 'peer' | 'generation' | 'recruit_rate';
  chainPosition: number;
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  amountFen: number;
  sentence: { zh: string; en: string };
}

export interface PreviewProblem {
  code: string;
  field: string;
  detail: string;
  message: string;
  messageZh: string;
}

export interface PreviewResult {
  problems: PreviewProblem[];
  entries: PreviewEntry[] | null;
  totalFen: number;
  worstCaseBps: number | null;
  description: { zh: RuleDescription[]; en: RuleDescription[] };
}

export interface PreviewRequest {
  document: PlanDocument;
  chain: Array<{ levelId: string | null }>;
  line: { baseFen: number; quantity: number; selfPurchase: boolean };
}

const key = ['commission', 'plans'] as const;

export function usePlans() {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: () => api.get<{ items: PlanSummary[] }>('/api/commission/plans'),
  });
}

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => api.get<PlanDetail>(`/api/commission/plans/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

/** Runs the engine on the server for the document being edited; nothing is saved. */
export function usePlanPreview(id: string, request: PreviewRequest | null) {
  return useQuery({
    queryKey: [...key, 'preview', id, request],
    queryFn: () =>
      api.post<PreviewResult>(
        `/api/commission/plans/${encodeURIComponent(id)}/preview`,
        request ?? undefined,
      ),
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
      api.post<PlanDetail>('/api/commission/plans', copyFrom ? { copyFrom } : {}),
    onSuccess: invalidate,
  });
}

export function useSavePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, document }: { id: string; document: PlanDocument }) =>
      apiRequest<PlanDetail>('PUT', `/api/commission/plans/${encodeURIComponent(id)}`, { body: document }),
    onSuccess: invalidate,
  });
}

export function usePlanAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'activate' | 'archive' }) =>
      api.post<PlanDetail>(`/api/commission/plans/${encodeURIComponent(id)}/${action}`),
    onSuccess: invalidate,
  });
}

export interface CampaignOption {
  id: string;
  code: string;
  name: string;
}

/** Campaigns to pick for a hot-product ladder (the latest 100). */
export function useCampaignOptions() {
  return useQuery({
    queryKey: ['commission', 'campaign-options'],
    queryFn: () =>
      api.get<{ items: CampaignOption[] }>('/api/campaigns', { page: 1, pageSize: 100 }).then((p) => p.items),
    retry: false,
  });
}
