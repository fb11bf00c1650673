import { describe, expect, it } from 'vitest';
import { validationMessageZh } from './validation-zh.js';

describe('validationMessageZh', () => {
  it.each([
    [{ keyword: 'minimum', params: { comparison: '>=', limit: 1 } }, '字段 body.qty 必须 ≥ 1'],
    [{ keyword: 'maximum', params: { comparison: '<=', limit: 100 } }, '字段 body.qty 必须 ≤ 100'],
    [{ keyword: 'exclusiveMinimum', params: { limit: 0 } }, '字段 body.qty 必须 > 0'],
    [{ keyword: 'type', params: { type: 'integer' } }, '字段 body.qty 必须是整数'],
    [{ keyword: 'type', params: { type: 'string,null' } }, '字段 body.qty 必须是文本或空值 (null)'],
    [{ keyword: 'required', params: { missingProperty: 'qty' } }, '字段 body.qty 必填'],
    [{ keyword: 'maxLength', params: { limit: 200 } }, '字段 body.qty 最多 200 个字符'],
    [{ keyword: 'minLength', params: { limit: 1 } }, '字段 body.qty 不能为空'],
    [{ keyword: 'format', params: { format: 'date' } }, '字段 body.qty 必须是有效的日期 (YYYY-MM-DD)'],
    [{ keyword: 'anyOf', params: {} }, '字段 body.qty 不是允许的取值'],
    [{ keyword: 'somethingNew', params: {} }, '字段 body.qty 不合法'],
  ])('%j → %s', (issue, zh) => {
    expect(validationMessageZh('body.qty', issue)).toBe(zh);
  });

  it('never carries the validator’s English text', () => {
    const zh = validationMessageZh('query.page', {
      keyword: 'minimum',
      params: { limit: 1 },
      message: 'must be >= 1',
    });
    expect(zh).toBe('字段 query.page 必须 ≥ 1');
    expect(zh).not.toContain('must');
  });
});
