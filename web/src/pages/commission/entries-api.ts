import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api';

/**
 * The money path's API (佣金明细, 结算批次) as the console calls it; the shapes mirror the server's
 * response schemas (src/modules/commission/accrual/accrual.schema.ts) by hand.
 */
export type EntryStatus = 'estimated' | 'final' | 'settled' | 'voided';
export const ENTRY_STATUSES: readonly EntryStatus[] = ['estimated', 'final', 'settled', 'voided'];
export const RULES = [
  'direct',
  'differential',
  'peer',
  'generation',
  'recruit_rate',
  'tiered',
  'regional_dividend',
  'hot_product',
  'recruit_bonus',
] as const;
export type Rule = (typeof RULES)[number];

export interface Label {
  zh: string;
  en: string;
}

export interface EntryItem {
  id: string;
  key: string;
  leaderId: string;
  leaderName: string | null;
  leaderCode: string | null;
  rule: string;
  ruleLabel: Label;
  causeType: string;
  orderId: string | null;
  orderLineId: string | null;
  campaignId: string | null;
  skuId: string | null;
  periodKey: string | null;
  planId: string;
  planVersion: number;
  chainPosition: number | null;
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  amountFen: number;
  voidedFen: number;
  clawedBackFen: number;
  keptFen: number;
  status: EntryStatus;
  paidAt: string | null;
  createdAt: string;
  finalAt: string | null;
  settledAt: string | null;
  settlementId: string | null;
  settlementDay: string | null;
}

export interface EntryList {
  items: EntryItem[];
  total: number;
  sums: { amountFen: number; voidedFen: number; clawedBackFen: number; keptFen: number };
}

export interface EntryDetail extends EntryItem {
  planName: string | null;
  productName: string | null;
  quantity: number | null;
  explanation: Label;
  adjustments: Array<{
    refundId: string;
    kind: 'void' | 'clawback';
    quantity: number;
    lineFen: number;
    amountFen: number;
    fromAvailableFen: number;
    toOwedFen: number;
    refundedAt: string;
    at: string;
  }>;
  transfers: Array<{
    key: string;
    amountFen: number;
    /** Entries an accrual transfer carries (this leader's new entries of one accrual); null otherwise. */
    entryCount: number | null;
    /** This entry's part of that accrual transfer. */
    entryShareFen: number | null;
    at: string;
    memo: string | null;
    debit: string;
    credit: string;
  }>;
}

export interface EntryParams {
  leaderId?: string | undefined;
  orderId?: string | undefined;
  rule?: Rule | undefined;
  status?: EntryStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface Settlement {
  id: string;
  day: string;
  entryCount: number;
  leaderCount: number;
  settledFen: number;
  nettedFen: number;
  transferCount: number;
  trigger: string;
  actorName: string | null;
  at: string;
  durationMs: number;
}

export interface SettlementDetail extends Settlement {
  leaders: {
    items: Array<{
      leaderId: string;
      leaderName: string | null;
      leaderCode: string | null;
      entryCount: number;
      settledFen: number;
      nettedFen: number;
      availableFen: number;
    }>;
    total: number;
  };
}

export interface RunResult {
  created: boolean;
  settlement: Settlement;
  freeze: { asOf: string; afterSalesDays: number; orders: number; entries: number } | null;
}

export interface AccrualSettings {
  afterSalesDays: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface RecomputeResult {
  orderId: string;
  orders: number;
  lines: number;
  withoutPlan: number;
  computed: number;
  inserted: number;
  posted: number;
  adjustments: number;
}

const key = ['commission-money'] as const;

export function useEntries(params: EntryParams) {
  return useQuery({
    queryKey: [...key, 'entries', params],
    queryFn: () => api.get<EntryList>('/api/commission/entries', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(id: string | null) {
  return useQuery({
    queryKey: [...key, 'entry', id],
    queryFn: () => api.get<EntryDetail>(`/api/commission/entries/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useRecomputeOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) =>
      api.post<RecomputeResult>(`/api/commission/orders/${encodeURIComponent(orderId)}/recompute`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useSettlements(paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'settlements', paging],
    queryFn: () => api.get<{ items: Settlement[]; total: number }>('/api/commission/settlements', paging),
    placeholderData: keepPreviousData,
  });
}

export function useSettlement(id: string | null, paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'settlement', id, paging],
    queryFn: () =>
      api.get<SettlementDetail>(`/api/commission/settlements/${encodeURIComponent(id ?? '')}`, paging),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRunSettlement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => api.post<RunResult>('/api/commission/settlements/run', { day }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useAccrualSettings() {
  return useQuery({
    queryKey: [...key, 'settings'],
    queryFn: () => api.get<AccrualSettings>('/api/commission/accrual-settings'),
  });
}

export function useSaveAccrualSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { afterSalesDays: number }) =>
      apiRequest<AccrualSettings>('PUT', '/api/commission/accrual-settings', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** 1000 bps → "10%", 250 → "2.5%". */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = Math.abs(bps % 100);
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}
