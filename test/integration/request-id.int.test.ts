import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let seq = 0;

/** Creates a user with `requestId` as the client's x-request-id; answers the id the server used. */
async function createUserWith(requestId: string): Promise<{ used: string; userId: string }> {
  const admin = await sessionFor(t, ['admin']);
  seq += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { ...admin.headers, 'x-request-id': requestId },
    payload: {
      username: `rid_user_${seq}`,
      displayName: 'R',
      password: 'long-enough-1',
      roles: ['operator'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { used: String(res.headers['x-request-id']), userId: res.json<{ id: string }>().id };
}

/** The request ids stored for the user's creation: in the audit log and on the outbox event. */
async function storedIds(userId: string): Promise<{ audit: string[]; outbox: string[] }> {
  const audit = await t.tdb.deps.pool.query<{ request_id: string }>(
    "SELECT request_id FROM audit_log WHERE action = 'user.create' AND entity_id = $1",
    [userId],
  );
  const outbox = await t.tdb.deps.pool.query<{ request_id: string }>(
    "SELECT request_id FROM outbox_events WHERE type = 'user.created' AND aggregate_id = $1",
    [userId],
  );
  return { audit: audit.rows.map((r) => r.request_id), outbox: outbox.rows.map((r) => r.request_id) };
}

describe('a client-chosen x-request-id', () => {
  it('is kept, answered and stored when it is short and plain', async () => {
    const { used, userId } = await createUserWith('support-ticket.4711_a');
    expect(used).toBe('support-ticket.4711_a');
    expect(await storedIds(userId)).toEqual({ audit: [used], outbox: [used] });
  });

  it.each([
    ['10 KB long', 'a'.repeat(10 * 1024)],
    ['65 characters', 'b'.repeat(65)],
    ['with a NUL byte', 'abc\u0000def'],
    ['outside ASCII', '订单-追踪-1'],
    ['with markup', '<script>alert(1)</script>'],
    ['with a control character', 'abc\u0007def'],
  ])(
    'is replaced by a generated id when %s, and the generated id is what gets stored',
    async (_name, given) => {
      const { used, userId } = await createUserWith(given);
      expect(used).not.toBe(given);
      expect(used).toMatch(/^[\w.-]{1,64}$/);
      expect(await storedIds(userId)).toEqual({ audit: [used], outbox: [used] });
    },
  );
});
