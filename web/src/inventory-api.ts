import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './api';
import type { Page } from './api-types';

/** The inventory API's shapes, mirrored by hand (the console does not import server code). */
export type MovementKind = 'receipt' | 'adjustment' | 'allocation' | 'release' | 'shipment';
export const MOVEMENT_KINDS: readonly MovementKind[] = [
  'receipt',
  'adjustment',
  'allocation',
  'release',
  'shipment',
];

interface SkuFields {
  skuId: string;
  skuCode: string | null;
  spec: string | null;
  productName: string | null;
  unit: string | null;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
}

export interface StockLevel extends SkuFields {
  onHand: number;
  allocated: number;
  available: number;
  lowStockThreshold: number;
  lowStock: boolean;
  updatedAt: string;
}

export interface StockMovement extends SkuFields {
  id: string;
  kind: MovementKind;
  quantity: number;
  reason: string | null;
  actorId: string | null;
  actorName: string | null;
  referenceType: string | null;
  referenceId: string | null;
  onHandAfter: number;
  allocatedAfter: number;
  availableAfter: number;
  createdAt: string;
}

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  address: string;
  regionId: string | null;
  status: 'active' | 'inactive';
  createdAt: string;
}

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

export interface ReceiveInput {
  skuId: string;
  warehouseId: string;
  quantity: number;
  reason?: string;
}

export interface AdjustInput {
  skuId: string;
  warehouseId: string;
  quantity: number;
  reason: string;
}

const inventoryKey = ['inventory'] as const;

export function useStockLevels(params: StockLevelParams) {
  return useQuery({
    queryKey: [...inventoryKey, 'levels', params],
    queryFn: () =>
      api.get<Page<StockLevel>>('/api/stock-levels', {
        ...params,
        lowStock: params.lowStock ? 'true' : undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useMovements(params: MovementParams) {
  return useQuery({
    queryKey: [...inventoryKey, 'movements', params],
    queryFn: () => api.get<Page<StockMovement>>('/api/stock-movements', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useWarehouses(enabled = true) {
  return useQuery({
    queryKey: [...inventoryKey, 'warehouses'],
    queryFn: () => api.get<{ items: Warehouse[] }>('/api/warehouses'),
    enabled,
  });
}

/** A SKU as the pickers show it. */
export interface SkuOption {
  skuId: string;
  label: string;
}

interface CatalogProduct {
  name: string;
  skus: { id: string; code: string; spec: string }[];
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
        const page = await api.get<Page<CatalogProduct>>('/api/catalog/products', {
          q: q.trim(),
          pageSize: 20,
        });
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
    mutationFn: (input: ReceiveInput) => api.post<unknown>('/api/stock/receive', input),
    onSuccess: invalidate,
  });
}

export function useAdjustStock() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (input: AdjustInput) => api.post<unknown>('/api/stock/adjust', input),
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
      api.patch<unknown>(
        `/api/stock-levels/${encodeURIComponent(skuId)}/${encodeURIComponent(warehouseId)}`,
        { lowStockThreshold },
      ),
    onSuccess: invalidate,
  });
}

export interface WarehouseInput {
  code: string;
  name: string;
  address: string;
}

export function useCreateWarehouse() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: (input: WarehouseInput) => api.post<Warehouse>('/api/warehouses', input),
    onSuccess: invalidate,
  });
}

export function useUpdateWarehouse() {
  const invalidate = useInvalidateInventory();
  return useMutation({
    mutationFn: ({
      id,
      ...patch
    }: {
      id: string;
      name?: string;
      address?: string;
      status?: Warehouse['status'];
    }) => api.patch<Warehouse>(`/api/warehouses/${encodeURIComponent(id)}`, patch),
    onSuccess: invalidate,
  });
}
