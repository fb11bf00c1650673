import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type ApiRequestBody, type ApiResponse, call } from './api';

/** The inventory API's shapes, taken from the generated schema. */
export type StockMovement = ApiResponse<'/api/stock-movements'>['items'][number];
export type MovementKind = StockMovement['kind'];
export const MOVEMENT_KINDS: readonly MovementKind[] = [
  'receipt',
  'adjustment',
  'allocation',
  'release',
  'shipment',
];

export type StockLevel = ApiResponse<'/api/stock-levels'>['items'][number];

export type Warehouse = ApiResponse<'/api/warehouses'>['items'][number];

export interface StockLevelParams {
  warehouseId: string;
  skuId: string;
  lowStock: boolean;
  page: number;
  pageSize: number;
}

export interface MovementParams {
  warehouseId: string;
  skuId: string;
  kind: MovementKind | '';
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

export type ReceiveInput = ApiRequestBody<'/api/stock/receive', 'post'>;

export type AdjustInput = ApiRequestBody<'/api/stock/adjust', 'post'>;

const inventoryKey = ['inventory'] as const;

export function useStockLevels(params: StockLevelParams) {
  return useQuery({
    queryKey: [...inventoryKey, 'levels', params],
    queryFn: () =>
      call.get('/api/stock-levels', {
        query: { ...params, lowStock: params.lowStock ? 'true' : undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useMovements(params: MovementParams) {
  return useQuery({
    queryKey: [...inventoryKey, 'movements', params],
    queryFn: () => call.get('/api/stock-movements', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useWarehouses(enabled = true) {
  return useQuery({
    queryKey: [...inventoryKey, 'warehouses'],
    queryFn: () => call.get('/api/warehouses'),
    enabled,
  });
}

/** A SKU as the pickers show it. */
export interface SkuOption {
  skuId: string;
  label: string;
}

/**
 * SKUs matching a search, from the catalog's product list. The catalog owns SKUs; when its search is
 * unavailable (or the user may not read it) the picker still accepts a SKU id typed in full.
 */
export function useSkuSearch(q: string) {
  return useQuery({
    queryKey: ['catalog', 'sku-search', q],
    enabled: q.trim().length > 0,
    queryFn: async (): Promise<SkuOption[]> => {
      try {
        const page = await call.get('/api/catalog/products', { query: { q: q.trim(), pageSize: 20 } });
        return page.items.flatMap((p) =>
          (p.skus ?? []).map((s) => ({ skuId: s.id, label: `${s.code} · ${p.name} · ${s.spec}` })),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status !== 401) return [];
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

/** Every stock change can move any level, movement page or low-stock flag, so all of them reload. */
function useInvalidateInventory() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: inventoryKey });
}

export function useReceiveStock() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (input: ReceiveInput) => call.post('/api/stock/receive', { body: input }),
    onSuccess: invalidate,
  });
}

export function useAdjustStock() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (input: AdjustInput) => call.post('/api/stock/adjust', { body: input }),
    onSuccess: invalidate,
  });
}

export function useSetThreshold() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: ({
      skuId,
      warehouseId,
      lowStockThreshold,
    }: {
      skuId: string;
      warehouseId: string;
      lowStockThreshold: number;
    }) =>
      call.patch('/api/stock-levels/{skuId}/{warehouseId}', {
        params: { skuId, warehouseId },
        body: { lowStockThreshold },
      }),
    onSuccess: invalidate,
  });
}

export type WarehouseInput = ApiRequestBody<'/api/warehouses', 'post'>;

export function useCreateWarehouse() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (input: WarehouseInput) => call.post('/api/warehouses', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateWarehouse() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string } & ApiRequestBody<'/api/warehouses/{id}', 'patch'>) =>
      call.patch('/api/warehouses/{id}', { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}
