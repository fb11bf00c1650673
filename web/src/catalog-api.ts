import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { Page } from './api-types';

/** The catalog API's shapes, mirrored by hand (the console never imports server code). */
export type ProductStatus = 'draft' | 'on_sale' | 'off_sale';
export const PRODUCT_STATUSES: readonly ProductStatus[] = ['draft', 'on_sale', 'off_sale'];

export interface Category {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
}

export interface Sku {
  id: string;
  code: string;
  spec: string;
  barcode: string | null;
  listPriceFen: number;
  costPriceFen: number;
  status: 'active' | 'inactive';
}

export interface Product {
  id: string;
  code: string;
  name: string;
  categoryId: string | null;
  categoryName: string | null;
  unit: string;
  description: string;
  images: string[];
  supplier: string;
  status: ProductStatus;
  updatedAt: string;
  skus: Sku[];
}

export interface SkuInput {
  id?: string;
  code: string;
  spec: string;
  barcode?: string | null;
  listPriceFen: number;
  costPriceFen: number;
}

export interface ProductInput {
  code: string;
  name: string;
  categoryId: string | null;
  unit: string;
  description: string;
  images: string[];
  supplier: string;
  status?: ProductStatus;
  skus: SkuInput[];
}

export interface ProductFilter {
  q: string;
  categoryId: string | undefined;
  status: ProductStatus | undefined;
}

export type ImportMode = 'validate' | 'import_valid_rows' | 'import_all';

export interface RowError {
  row: number;
  field: string;
  /** The column as the template's header names it ("容量 capacity"), where the import gives it. */
  column?: string;
  code: string;
  message: string;
  messageZh: string;
}

export interface ImportJob {
  id: string;
  mode: ImportMode;
  status: 'running' | 'validated' | 'completed' | 'rejected' | 'failed';
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  errorCount: number;
  errors: RowError[];
  message: string | null;
  /** A leader import's logins: whether the sheet of one-time passwords can still be downloaded. */
  logins?: { downloadable: boolean; downloadedAt: string | null };
}

/** Yuan typed in a form (two decimals at most) to fen; rounding removes the float's last-digit noise. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

const key = ['catalog'] as const;

export function useCategories() {
  return useQuery({
    queryKey: [...key, 'categories'],
    queryFn: () => api.get<{ items: Category[] }>('/api/catalog/categories'),
    staleTime: 60_000,
  });
}

export function useProducts(params: ProductFilter & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'products', params],
    queryFn: () => api.get<Page<Product>>('/api/catalog/products', { ...params }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ProductInput) => api.post<Product>('/api/catalog/products', input),
    onSuccess: invalidate,
  });
}

export function useUpdateProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status: _status, ...patch }: ProductInput & { id: string }) =>
      api.patch<Product>(`/api/catalog/products/${encodeURIComponent(id)}`, patch),
    onSuccess: invalidate,
  });
}

export function useSetStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ProductStatus }) =>
      api.post<Product>(`/api/catalog/products/${encodeURIComponent(id)}/status`, { status }),
    onSuccess: invalidate,
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (input: { fileBase64: string; mode: ImportMode }) =>
      api.post<{ jobId: string }>('/api/catalog/imports', input),
  });
}

/** Polls a running import twice a second for the progress bar; stops when the job has finished. */
export function useImportJob(jobId: string | null) {
  const invalidate = useInvalidate();
  return useQuery({
    queryKey: ['catalog-import', jobId],
    enabled: jobId !== null,
    queryFn: async () => {
      const job = await api.get<ImportJob>(`/api/catalog/imports/${encodeURIComponent(jobId ?? '')}`);
      if (job.status === 'completed') await invalidate();
      return job;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
}

/** The export and template are plain GET downloads; the session cookie goes along with a link. */
export function exportUrl(filter: ProductFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.categoryId) params.set('categoryId', filter.categoryId);
  if (filter.status) params.set('status', filter.status);
  const search = params.toString();
  return `/api/catalog/products/export${search ? `?${search}` : ''}`;
}

export const TEMPLATE_URL = '/api/catalog/import-template';

/** Reads a picked file as base64 for the JSON upload (the server takes no multipart). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
