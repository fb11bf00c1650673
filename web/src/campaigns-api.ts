import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, apiRequest } from './api';
import type { Page } from './api-types';

/** The campaigns API's shapes, mirrored by hand (the console does not import server code). */
export type CampaignState = 'draft' | 'scheduled' | 'live' | 'closed' | 'fulfilled' | 'cancelled';
export const CAMPAIGN_STATES: readonly CampaignState[] = [
  'draft',
  'scheduled',
  'live',
  'closed',
  'fulfilled',
  'cancelled',
];
export type SellTo = 'all' | 'regions';

interface CampaignFields {
  id: string;
  code: string;
  name: string;
  coverUrl: string;
  description: string;
  startsAt: string;
  endsAt: string;
  cutoffAt: string;
  deliveryDate: string;
  state: CampaignState;
  sellTo: SellTo;
  regionIds: string[];
  /** 发货仓; null: each SKU from the first active warehouse that stocks it. */
  warehouseId: string | null;
  /** 付款时限: minutes a customer has to pay before the order is cancelled. */
  paymentMinutes: number;
  closeReason: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignSummary extends CampaignFields {
  itemCount: number;
  soldTotal: number;
  capTotal: number;
}

export interface CampaignItem {
  id: string;
  skuId: string;
  skuCode: string | null;
  productName: string | null;
  spec: string | null;
  unit: string | null;
  listPriceFen: number | null;
  priceFen: number;
  stockCap: number;
  perCustomerLimit: number;
  sortOrder: number;
  sold: number;
}

export interface CampaignDetail extends CampaignFields {
  warehouseName: string | null;
  /** The regions it sells to, named (empty when it sells everywhere). */
  regions: { id: string; code: string; name: string }[];
  items: CampaignItem[];
  serverNow: string;
  openForOrders: boolean;
}

export interface CampaignBody {
  code: string;
  name: string;
  coverUrl: string;
  description: string;
  startsAt: string;
  endsAt: string;
  cutoffAt: string;
  deliveryDate: string;
  sellTo: SellTo;
  regionIds: string[];
  warehouseId: string | null;
  paymentMinutes: number;
  items: Array<{
    skuId: string;
    priceFen: number;
    stockCap: number;
    perCustomerLimit: number;
    sortOrder: number;
  }>;
}

export interface CampaignListParams {
  state?: CampaignState | undefined;
  q: string;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

const key = ['campaigns'] as const;

export function useCampaignList(params: CampaignListParams) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: () => api.get<Page<CampaignSummary>>('/api/campaigns', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** A live campaign is watched: sold counts move while the page is open. */
/** A live campaign polls every 5 s, unless its live stream (`streaming`) already keeps it current. */
export function useCampaign(id: string | null, streaming = false) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => api.get<CampaignDetail>(`/api/campaigns/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'live' && !streaming ? 5_000 : false),
  });
}

/** One item's availability as the live stream sends it. */
export interface LiveItem {
  itemId: string;
  sold: number;
  cap: number;
  remaining: number;
}

export type LiveStatus = 'off' | 'connecting' | 'streaming' | 'failed';

/**
 * Follows `GET /api/campaigns/:id/live` (server-sent events) while `enabled`, writing each item's sold
 * count into the cached campaign detail. On an error the stream is closed and `failed` is returned:
 * the caller then polls as before.
 */
export function useCampaignLive(id: string, enabled: boolean): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('off');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      setStatus(enabled ? 'failed' : 'off');
      return;
    }
    setStatus('connecting');
    const source = new EventSource(`/api/campaigns/${encodeURIComponent(id)}/live`);
    const apply = (items: LiveItem[]) =>
      client.setQueryData<CampaignDetail>([...key, 'detail', id], (old) => {
        if (!old) return old;
        const byId = new Map(items.map((i) => [i.itemId, i]));
        return {
          ...old,
          items: old.items.map((i) => {
            const live = byId.get(i.id);
            return live ? { ...i, sold: live.sold, stockCap: live.cap } : i;
          }),
        };
      });
    source.addEventListener('snapshot', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { items: LiveItem[] };
      apply(data.items);
      setStatus('streaming');
    });
    source.addEventListener('item', (e) => apply([JSON.parse((e as MessageEvent<string>).data) as LiveItem]));
    source.onerror = () => {
      source.close();
      setStatus('failed');
    };
    return () => source.close();
  }, [client, id, enabled]);
  return status;
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useSaveCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CampaignBody }) =>
      id
        ? apiRequest<CampaignDetail>('PUT', `/api/campaigns/${encodeURIComponent(id)}`, { body })
        : api.post<CampaignDetail>('/api/campaigns', body),
    onSuccess: invalidate,
  });
}

export type CampaignAction = 'schedule' | 'close' | 'cancel';

export function useCampaignAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: CampaignAction; reason?: string }) =>
      api.post<CampaignDetail>(
        `/api/campaigns/${encodeURIComponent(id)}/${action}`,
        action === 'schedule' ? undefined : reason ? { reason } : {},
      ),
    onSuccess: invalidate,
  });
}

/**
 * A change to a published campaign while it sells (修改限量 / 改价 / 添加商品 / 延长截单); each is its
 * own audited use-case on the server, and the customer page hears of it through the live stream.
 */
export type LiveEdit =
  | { kind: 'cap'; itemId: string; stockCap: number }
  | { kind: 'price'; itemId: string; priceFen: number }
  | {
      kind: 'addItems';
      items: Array<{ skuId: string; priceFen: number; stockCap: number; perCustomerLimit: number }>;
    }
  | { kind: 'cutoff'; cutoffAt: string };

function liveEditRequest(id: string, edit: LiveEdit): [string, object] {
  const base = `/api/campaigns/${encodeURIComponent(id)}`;
  switch (edit.kind) {
    case 'cap':
      return [`${base}/items/${encodeURIComponent(edit.itemId)}/cap`, { stockCap: edit.stockCap }];
    case 'price':
      return [`${base}/items/${encodeURIComponent(edit.itemId)}/price`, { priceFen: edit.priceFen }];
    case 'addItems':
      return [`${base}/items`, { items: edit.items }];
    case 'cutoff':
      return [`${base}/cutoff`, { cutoffAt: edit.cutoffAt }];
  }
}

export function useLiveEdit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, edit }: { id: string; edit: LiveEdit }) => {
      const [path, body] = liveEditRequest(id, edit);
      return api.post<CampaignDetail>(path, body);
    },
    onSuccess: invalidate,
  });
}

/** A SKU the picker offers, flattened from the catalog's products. */
export interface SkuChoice {
  skuId: string;
  skuCode: string;
  productName: string;
  spec: string;
  listPriceFen: number;
  sellable: boolean;
}

interface CatalogProduct {
  name: string;
  status: 'draft' | 'on_sale' | 'off_sale';
  skus: Array<{
    id: string;
    code: string;
    spec: string;
    listPriceFen: number;
    status: 'active' | 'inactive';
  }>;
}

/** Searches the catalog by name, code or SKU code for the items editor. */
export function useSkuChoices(q: string) {
  return useQuery({
    queryKey: ['catalog', 'sku-choices', q],
    queryFn: async () => {
      const page = await api.get<Page<CatalogProduct>>('/api/catalog/products', { q, page: 1, pageSize: 20 });
      return page.items.flatMap((p) =>
        p.skus.map(
          (s): SkuChoice => ({
            skuId: s.id,
            skuCode: s.code,
            productName: p.name,
            spec: s.spec,
            listPriceFen: s.listPriceFen,
            sellable: s.status === 'active' && p.status !== 'off_sale',
          }),
        ),
      );
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export interface RegionOption {
  id: string;
  code: string;
  name: string;
}

export function useRegionOptions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: RegionOption[] }>('/api/regions'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
