import { describe, expect, it } from 'vitest';
import { replayAnswer } from './replay.js';

const placed = { requestHash: 'h1', statusCode: 201, response: { order: { id: 'ord_1' } } };

describe('replayAnswer', () => {
  it('returns the stored answer to the same request, whatever it was', () => {
    expect(replayAnswer(placed, 'h1', 'req_2')).toEqual({
      statusCode: 201,
      body: { order: { id: 'ord_1' } },
    });
    const refused = { requestHash: 'h1', statusCode: 409, response: { error: { code: 'orders.sold_out' } } };
    expect(replayAnswer(refused, 'h1', 'req_2')).toEqual({
      statusCode: 409,
      body: { error: { code: 'orders.sold_out' } },
    });
  });

  it('refuses a different request under a used key, with this request’s id', () => {
    const a = replayAnswer(placed, 'h2', 'req_2');
    expect(a?.statusCode).toBe(422);
    expect(a?.body).toMatchObject({
      error: { code: 'orders.idempotency_key_reused', field: 'headers.idempotency-key', requestId: 'req_2' },
    });
  });

  it('has nothing to replay for an unknown key or one without its final answer', () => {
    expect(replayAnswer(undefined, 'h1', null)).toBeNull();
    expect(replayAnswer({ requestHash: 'h1', statusCode: 0, response: {} }, 'h1', null)).toBeNull();
  });
});
