import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type ApiRequestBody, type ApiResponse, call } from './api';

/** The campaigns API's shapes, taken from the generated schema. */
export type CampaignSummary = ApiResponse<'/api/campaigns'>['items'][number];
export type CampaignState = CampaignSummary['state'];
export const CAMPAIGN_STATES: readonly CampaignState[] = [
  'draft',
  'scheduled',
  'live',
  'closed',
  'fulfilled',
  'cancelled',
];
export type SellTo = CampaignSummary['sellTo'];

export type CampaignDetail = ApiResponse<'/api/campaigns/{id}'>;

export type CampaignItem = CampaignDetail['items'][number];

export type CampaignBody = ApiRequestBody<'/api/campaigns', 'post'>;

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
    queryFn: () => call.get('/api/campaigns', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** A live campaign is watched: sold counts move while the page is open. */
/** A live campaign polls every 5 s, unless its live stream (`streaming`) already keeps it current. */
export function useCampaign(id: string | null, streaming = false) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => call.get('/api/campaigns/{id}', { params: { id: id ?? '' } }),
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
      id ? call.put('/api/campaigns/{id}', { params: { id }, body }) : call.post('/api/campaigns', { body }),
    onSuccess: invalidate,
  });
}

export type CampaignAction = 'schedule' | 'close' | 'cancel';

export function useCampaignAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: CampaignAction; reason?: string }) =>
      action === 'schedule'
        ? call.post('/api/campaigns/{id}/schedule', { params: { id } })
        : call.post(`/api/campaigns/{id}/${action}`, { params: { id }, body: reason ? { reason } : {} }),
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

function liveEditRequest(id: string, edit: LiveEdit): Promise<CampaignDetail> {
  switch (edit.kind) {
    case 'cap':
      return call.post('/api/campaigns/{id}/items/{itemId}/cap', {
        params: { id, itemId: edit.itemId },
        body: { stockCap: edit.stockCap },
      });
    case 'price':
      return call.post('/api/campaigns/{id}/items/{itemId}/price', {
        params: { id, itemId: edit.itemId },
        body: { priceFen: edit.priceFen },
      });
    case 'addItems':
      return call.post('/api/campaigns/{id}/items', { params: { id }, body: { items: edit.items } });
    case 'cutoff':
      return call.post('/api/campaigns/{id}/cutoff', { params: { id }, body: { cutoffAt: edit.cutoffAt } });
  }
}

export function useLiveEdit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, edit }: { id: string; edit: LiveEdit }) => liveEditRequest(id, edit),
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

/** Searches the catalog by name, code or SKU code for the items editor. */
export function useSkuChoices(q: string) {
  return useQuery({
    queryKey: ['catalog', 'sku-choices', q],
    queryFn: async () => {
      const page = await call.get('/api/catalog/products', { query: { q, page: 1, pageSize: 20 } });
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

export type RegionOption = ApiResponse<'/api/regions'>['items'][number];

export function useRegionOptions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => call.get('/api/regions'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
