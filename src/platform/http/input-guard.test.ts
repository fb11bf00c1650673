import { describe, expect, it } from 'vitest';
import { findNul } from './input-guard.js';

describe('findNul', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a clean string', 'hello 你好', undefined],
    ['a string with NUL', 'a\u0000b', 'body'],
    ['numbers, booleans and null', { a: 1, b: true, c: null }, undefined],
    ['a nested property', { lines: [{ note: 'ok' }, { note: 'x\u0000' }] }, 'body.lines.1.note'],
    ['an array element', { tags: ['a', '\u0000'] }, 'body.tags.1'],
    ['a NUL in a key names the object holding it', { attrs: { 'k\u0000': 'v' } }, 'body.attrs'],
    ['the first of several', { a: '\u0000', b: '\u0000' }, 'body.a'],
    ['undefined (no body)', undefined, undefined],
  ])('%s', (_name, value, expected) => {
    expect(findNul(value, 'body')).toBe(expected);
  });
});
