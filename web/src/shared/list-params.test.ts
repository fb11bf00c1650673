import { describe, expect, it } from 'vitest';
import { oneOf, readListParams, writeListParams } from './list-params';

const defaults = { q: '', status: '' };

describe('a list page in the address', () => {
  it('reads the defaults from an empty address', () => {
    expect(readListParams(new URLSearchParams(), defaults)).toEqual({
      q: '',
      status: '',
      page: 1,
      pageSize: 20,
    });
  });

  it('reads filters, page and page size', () => {
    const search = new URLSearchParams('q=wang&status=active&page=3&pageSize=50&tab=other');
    expect(readListParams(search, defaults)).toEqual({ q: 'wang', status: 'active', page: 3, pageSize: 50 });
  });

  it('falls back to the first page for a page that is not a positive whole number', () => {
    for (const page of ['0', '-2', '1.5', 'abc', ''])
      expect(readListParams(new URLSearchParams({ page }), defaults).page).toBe(1);
  });

  it('keeps other parameters and leaves defaults out of the address', () => {
    const next = writeListParams(
      new URLSearchParams('tab=withdrawals&page=4'),
      { q: 'li', page: 1 },
      defaults,
    );
    expect(next.toString()).toBe('tab=withdrawals&q=li');
    expect(writeListParams(next, { q: '', pageSize: 20 }, defaults).toString()).toBe('tab=withdrawals');
  });

  it('keeps two lists of one address apart by prefix', () => {
    const next = writeListParams(new URLSearchParams('page=2'), { page: 5, q: 'x' }, defaults, 'w.');
    expect(next.toString()).toBe('page=2&w.page=5&w.q=x');
    expect(readListParams(next, defaults, 'w.')).toEqual({ q: 'x', status: '', page: 5, pageSize: 20 });
    expect(readListParams(next, defaults).page).toBe(2);
  });

  it('takes a closed filter only from its set', () => {
    expect(oneOf(['pending', 'dead'] as const, 'dead')).toBe('dead');
    expect(oneOf(['pending', 'dead'] as const, 'drop table')).toBe('');
  });
});
