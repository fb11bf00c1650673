import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call } from '../../api';

/**
 * The period runs (月结), the "why" views and the simulation (试算), as the console calls them; the
 * shapes come from the generated schema (src/modules/commission/period/period.schema.ts on the server).
 */

export type PeriodRun = ApiResponse<'/api/commission/period-runs'>['items'][number];
export type RunKind = PeriodRun['kind'];

export type RunDetail = ApiResponse<'/api/commission/period-runs/{id}'>;

export type CommissionEntry = RunDetail['entries'][number];

export type Label = CommissionEntry['ruleLabel'];

export type RuleTotal = RunDetail['byRule'][number];

export type EntryWhy = ApiResponse<'/api/commission/entries/{id}/why'>;

export type LeaderWhy = ApiResponse<'/api/commission/leaders/{id}/why'>;

export type SimulationResult = ApiResponse<'/api/commission/simulations', 'post'>;

export type SimulationCost = SimulationResult['draft'];

const key = ['commission', 'periods'] as const;

export function usePeriodRuns(params: { kind?: RunKind; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'runs', params],
    queryFn: () => call.get('/api/commission/period-runs', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function usePeriodRun(id: string | null) {
  return useQuery({
    queryKey: [...key, 'run', id],
    queryFn: () => call.get('/api/commission/period-runs/{id}', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

function useInvalidatePeriods() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: key });
}

export function useCloseMonth() {
  const onSuccess = useInvalidatePeriods();
  return useMutation({
    mutationFn: (body: { month: string }) => call.post('/api/commission/period-runs/month-close', { body }),
    onSuccess,
  });
}

export function useRunHotProducts() {
  const onSuccess = useInvalidatePeriods();
  return useMutation({
    mutationFn: (body: { campaignId: string }) =>
      call.post('/api/commission/period-runs/hot-products', { body }),
    onSuccess,
  });
}

export function useRunRecruitCheck() {
  const onSuccess = useInvalidatePeriods();
  return useMutation({
    mutationFn: (body: Record<string, never>) =>
      call.post('/api/commission/period-runs/recruit-check', { body }),
    onSuccess,
  });
}

export function useEntryWhy(id: string | null) {
  return useQuery({
    queryKey: [...key, 'entry-why', id],
    queryFn: () => call.get('/api/commission/entries/{id}/why', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useLeaderWhy(leaderId: string | null, month: string) {
  return useQuery({
    queryKey: [...key, 'leader-why', leaderId, month],
    queryFn: () =>
      call.get('/api/commission/leaders/{id}/why', { params: { id: leaderId ?? '' }, query: { month } }),
    enabled: leaderId !== null,
  });
}

export function useSimulate() {
  return useMutation({
    mutationFn: (body: ApiRequestBody<'/api/commission/simulations', 'post'>) =>
      call.post('/api/commission/simulations', { body }),
  });
}
