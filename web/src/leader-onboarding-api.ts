import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './api';

/**
 * The leader onboarding API (团长招募: applications, review, agreements, training), mirrored by hand
 * (the console does not import server code).
 */
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['pending', 'approved', 'rejected'];

export interface ApplyRegion {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  level: string;
}

export interface ApplyInput {
  name: string;
  phone: string;
  idNumber: string;
  regionId: string;
  pickupPoint: { name: string; address: string; latitude: number; longitude: number; openingHours: string };
  referrerCode?: string | null;
}

export interface ApplyResult {
  applicationNo: string;
  status: ApplicationStatus;
  statusToken: string;
  createdAt: string;
}

export interface ApplicationStatusView {
  applicationNo: string;
  status: ApplicationStatus;
  name: string;
  phoneMasked: string;
  regionName: string | null;
  pickupPointName: string;
  submittedAt: string;
  decidedAt: string | null;
  rejectReason: string | null;
  leaderCode: string | null;
  username: string | null;
}

export interface ApplicationListItem {
  id: string;
  applicationNo: string;
  name: string;
  phoneMasked: string;
  idNumberMasked: string;
  regionId: string;
  regionName: string | null;
  pickupPointName: string;
  referrer: { id: string; code: string; name: string } | null;
  status: ApplicationStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  rejectReason: string | null;
  /** A region manager's first review (初审), when the company uses it; the operator decides. */
  firstReview: { verdict: FirstReviewVerdict; note: string | null; at: string; byName: string | null } | null;
}

export type FirstReviewVerdict = 'approve' | 'reject';

export interface ApplicationDetail extends ApplicationListItem {
  pickupPointAddress: string;
  latitude: number;
  longitude: number;
  openingHours: string;
  referrerCode: string | null;
  leaderId: string | null;
  leaderCode: string | null;
  pickupPointId: string | null;
  userId: string | null;
  username: string | null;
  submittedIp: string | null;
  submittedUserAgent: string | null;
}

export interface ApprovedResult {
  application: ApplicationDetail;
  leader: { id: string; code: string; name: string };
  login: { userId: string; username: string; initialPassword: string };
}

export interface AgreementTemplate {
  id: string;
  version: number;
  title: string;
  body: string;
  bodySha256: string;
  publishedAt: string;
  publishedByName: string | null;
  effectiveAt: string;
  graceDays: number;
  /** Effective date plus grace days: after it only a signature of this version lets a leader sell. */
  signBy: string;
  current: boolean;
  signedCount: number;
}

export interface AgreementSignature {
  id: string;
  templateId: string;
  version: number;
  leaderId: string;
  typedName: string;
  textSha256: string;
  signatureSha256: string;
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface MyAgreement {
  leader: { id: string; code: string; name: string };
  passwordChangeRequired: boolean;
  current: AgreementTemplate | null;
  signed: boolean;
  /** The agreement lets the leader sell now (during a grace period, on the previous signature). */
  maySell: boolean;
  signature: AgreementSignature | null;
  history: AgreementSignature[];
}

export interface SignatureStatusRow {
  leaderId: string;
  code: string;
  name: string;
  status: string;
  regionName: string | null;
  signature: { id: string; signedAt: string; ip: string | null; typedName: string } | null;
}

export interface SignatureStatus {
  version: number | null;
  leaderCount: number;
  signedCount: number;
  total: number;
  items: SignatureStatusRow[];
}

export type MaterialKind = 'article' | 'video' | 'document';
export const MATERIAL_KINDS: readonly MaterialKind[] = ['article', 'video', 'document'];

export interface TrainingMaterial {
  id: string;
  title: string;
  kind: MaterialKind;
  bodyHtml: string | null;
  url: string | null;
  required: boolean;
  sortOrder: number;
  status: 'active' | 'archived';
  createdAt: string;
  updatedAt: string;
}

export interface MaterialWithRate extends TrainingMaterial {
  completedCount: number;
  completionRate: number;
}

export interface MaterialBody {
  title: string;
  kind: MaterialKind;
  bodyHtml?: string | null;
  url?: string | null;
  required: boolean;
  sortOrder: number;
}

export interface ProgressRow {
  leaderId: string;
  code: string;
  name: string;
  status: string;
  regionName: string | null;
  requiredDone: number;
  requiredTotal: number;
  done: number;
  allTotal: number;
  completionRate: number;
  requiredComplete: boolean;
  lastCompletedAt: string | null;
}

export interface MyTraining {
  leader: { id: string; name: string };
  items: Array<TrainingMaterial & { completedAt: string | null }>;
  requiredTotal: number;
  requiredDone: number;
}

/** Public calls of the application page: no session, and a 401 must not send anyone to the console login. */
function publicCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  return apiRequest<T>(method, path, { body, allowUnauthenticated: true });
}

export const applyApi = {
  form: () => publicCall<{ regions: ApplyRegion[] }>('GET', '/api/leader-applications/form'),
  referrer: (code: string) =>
    publicCall<{ code: string; name: string }>(
      'GET',
      `/api/leader-applications/referrer/${encodeURIComponent(code)}`,
    ),
  apply: (input: ApplyInput) => publicCall<ApplyResult>('POST', '/api/leader-applications', input),
  status: (token: string) =>
    publicCall<ApplicationStatusView>('POST', '/api/leader-applications/status', { token }),
};

/** The leader's own pages; a 401 here is answered by the page's own login form. */
export const leaderSelfApi = {
  agreement: () =>
    apiRequest<MyAgreement>('GET', '/api/leader-agreements/mine', { allowUnauthenticated: true }),
  sign: (body: {
    version: number;
    textSha256: string;
    typedName: string;
    consent: boolean;
    signaturePng: string;
  }) =>
    apiRequest<AgreementSignature>('POST', '/api/leader-agreements/mine/sign', {
      body,
      allowUnauthenticated: true,
    }),
  training: () => apiRequest<MyTraining>('GET', '/api/leader-training/mine', { allowUnauthenticated: true }),
  complete: (materialId: string) =>
    apiRequest<{ materialId: string; completedAt: string; firstTime: boolean }>(
      'POST',
      `/api/leader-training/mine/${encodeURIComponent(materialId)}/complete`,
      { body: { confirmed: true }, allowUnauthenticated: true },
    ),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiRequest<void>('POST', '/api/auth/change-password', {
      body: { currentPassword, newPassword },
      allowUnauthenticated: true,
    }),
};

const key = ['leader-onboarding'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export interface ApplicationListParams {
  status?: ApplicationStatus | undefined;
  regionId?: string | undefined;
  q: string;
  page: number;
  pageSize: number;
}

export function useApplications(params: ApplicationListParams) {
  return useQuery({
    queryKey: [...key, 'applications', params],
    queryFn: () =>
      api.get<{ items: ApplicationListItem[]; total: number; counts: Record<ApplicationStatus, number> }>(
        '/api/leader-applications',
        { ...params },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string | null) {
  return useQuery({
    queryKey: [...key, 'application', id],
    queryFn: () => api.get<ApplicationDetail>(`/api/leader-applications/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useRevealApplication() {
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ id: string; phone: string; idNumber: string }>(
        `/api/leader-applications/${encodeURIComponent(id)}/reveal`,
        {},
      ),
  });
}

export function useDecideApplication() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      v: { id: string; decision: 'approve' } | { id: string; decision: 'reject'; reason: string },
    ): Promise<ApprovedResult | ApplicationDetail> =>
      v.decision === 'approve'
        ? api.post<ApprovedResult>(`/api/leader-applications/${encodeURIComponent(v.id)}/approve`, {})
        : api.post<ApplicationDetail>(`/api/leader-applications/${encodeURIComponent(v.id)}/reject`, {
            reason: v.reason,
          }),
    onSuccess: invalidate,
  });
}

export function useAgreementTemplates() {
  return useQuery({
    queryKey: [...key, 'templates'],
    queryFn: () => api.get<{ items: AgreementTemplate[] }>('/api/leader-agreements/templates'),
  });
}

export function usePublishAgreement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { title: string; body: string; effectiveAt?: string; graceDays: number }) =>
      api.post<AgreementTemplate>('/api/leader-agreements/templates', body),
    onSuccess: invalidate,
  });
}

export interface SignatureStatusParams {
  version?: number | undefined;
  signed?: 'signed' | 'unsigned' | undefined;
  q: string;
  page: number;
  pageSize: number;
}

export function useSignatureStatus(params: SignatureStatusParams) {
  return useQuery({
    queryKey: [...key, 'signatures', params],
    queryFn: () => api.get<SignatureStatus>('/api/leader-agreements/signatures', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function printUrl(signatureId: string): string {
  return `/api/leader-agreements/signatures/${encodeURIComponent(signatureId)}/print`;
}

export function useMaterials() {
  return useQuery({
    queryKey: [...key, 'materials'],
    queryFn: () =>
      api.get<{ leaderCount: number; items: MaterialWithRate[] }>('/api/leader-training/materials'),
  });
}

export function useSaveMaterial() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string | null; body: MaterialBody }) =>
      v.id === null
        ? api.post<TrainingMaterial>('/api/leader-training/materials', v.body)
        : api.patch<TrainingMaterial>(`/api/leader-training/materials/${encodeURIComponent(v.id)}`, v.body),
    onSuccess: invalidate,
  });
}

export function useSetMaterialStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; archive: boolean }) =>
      api.post<TrainingMaterial>(
        `/api/leader-training/materials/${encodeURIComponent(v.id)}/${v.archive ? 'archive' : 'restore'}`,
        {},
      ),
    onSuccess: invalidate,
  });
}

export function useTrainingProgress(params: {
  q: string;
  incomplete: boolean;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...key, 'progress', params],
    queryFn: () =>
      api.get<{ requiredTotal: number; allTotal: number; total: number; items: ProgressRow[] }>(
        '/api/leader-training/progress',
        { ...params, incomplete: params.incomplete ? 'true' : undefined },
      ),
    placeholderData: keepPreviousData,
  });
}

export interface LeaderOnboarding {
  application: { id: string; applicationNo: string; decidedAt: string | null } | null;
  agreements: {
    currentVersion: number | null;
    signedCurrent: boolean;
    items: Array<AgreementSignature & { title: string }>;
  };
  training: {
    items: Array<{
      materialId: string;
      title: string;
      kind: MaterialKind;
      required: boolean;
      completedAt: string | null;
    }>;
  };
}

/** A leader's application, agreement records and training, for the leader detail page. */
export function useLeaderOnboarding(leaderId: string | null) {
  return useQuery({
    queryKey: [...key, 'leader', leaderId],
    queryFn: () => api.get<LeaderOnboarding>(`/api/leaders/${encodeURIComponent(leaderId ?? '')}/onboarding`),
    enabled: leaderId !== null,
  });
}

export interface OnboardingSettings {
  regionFirstReview: boolean;
  updatedAt: string | null;
}

export function useOnboardingSettings() {
  return useQuery({
    queryKey: [...key, 'settings'],
    queryFn: () => api.get<OnboardingSettings>('/api/leader-onboarding-settings'),
  });
}

export function useUpdateOnboardingSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { regionFirstReview: boolean }) =>
      api.patch<OnboardingSettings>('/api/leader-onboarding-settings', body),
    onSuccess: invalidate,
  });
}

/** A region manager's first-review queue: their regions' applications (409 while the company has it off). */
export function useFirstReviewQueue(params: { status?: ApplicationStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'first-review', params],
    queryFn: () =>
      api.get<{ items: ApplicationListItem[]; total: number }>('/api/leader-applications/first-review', {
        ...params,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useFirstReview() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; verdict: FirstReviewVerdict; note: string }) =>
      api.post<ApplicationListItem>(`/api/leader-applications/${encodeURIComponent(v.id)}/first-review`, {
        verdict: v.verdict,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: invalidate,
  });
}
