import type { TablePaginationConfig } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useLocale } from '../locale-context';

export const DEFAULT_PAGE_SIZE = 20;

/** The page and page size of a list, with its filters. */
export type ListParams<F> = F & { page: number; pageSize: number };

/**
 * A list page's state held in the address bar: its text filters, the page and the page size. A
 * reload, a shared link or the back button shows the same rows; a value equal to its default stays
 * out of the address, so an unfiltered first page has a clean one. Other query parameters (a tab,
 * an open drawer's id) are kept. `prefix` separates two lists on one address (tabs of one page).
 */
export function useListParams<F extends { [K in keyof F]: string }>(
  defaults: F,
  opts: { prefix?: string; pageSize?: number } = {},
) {
  const [search, setSearch] = useSearchParams();
  const prefix = opts.prefix ?? '';
  const defaultPageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  // The defaults object is usually written inline; its content, not its identity, matters.
  const defaultsKey = JSON.stringify(defaults);

  const params = useMemo(
    (): ListParams<F> => readListParams(search, JSON.parse(defaultsKey) as F, prefix, defaultPageSize),
    [search, prefix, defaultsKey, defaultPageSize],
  );

  const write = useCallback(
    (values: Record<string, string | number>) =>
      setSearch((current) =>
        writeListParams(current, values, JSON.parse(defaultsKey) as F, prefix, defaultPageSize),
      ),
    [setSearch, prefix, defaultsKey, defaultPageSize],
  );

  /** New filter values (the others kept); the list goes back to its first page. */
  const setFilters = useCallback(
    (patch: Partial<F>) => write({ ...(patch as Record<string, string>), page: 1 }),
    [write],
  );

  /** Every filter back to its default, on the first page. */
  const resetFilters = useCallback(
    () => write({ ...(JSON.parse(defaultsKey) as Record<string, string>), page: 1 }),
    [write, defaultsKey],
  );

  const { t } = useLocale();
  /** The table's pager and its change handler, for `<Table {...table(total)} />`. */
  const table = useCallback(
    (total: number | undefined) => ({
      pagination: {
        current: params.page,
        pageSize: params.pageSize,
        total: total ?? 0,
        showSizeChanger: true,
        showTotal: (n: number) => t('common.total', { total: n }),
      } satisfies TablePaginationConfig,
      onChange: (pagination: TablePaginationConfig) =>
        write({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? params.pageSize }),
    }),
    [params.page, params.pageSize, t, write],
  );

  return { params, setFilters, resetFilters, table };
}

/** The list's filters and page as the address states them, the defaults where it says nothing. */
export function readListParams<F extends { [K in keyof F]: string }>(
  search: URLSearchParams,
  defaults: F,
  prefix = '',
  defaultPageSize = DEFAULT_PAGE_SIZE,
): ListParams<F> {
  const filters: Record<string, string> = {};
  for (const [key, fallback] of Object.entries<string>(defaults))
    filters[key] = search.get(prefix + key) ?? fallback;
  return {
    ...(filters as F),
    page: positiveInt(search.get(`${prefix}page`), 1),
    pageSize: positiveInt(search.get(`${prefix}pageSize`), defaultPageSize),
  };
}

/** The address with new values; a value equal to its default (or empty) is taken out. */
export function writeListParams<F extends { [K in keyof F]: string }>(
  current: URLSearchParams,
  values: Record<string, string | number>,
  defaults: F,
  prefix = '',
  defaultPageSize = DEFAULT_PAGE_SIZE,
): URLSearchParams {
  const base: Record<string, string> = defaults;
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(values)) {
    const fallback = key === 'page' ? '1' : key === 'pageSize' ? String(defaultPageSize) : base[key];
    if (String(value) === fallback || value === '') next.delete(prefix + key);
    else next.set(prefix + key, String(value));
  }
  return next;
}

function positiveInt(text: string | null, fallback: number): number {
  const n = Number(text);
  return text !== null && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** A filter read from the address that must be one of a closed set (a status): anything else is "all". */
export function oneOf<T extends string>(allowed: readonly T[], value: string): T | '' {
  return allowed.find((a) => a === value) ?? '';
}
