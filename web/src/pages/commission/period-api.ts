import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/**
 * The period runs (月结), the "why" views and the simulation (试算), as the console calls them; the
 * shapes mirror the server's response schemas (src/modules/commission/period/period.schema.ts).
 */

export interface Label {
  zh: string;
  en: string;
}

export type RunKind = 'month_close' | 'hot_product' | 'recruit_check';

export interface PeriodRun {
  id: string;
  kind: RunKind;
  period: string;
  trigger: string;
  planId: string | null;
  planVersion: number | null;
  entriesComputed: number;
  entriesNew: number;
  computedFen: number;
  newFen: number;
  transfersPosted: number;
  report: Record<string, unknown>;
  actorName: string | null;
  at: string;
  durationMs: number;
}

export interface CommissionEntry {
  id: string;
  key: string;
  rule: string;
  ruleLabel: Label;
  causeType: string;
  beneficiaryId: string;
  beneficiaryName: string | null;
  beneficiaryCode: string | null;
  orderId: string | null;
  orderRef: string | null;
  orderLineId: string | null;
  productName: string | null;
  quantity: number | null;
  periodKey: string | null;
  planVersion: number;
  chainPosition: number | null;
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  amountFen: number;
  voidedFen: number;
  clawedBackFen: number;
  netFen: number;
  status: string;
  paidAt: string | null;
  createdAt: string;
  finalAt: string | null;
  settledAt: string | null;
  text: Label;
}

export interface RuleTotal {
  rule: string;
  ruleLabel: Label;
  entries: number;
  amountFen: number;
  netFen: number;
}

export interface RunDetail {
  run: PeriodRun;
  byRule: RuleTotal[];
  entries: CommissionEntry[];
}

export interface EntryWhy {
  entry: CommissionEntry;
  chain: CommissionEntry[];
  transfers: Array<{
    key: string;
    amountFen: number;
    at: string;
    memo: string | null;
    debit: string;
    credit: string;
  }>;
  adjustments: Array<{ refundId: string; kind: string; quantity: number; amountFen: number; at: string }>;
}

export interface LeaderWhy {
  leader: { id: string; name: string; code: string };
  month: string;
  totalFen: number;
  netFen: number;
  byRule: RuleTotal[];
  entries: CommissionEntry[];
}

export interface SimulationCost {
  totalFen: number;
  lineFen: number;
  periodFen: number;
  percentOfGmv: number;
}

export interface SimulationResult {
  plan: { id: string; version: number; name: string };
  baselinePlan: { id: string; version: number; name: string } | null;
  from: string;
  to: string;
  totals: { lines: number; orders: number; leaders: number; gmvFen: number };
  hasBaseline: boolean;
  draft: SimulationCost;
  baseline: SimulationCost;
  diff: SimulationCost;
  byRule: Array<{
    rule: string;
    estimated: boolean;
    draftFen: number;
    baselineFen: number;
    diffFen: number;
    draftEntries: number;
  }>;
  byLevel: Array<{
    levelId: string | null;
    levelName: string | null;
    levelNameEn: string | null;
    draftFen: number;
    baselineFen: number;
    diffFen: number;
  }>;
  topEarners: Array<{
    leaderId: string;
    name: string;
    code: string | null;
    draftFen: number;
    baselineFen: number;
    diffFen: number;
    draftEntries: number;
  }>;
  elapsedMs: number;
}

const key = ['commission', 'periods'] as const;

export function usePeriodRuns(params: { kind?: RunKind; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'runs', params],
    queryFn: () => api.get<{ items: PeriodRun[]; total: number }>('/api/commission/period-runs', params),
    placeholderData: keepPreviousData,
  });
}

export function usePeriodRun(id: string | null) {
  return useQuery({
    queryKey: [...key, 'run', id],
    queryFn: () => api.get<RunDetail>(`/api/commission/period-runs/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

function useRunMutation<B>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<PeriodRun>(path, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useCloseMonth = () =>
  useRunMutation<{ month: string }>('/api/commission/period-runs/month-close');
export const useRunHotProducts = () =>
  useRunMutation<{ campaignId: string }>('/api/commission/period-runs/hot-products');
export const useRunRecruitCheck = () =>
  useRunMutation<Record<string, never>>('/api/commission/period-runs/recruit-check');

export function useEntryWhy(id: string | null) {
  return useQuery({
    queryKey: [...key, 'entry-why', id],
    queryFn: () => api.get<EntryWhy>(`/api/commission/entries/${encodeURIComponent(id ?? '')}/why`),
    enabled: id !== null,
  });
}

export function useLeaderWhy(leaderId: string | null, month: string) {
  return useQuery({
    queryKey: [...key, 'leader-why', leaderId, month],
    queryFn: () =>
      api.get<LeaderWhy>(`/api/commission/leaders/${encodeURIComponent(leaderId ?? '')}/why`, { month }),
    enabled: leaderId !== null,
  });
}

export function useSimulate() {
  return useMutation({
    mutationFn: (body: { planId: string; from: string; to: string }) =>
      api.post<SimulationResult>('/api/commission/simulations', body),
  });
}
