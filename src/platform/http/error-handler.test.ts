import { describe, expect, it } from 'vitest';
import { fieldOf } from './error-handler.js';

type Issue = Parameters<typeof fieldOf>[1];

describe('fieldOf', () => {
  it.each<[string, string | undefined, Issue, string | undefined]>([
    ['no issue and no context', undefined, undefined, undefined],
    ['no issue: just the context', 'body', undefined, 'body'],
    ['an issue on the whole body', 'body', { instancePath: '' }, 'body'],
    ['an issue without an instancePath', 'body', {}, 'body'],
    ['a top-level property', 'body', { instancePath: '/username' }, 'body.username'],
    ['a nested property', 'body', { instancePath: '/address/city' }, 'body.address.city'],
    ['an array element', 'body', { instancePath: '/roles/1' }, 'body.roles.1'],
    ['a property inside an array element', 'body', { instancePath: '/lines/0/qty' }, 'body.lines.0.qty'],
    [
      'a missing top-level property',
      'body',
      { instancePath: '', params: { missingProperty: 'password' } },
      'body.password',
    ],
    [
      'a missing nested property',
      'body',
      { instancePath: '/lines/2', params: { missingProperty: 'skuId' } },
      'body.lines.2.skuId',
    ],
    [
      'an additional top-level property',
      'body',
      { instancePath: '', params: { additionalProperty: 'isAdmin' } },
      'body.isAdmin',
    ],
    [
      'an additional nested property',
      'body',
      { instancePath: '/address', params: { additionalProperty: 'zip' } },
      'body.address.zip',
    ],
    [
      'missingProperty wins over additionalProperty',
      'body',
      { instancePath: '', params: { missingProperty: 'a', additionalProperty: 'b' } },
      'body.a',
    ],
    [
      'params that name no property',
      'body',
      { instancePath: '/age', params: { limit: 0, comparison: '>=' } },
      'body.age',
    ],
    [
      'a non-string missingProperty is ignored',
      'body',
      { instancePath: '/x', params: { missingProperty: 42 } },
      'body.x',
    ],
    ['path parameters', 'params', { instancePath: '/id' }, 'params.id'],
    ['headers', 'headers', { params: { missingProperty: 'x-csrf-token' } }, 'headers.x-csrf-token'],
    ['no context: defaults to body', undefined, { instancePath: '/name' }, 'body.name'],
    ['no context and a missing property', undefined, { params: { missingProperty: 'name' } }, 'body.name'],
  ])('%s', (_name, context, issue, expected) => {
    expect(fieldOf(context, issue)).toBe(expected);
  });

  it('keeps the context for a query string issue and adds the property', () => {
    // Fastify names the query string context "querystring".
    const field = fieldOf('querystring', { instancePath: '/page' });
    expect(field?.endsWith('.page')).toBe(true);
    expect(fieldOf('querystring', { params: { missingProperty: 'from' } })?.endsWith('.from')).toBe(true);
  });

  it('does not alter the issue it reads', () => {
    const issue = { instancePath: '/a/b', params: { missingProperty: 'c' } };
    const copy = structuredClone(issue);
    fieldOf('body', issue);
    fieldOf('body', issue);
    expect(issue).toEqual(copy);
    expect(fieldOf('body', issue)).toBe('body.a.b.c');
  });
});

describe('fieldOf names the query string "query"', () => {
  it('maps Fastify’s querystring context to query.<param>', () => {
    expect(fieldOf('querystring', { instancePath: '/pageSize', params: {} })).toBe('query.pageSize');
  });
});
