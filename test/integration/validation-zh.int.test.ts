import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { call, expectError } from './support.js';

/**
 * What the console shows of a refused request is `messageZh`: Chinese words naming the field, never
 * the validator's English ("must be >= 1"), which stays in `message` and `detail` for developers.
 */
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, ['admin']);
});
afterAll(() => t.close());

describe('messageZh of a refused request', () => {
  it('names the field and the rule in Chinese', async () => {
    const err = expectError(
      await call(t, admin, 'GET', '/api/orders?page=0'),
      400,
      'request.invalid',
      'query.page',
    );
    expect(err.messageZh).toBe('请求参数不合法：字段 query.page 必须 ≥ 1');
    expect(err.detail).toBe('query.page must be >= 1');
  });

  it('says which field is missing or has the wrong type', async () => {
    const missing = expectError(
      await call(t, admin, 'POST', '/api/orders/ord_x/cancel', {}),
      400,
      'request.invalid',
      'body.reason',
    );
    expect(missing.messageZh).toBe('请求参数不合法：字段 body.reason 必填');
    const wrongType = expectError(
      await call(t, admin, 'POST', '/api/orders/ord_x/cancel', { reason: 5 }),
      400,
      'request.invalid',
      'body.reason',
    );
    expect(wrongType.messageZh).toBe('请求参数不合法：字段 body.reason 必须是文本');
  });

  it('says a NUL character is refused in Chinese', async () => {
    const err = expectError(
      await call(t, admin, 'GET', '/api/orders?campaignId=a%00b'),
      400,
      'request.invalid',
    );
    expect(err.messageZh).toBe('请求参数不合法：字段 query.campaignId 不能包含 NUL 字符 (U+0000)');
  });
});
