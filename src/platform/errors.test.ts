import { describe, expect, it } from 'vitest';
import { usersError, usersErrors } from './auth/auth.errors.js';
import {
  DomainError,
  defineErrors,
  type ErrorKind,
  type ErrorSpec,
  errorFactory,
  httpStatusOf,
  platformError,
  platformErrors,
} from './errors.js';

describe('httpStatusOf', () => {
  const statuses: Record<ErrorKind, number> = {
    validation: 400,
    unauthenticated: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    payload_too_large: 413,
    unsupported_media_type: 415,
    unprocessable: 422,
    rate_limited: 429,
    internal: 500,
    unavailable: 503,
  };

  it.each(Object.entries(statuses))('%s → %s', (kind, status) => {
    expect(httpStatusOf(kind as ErrorKind)).toBe(status);
  });

  it('gives each kind its own status', () => {
    const all = Object.keys(statuses).map((k) => httpStatusOf(k as ErrorKind));
    expect(new Set(all).size).toBe(all.length);
  });

  it('throws for a kind outside the union', () => {
    const unknown: string = 'teapot';
    expect(() => httpStatusOf(unknown as ErrorKind)).toThrow('unknown error kind teapot');
  });
});

describe('DomainError', () => {
  const spec: ErrorSpec = { kind: 'not_found', en: 'Thing not found', zh: '东西不存在' };

  it('takes its status from the kind and its message from the English text', () => {
    const err = new DomainError('things.not_found', spec);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('DomainError');
    expect(err.status).toBe(404);
    expect(err.code).toBe('things.not_found');
    expect(err.message).toBe('Thing not found');
    expect(err.field).toBeUndefined();
    expect(err.detail).toBeUndefined();
  });

  it('puts the detail after the message', () => {
    expect(new DomainError('things.not_found', spec, 'id', 'thg_1').message).toBe('Thing not found: thg_1');
  });

  it('toBody has only code and both messages when there is nothing else', () => {
    expect(new DomainError('things.not_found', spec).toBody()).toStrictEqual({
      error: { code: 'things.not_found', message: 'Thing not found', messageZh: '东西不存在' },
    });
  });

  it('toBody carries field, detail and requestId, with the detail in both languages', () => {
    const body = new DomainError('things.not_found', spec, 'params.id', 'thg_42').toBody('req_01');
    expect(body).toStrictEqual({
      error: {
        code: 'things.not_found',
        message: 'Thing not found: thg_42',
        messageZh: '东西不存在：thg_42',
        field: 'params.id',
        detail: 'thg_42',
        requestId: 'req_01',
      },
    });
  });

  it.each<[string, string | undefined, string | undefined, string | undefined, string[]]>([
    ['only a field', 'body.name', undefined, undefined, ['code', 'field', 'message', 'messageZh']],
    ['only a detail', undefined, 'too long', undefined, ['code', 'detail', 'message', 'messageZh']],
    ['only a request id', undefined, undefined, 'req_9', ['code', 'message', 'messageZh', 'requestId']],
    ['empty strings, which count as absent', '', '', '', ['code', 'message', 'messageZh']],
  ])('toBody with %s leaves the other keys out', (_name, field, detail, requestId, keys) => {
    const { error } = new DomainError('things.not_found', spec, field, detail).toBody(requestId);
    expect(Object.keys(error).sort()).toEqual(keys);
  });

  it('toBody survives a JSON round trip unchanged', () => {
    const body = new DomainError('things.not_found', spec, 'body.x', 'x').toBody('req_1');
    expect(JSON.parse(JSON.stringify(body))).toStrictEqual(body);
  });
});

describe('errorFactory', () => {
  const catalogue: Record<string, ErrorSpec> = defineErrors({
    'shop.closed': { kind: 'unavailable', en: 'The shop is closed', zh: '店铺已关闭' },
    'shop.sold_out': { kind: 'conflict', en: 'Sold out', zh: '已售罄' },
  });
  const fail = errorFactory(catalogue);

  it('builds a DomainError for a catalogue code', () => {
    const err = fail('shop.sold_out');
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('shop.sold_out');
    expect(err.status).toBe(409);
    expect(err.spec).toBe(catalogue['shop.sold_out']);
    expect(err.field).toBeUndefined();
    expect(err.detail).toBeUndefined();
  });

  it('passes field and detail through', () => {
    const err = fail('shop.closed', { field: 'body.shopId', detail: 'until 08:00' });
    expect(err.status).toBe(503);
    expect(err.field).toBe('body.shopId');
    expect(err.detail).toBe('until 08:00');
    expect(err.message).toBe('The shop is closed: until 08:00');
  });

  it('throws for a code outside the catalogue', () => {
    expect(() => fail('shop.unknown')).toThrow('unknown error code shop.unknown');
  });

  it('platformError and usersError build from their own catalogues', () => {
    expect(platformError('auth.forbidden').status).toBe(403);
    expect(platformError('request.invalid', { field: 'query.page' }).toBody().error.field).toBe('query.page');
    expect(usersError('users.username_taken').status).toBe(409);
    expect(usersError('users.not_found').toBody().error.messageZh).toBe('用户不存在');
  });
});

describe('error catalogues', () => {
  const catalogues: [string, Record<string, ErrorSpec>, string[]][] = [
    ['platformErrors', platformErrors, ['auth', 'db', 'export', 'request', 'route', 'system']],
    ['usersErrors', usersErrors, ['users']],
  ];
  const entries = catalogues.flatMap(([name, catalogue, modules]) =>
    Object.entries(catalogue).map(([code, spec]) => ({ name, code, spec, modules })),
  );

  it('are not empty', () => {
    for (const [name, catalogue] of catalogues)
      expect(Object.keys(catalogue).length, name).toBeGreaterThan(0);
  });

  it.each(entries)(
    '$name $code has the form module.snake_case with its module prefix',
    ({ code, modules }) => {
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*\.[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(modules).toContain(code.split('.')[0]);
    },
  );

  it.each(entries)('$name $code has a known kind and both messages', ({ spec }) => {
    expect(() => httpStatusOf(spec.kind)).not.toThrow();
    expect(spec.en.trim()).not.toBe('');
    expect(spec.zh.trim()).not.toBe('');
    expect(spec.en).toBe(spec.en.trim());
    expect(spec.zh).toBe(spec.zh.trim());
    // The Chinese text is actually Chinese, not a copy of the English one.
    expect(spec.zh).toMatch(/\p{Script=Han}/u);
    expect(spec.zh).not.toBe(spec.en);
  });

  it('never define the same code twice', () => {
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
