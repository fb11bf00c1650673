import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** The levels API's shapes (团长等级), mirrored by hand: the console does not import server code. */
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

export interface Bilingual {
  zh: string;
  en: string;
}

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

export interface Schedule {
  enabled: boolean;
  periodKind: 'month' | 'week';
  runDay: number;
  runHour: number;
}

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

export interface RunResult {
  runId: string;
  periodStart: string;
  periodEnd: string;
  assessed: number;
  upgraded: number;
  downgraded: number;
  unchanged: number;
  held: number;
  durationMs: number;
}

export interface Run extends Omit<RunResult, 'runId' | 'durationMs' | 'assessed' | 'unchanged' | 'held'> {
  id: string;
  /** `region`: a region manager's view, their regions' moves only; the company totals are null. */
  scope: 'company' | 'region';
  assessed: number | null;
  unchanged: number | null;
  held: number | null;
  trigger: 'schedule' | 'manual';
  status: 'running' | 'completed' | 'failed';
  actorName: string | null;
  durationMs: number | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface LevelRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
}

export interface ExplainLine {
  depth: number;
  kind: 'all' | 'any' | 'condition';
  held: boolean;
  text: Bilingual;
  metric?: string;
  actual?: number;
  target?: number;
  actualText?: string;
}

export interface LevelChange {
  id: string;
  at: string;
  cause: 'initial' | 'assessment' | 'override';
  from: LevelRef | null;
  to: LevelRef | null;
  reason: string | null;
  actorName: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  heldUntil: string | null;
  rule: string | null;
  figures: Record<string, number> | null;
  lines: ExplainLine[];
}

export interface LeaderLevelDetail {
  leaderId: string;
  level: LevelRef | null;
  heldUntil: string | null;
  history: LevelChange[];
}

export interface RuleProgress {
  text: Bilingual;
  met: boolean;
  lines: ExplainLine[];
}

/** One figure the leader still needs to keep their level: reach `need` (atLeast) or stay at most it. */
export interface KeepShortfall {
  metric: string;
  label: Bilingual;
  direction: 'atLeast' | 'atMost';
  have: number;
  need: number;
  short: number;
  haveText: string;
  needText: string;
  shortText: string;
}

/**
 * Whether the figures so far keep the current level (保级): `onTrack`, what is `missing`, and the
 * downgrade rule itself (`dropRule`, 降级条件: `holds` means the leader would drop).
 */
export interface KeepProgress {
  onTrack: boolean;
  missing: KeepShortfall[];
  dropRule: { text: Bilingual; holds: boolean; lines: ExplainLine[] };
}

export interface LevelProgress {
  leaderId: string;
  current: LevelRef | null;
  next: LevelRef | null;
  heldUntil: string | null;
  period: { start: string; end: string; label: Bilingual };
  upgrade: RuleProgress | null;
  keep: KeepProgress | null;
}

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
  return api.post<{ upgradeText: Bilingual; downgradeText: Bilingual }>('/api/leader-levels/preview', body);
}

export function useSaveSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Schedule>) => api.patch<Schedule>('/api/leader-level-settings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRuns() {
  return useQuery({
    queryKey: [...KEY, 'runs'],
    queryFn: () => api.get<{ items: Run[] }>('/api/leader-level-runs'),
  });
}

export function useRunAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { periodStart?: string; periodEnd?: string }) =>
      api.post<RunResult>('/api/leader-level-runs', body),
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
    queryFn: () => api.get<LeaderLevelDetail>(`/api/leaders/${enc(leaderId)}/level`),
  });
}

export function useLevelProgress(leaderId: string) {
  return useQuery({
    queryKey: [...KEY, 'progress', leaderId],
    queryFn: () => api.get<LevelProgress>(`/api/leaders/${enc(leaderId)}/level-progress`),
  });
}

export function useOverrideLevel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      leaderId,
      ...body
    }: {
      leaderId: string;
      levelId: string;
      reason: string;
      holdUntil: string | null;
    }) => api.post<{ changeId: string }>(`/api/leaders/${enc(leaderId)}/level`, body),
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
