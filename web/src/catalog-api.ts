import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call } from './api';

/** The catalog API's shapes, taken from the generated schema. */
export type Product = ApiResponse<'/api/catalog/products'>['items'][number];
export type ProductStatus = Product['status'];
export const PRODUCT_STATUSES: readonly ProductStatus[] = ['draft', 'on_sale', 'off_sale'];

export type Category = ApiResponse<'/api/catalog/categories'>['items'][number];

export type Sku = Product['skus'][number];

export type ProductInput = ApiRequestBody<'/api/catalog/products', 'post'>;

export type SkuInput = ProductInput['skus'][number];

export interface ProductFilter {
  q: string;
  categoryId: string | undefined;
  status: ProductStatus | undefined;
}

export type ImportMode = ApiRequestBody<'/api/catalog/imports', 'post'>['mode'];

type LeaderImportJob = ApiResponse<'/api/leaders/imports/{id}'>;

/** A row the import refused; a leader import also names the column as the template's header gives it. */
export type RowError = LeaderImportJob['errors'][number];

/**
 * An import job as the shared import modal shows it: the catalog's, or a leader import's, which adds
 * columns to its row errors and whether its sheet of one-time passwords can still be downloaded.
 */
export type ImportJob = Omit<ApiResponse<'/api/catalog/imports/{id}'>, 'errors'> & {
  errors: RowError[];
  logins?: LeaderImportJob['logins'];
};

const key = ['catalog'] as const;

export function useCategories() {
  return useQuery({
    queryKey: [...key, 'categories'],
    queryFn: () => call.get('/api/catalog/categories'),
    staleTime: 60_000,
  });
}

export function useProducts(params: ProductFilter & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'products', params],
    queryFn: () => call.get('/api/catalog/products', { query: { ...params } }),
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
    mutationFn: (input: ProductInput) => call.post('/api/catalog/products', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status: _status, ...patch }: ProductInput & { id: string }) =>
      call.patch('/api/catalog/products/{id}', { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useSetStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ProductStatus }) =>
      call.post('/api/catalog/products/{id}/status', { params: { id }, body: { status } }),
    onSuccess: invalidate,
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (input: { fileBase64: string; mode: ImportMode }) =>
      call.post('/api/catalog/imports', { body: input }),
  });
}

/** Polls a running import twice a second for the progress bar; stops when the job has finished. */
export function useImportJob(jobId: string | null) {
  const invalidate = useInvalidate();
  return useQuery({
    queryKey: ['catalog-import', jobId],
    enabled: jobId !== null,
    queryFn: async () => {
      const job = await call.get('/api/catalog/imports/{id}', { params: { id: jobId ?? '' } });
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
