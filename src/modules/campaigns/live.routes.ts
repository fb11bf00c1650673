import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.js';
import { IdParams } from '../../platform/http/schemas.js';
import { campaignsError } from './campaigns.errors.js';
import { type LiveCampaign, type LiveItem, liveHubFor } from './live-hub.js';

const PING_MS = 15_000;

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The live availability stream of a campaign (server-sent events): a `snapshot` first, then an
 * `item` event whenever an item's sold count changes (at most 4 per second per item), and a `: ping`
 * comment every 15 s. Public: the customer page shows the same remaining counts.
 */
export const campaignLiveRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const hub = liveHubFor(deps);
  const open = new Set<() => void>();
  // preClose runs before the server waits for its connections, so an open stream never holds
  // graceful shutdown; onClose stops the hub's timers.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
    hub.stop();
  });

  app.get(
    '/api/campaigns/:id/live',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['campaigns'],
        summary: 'Live availability per item, as server-sent events (实时库存)',
        description:
          'text/event-stream: `event: snapshot` {campaignId, serverNow, state, items:[{itemId, sold, cap, remaining}]}, then `event: item` {itemId, sold, cap, remaining} on change (at most 4/s per item), `event: campaign` {campaignId, state, cutoffAt, serverNow} when the state, the cutoff, the items or a price changed (re-read the campaign), `: ping` every 15 s.',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const campaignId = req.params.id;
      const res: ServerResponse = reply.raw;
      let ended = false;
      let ping: NodeJS.Timeout | undefined;
      let unsubscribe: (() => void) | undefined;
      const end = () => {
        if (ended) return;
        ended = true;
        if (ping) clearInterval(ping);
        unsubscribe?.();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      const write = (chunk: string) => {
        if (!ended && !res.writableEnded) res.write(chunk);
      };
      const sub = await hub.subscribe(campaignId, {
        item: (item: LiveItem) => write(event('item', item)),
        campaign: (change: LiveCampaign) => write(event('campaign', change)),
        end,
      });
      if (!sub) throw campaignsError('campaigns.not_found', { field: 'params.id', detail: campaignId });
      unsubscribe = sub.unsubscribe;
      if (ended) {
        sub.unsubscribe();
        return reply;
      }
      reply.hijack();
      open.add(end);
      // A hijacked reply sends only what is written to it: the security headers set on the reply
      // (app.ts) are carried over by hand.
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined) res.setHeader(name, value);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      res.flushHeaders();
      write(`retry: 3000\n${event('snapshot', sub.snapshot)}`);
      ping = setInterval(() => write(': ping\n\n'), PING_MS);
      ping.unref();
      req.raw.on('close', end);
      res.on('error', end);
      return reply;
    },
  );
};
