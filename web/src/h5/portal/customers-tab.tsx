import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, List, SearchBar } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { portalApi } from './portal-api';
import { Failed, Loading } from './portal-shared';

const PAGE = 20;

/** 客户: who ordered through this leader, phones masked, most recent first. */
export function CustomersTab() {
  const { t } = useLocale();
  const [q, setQ] = useState('');
  const query = useInfiniteQuery({
    queryKey: ['portal', 'customers', q],
    queryFn: ({ pageParam }) => portalApi.customers(q, pageParam, PAGE),
    initialPageParam: 1,
    getNextPageParam: (last, all) => (all.length * PAGE < last.total ? all.length + 1 : undefined),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return (
    <div>
      <div style={{ padding: '8px 12px', background: '#fff' }}>
        <SearchBar
          placeholder={t('portal.customers.search')}
          onSearch={(v) => setQ(v.trim())}
          onClear={() => setQ('')}
        />
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <Failed error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t('portal.customers.empty')} />
      ) : (
        <>
          <div
            style={{ padding: '6px 16px', color: '#999', fontSize: 12 }}
            data-testid="portal-customers-total"
          >
            {t('portal.customers.total', { n: total })}
          </div>
          <List>
            {items.map((c, i) => (
              <List.Item
                key={c.customerId}
                data-testid={`portal-customer-${i}`}
                description={t('portal.customers.last', {
                  time: dayjs(c.lastOrderAt).format('YYYY-MM-DD HH:mm'),
                })}
                extra={t('portal.customers.orders', { n: c.orderCount, total: formatYuan(c.totalFen) })}
              >
                {c.name ?? t('portal.customers.noName')}{' '}
                <span style={{ color: '#999', fontSize: 13 }}>{c.phoneMasked}</span>
              </List.Item>
            ))}
          </List>
          {query.hasNextPage && (
            <div style={{ padding: 12 }}>
              <Button block loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {t('portal.customers.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
