import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiResponse, call } from '../../api';

/**
 * The money path's API (佣金明细, 结算批次) as the console calls it; the shapes come from the generated
 * schema (src/modules/commission/accrual/accrual.schema.ts on the server).
 */
export type EntryStatus = ApiResponse<'/api/commission/entries'>['items'][number]['status'];
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

export type EntryList = ApiResponse<'/api/commission/entries'>;

export type EntryItem = EntryList['items'][number];

export type Label = EntryItem['ruleLabel'];

export type EntryDetail = ApiResponse<'/api/commission/entries/{id}'>;

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

export type Settlement = ApiResponse<'/api/commission/settlements'>['items'][number];

export type SettlementDetail = ApiResponse<'/api/commission/settlements/{id}'>;

export type RunResult = ApiResponse<'/api/commission/settlements/run', 'post'>;

export type AccrualSettings = ApiResponse<'/api/commission/accrual-settings'>;

export type RecomputeResult = ApiResponse<'/api/commission/orders/{id}/recompute', 'post'>;

const key = ['commission-money'] as const;

export function useEntries(params: EntryParams) {
  return useQuery({
    queryKey: [...key, 'entries', params],
    queryFn: () => call.get('/api/commission/entries', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(id: string | null) {
  return useQuery({
    queryKey: [...key, 'entry', id],
    queryFn: () => call.get('/api/commission/entries/{id}', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useRecomputeOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) =>
      call.post('/api/commission/orders/{id}/recompute', { params: { id: orderId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useSettlements(paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'settlements', paging],
    queryFn: () => call.get('/api/commission/settlements', { query: paging }),
    placeholderData: keepPreviousData,
  });
}

export function useSettlement(id: string | null, paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'settlement', id, paging],
    queryFn: () => call.get('/api/commission/settlements/{id}', { params: { id: id ?? '' }, query: paging }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRunSettlement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => call.post('/api/commission/settlements/run', { body: { day } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useAccrualSettings() {
  return useQuery({
    queryKey: [...key, 'settings'],
    queryFn: () => call.get('/api/commission/accrual-settings'),
  });
}

export function useSaveAccrualSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { afterSalesDays: number }) => call.put('/api/commission/accrual-settings', { body }),
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
