import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StorefrontView } from './storefront-api';

interface LiveItem {
  itemId: string;
  remaining: number;
}

function isLiveItem(value: unknown): value is LiveItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.itemId === 'string' && typeof v.remaining === 'number';
}

function parse(data: unknown): unknown {
  try {
    return typeof data === 'string' ? JSON.parse(data) : null;
  } catch {
    return null;
  }
}

/**
 * Follows the campaign's live stock stream (GET /api/campaigns/:id/live, server-sent events) and
 * writes each item's remaining stock into the page's data; a `campaign` event (an operator's live
 * edit) makes the page read the campaign again. The page keeps polling as well, so a
 * browser or proxy without event streams still sees the stock within seconds.
 */
export function useLiveRemaining(campaignId: string, queryKey: QueryKey, enabled: boolean): void {
  const queryClient = useQueryClient();
  const keyText = JSON.stringify(queryKey);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const key: QueryKey = JSON.parse(keyText);
    const source = new EventSource(`/api/campaigns/${encodeURIComponent(campaignId)}/live`);
    const apply = (items: LiveItem[]) => {
      if (items.length === 0) return;
      const byId = new Map(items.map((i) => [i.itemId, i.remaining]));
      queryClient.setQueryData<StorefrontView>(key, (view) =>
        view
          ? {
              ...view,
              items: view.items.map((i) => {
                const remaining = byId.get(i.itemId);
                return remaining === undefined ? i : { ...i, remaining: Math.max(0, remaining) };
              }),
            }
          : view,
      );
    };
    source.addEventListener('snapshot', (e) => {
      const body = parse(e.data);
      if (typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items)) {
        apply(body.items.filter(isLiveItem));
      }
    });
    source.addEventListener('item', (e) => {
      const body = parse(e.data);
      if (isLiveItem(body)) apply([body]);
    });
    // The operator changed what the item events do not carry (a cap, a price, an added item, the
    // cutoff, or closed the campaign): the page reads the campaign again.
    source.addEventListener('campaign', () => {
      void queryClient.invalidateQueries({ queryKey: key });
    });
    return () => source.close();
  }, [campaignId, keyText, enabled, queryClient]);
}
