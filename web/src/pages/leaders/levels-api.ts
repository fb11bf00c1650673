import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, api, call } from '../../api';

/**
 * The levels API's shapes (团长等级). The rule tree (RuleNode) and the types carrying it stay written
 * here: the server's schema is recursive and the OpenAPI document gives it as `unknown`. The rest come
 * from the generated schema.
 */
export const LEVEL_METRICS = ['ownGmvFen', 'ownOrders', 'customers', 'teamGmvFen', 'directRecruits'] as const;
export type LevelMetric = (typeof LEVEL_METRICS)[number];
export const RULE_OPS = ['>=', '>', '<', '<='] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export interface RuleCondition {
  metric: LevelMetric;
  op: RuleOp;
  value: number;
  period?: { days: number };
  generations?: number;
  activeOnly?: boolean;
}
export type RuleNode = { all: RuleNode[] } | { any: RuleNode[] } | RuleCondition;

export type Bilingual = ApiResponse<'/api/leader-levels/preview', 'post'>['upgradeText'];

export interface Level {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  status: 'active' | 'archived';
  upgrade: RuleNode | null;
  downgrade: RuleNode | null;
  upgradeText: Bilingual;
  downgradeText: Bilingual;
  leaderCount: number;
  createdAt: string;
  updatedAt: string;
}

export type Schedule = ApiResponse<'/api/leader-level-settings', 'patch'>;

export interface LevelList {
  items: Level[];
  settings: Schedule;
  periodLabel: Bilingual;
}

export interface LevelBody {
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  upgrade: RuleNode | null;
  downgrade: RuleNode | null;
}

export type RunResult = ApiResponse<'/api/leader-level-runs', 'post'>;

type RunAsDeclared = ApiResponse<'/api/leader-level-runs'>['items'][number];

/** One assessment run. The schema declares trigger and status as strings; the page's labels are keyed by these. */
export type Run = Omit<RunAsDeclared, 'trigger' | 'status'> & {
  trigger: 'schedule' | 'manual';
  status: 'running' | 'completed' | 'failed';
};

export type LeaderLevelDetail = ApiResponse<'/api/leaders/{id}/level'>;

export type LevelChange = LeaderLevelDetail['history'][number];

export type LevelRef = NonNullable<LeaderLevelDetail['level']>;

export type ExplainLine = LevelChange['lines'][number];

export type LevelProgress = ApiResponse<'/api/leaders/{id}/level-progress'>;

export type RuleProgress = NonNullable<LevelProgress['upgrade']>;

/**
 * Whether the figures so far keep the current level (保级): `onTrack`, what is `missing`, and the
 * downgrade rule itself (`dropRule`, 降级条件: `holds` means the leader would drop).
 */
export type KeepProgress = NonNullable<LevelProgress['keep']>;

/** One figure the leader still needs to keep their level: reach `need` (atLeast) or stay at most it. */
export type KeepShortfall = KeepProgress['missing'][number];

const KEY = ['leader-levels'] as const;
const enc = encodeURIComponent;

export function useLevels() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api.get<LevelList>('/api/leader-levels') });
}

export function useSaveLevel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: LevelBody }) =>
      id === null
        ? api.post<Level>('/api/leader-levels', body)
        : api.patch<Level>(`/api/leader-levels/${enc(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useSetLevelStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archive }: { id: string; archive: boolean }) =>
      api.post<Level>(`/api/leader-levels/${enc(id)}/${archive ? 'archive' : 'activate'}`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function previewRules(body: { upgrade?: RuleNode | null; downgrade?: RuleNode | null }) {
  return api.post<ApiResponse<'/api/leader-levels/preview', 'post'>>('/api/leader-levels/preview', body);
}

export function useSaveSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiRequestBody<'/api/leader-level-settings', 'patch'>) =>
      call.patch('/api/leader-level-settings', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRuns() {
  return useQuery({
    queryKey: [...KEY, 'runs'],
    queryFn: () => call.get('/api/leader-level-runs') as Promise<{ items: Run[] }>,
  });
}

export function useRunAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiRequestBody<'/api/leader-level-runs', 'post'>) =>
      call.post('/api/leader-level-runs', { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      // Leaders' levels changed: the list and detail pages read them too.
      void queryClient.invalidateQueries({ queryKey: ['leaders'] });
    },
  });
}

export function useLeaderLevel(leaderId: string) {
  return useQuery({
    queryKey: [...KEY, 'leader', leaderId],
    queryFn: () => call.get('/api/leaders/{id}/level', { params: { id: leaderId } }),
  });
}

export function useLevelProgress(leaderId: string) {
  return useQuery({
    queryKey: [...KEY, 'progress', leaderId],
    queryFn: () => call.get('/api/leaders/{id}/level-progress', { params: { id: leaderId } }),
  });
}

export function useOverrideLevel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      leaderId,
      ...body
    }: { leaderId: string } & ApiRequestBody<'/api/leaders/{id}/level', 'post'>) =>
      call.post('/api/leaders/{id}/level', { params: { id: leaderId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      void queryClient.invalidateQueries({ queryKey: ['leaders'] });
    },
  });
}

/** Whether a metric is money (fen on the wire, yuan in the editor). */
export function isMoneyMetric(metric: LevelMetric): boolean {
  return metric === 'ownGmvFen' || metric === 'teamGmvFen';
}

export function isGroup(node: RuleNode): node is { all: RuleNode[] } | { any: RuleNode[] } {
  return 'all' in node || 'any' in node;
}
