import { useQuery } from '@tanstack/react-query';
import { Empty, Grid, List, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { portalApi } from './portal-api';
import { Failed, Loading, Section } from './portal-shared';

/** 团队: the leaders this leader recruited, with their sales, and the team's size and sales. */
export function TeamTab() {
  const { t } = useLocale();
  const query = useQuery({ queryKey: ['portal', 'team'], queryFn: portalApi.team });
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failed error={query.error} onRetry={() => void query.refetch()} />;
  const team = query.data;
  return (
    <div>
      <div style={{ background: '#fff', padding: '16px 12px' }}>
        <Grid columns={3}>
          {[
            { label: t('portal.team.size'), value: String(team.size), id: 'portal-team-size' },
            { label: t('portal.team.gmv'), value: formatYuan(team.gmvFen), id: 'portal-team-gmv' },
            {
              label: t('portal.team.monthGmv'),
              value: formatYuan(team.monthGmvFen),
              id: 'portal-team-month',
            },
          ].map((f) => (
            <Grid.Item key={f.id}>
              <div style={{ textAlign: 'center' }}>
                <div style={{ fontSize: 18, fontWeight: 700, color: '#ff3141' }} data-testid={f.id}>
                  {f.value}
                </div>
                <div style={{ fontSize: 12, color: '#999' }}>{f.label}</div>
              </div>
            </Grid.Item>
          ))}
        </Grid>
        <div style={{ fontSize: 11, color: '#bbb', textAlign: 'center', marginTop: 8 }}>
          {t('portal.team.note')}
        </div>
      </div>
      <Section title={t('portal.team.recruits')}>
        {team.recruitCount > team.recruits.length && (
          <div style={{ color: '#999', fontSize: 12 }}>
            {t('portal.team.listed', { shown: team.recruits.length, total: team.recruitCount })}
          </div>
        )}
        {team.recruits.length === 0 ? (
          <Empty description={t('portal.team.empty')} />
        ) : (
          <List>
            {team.recruits.map((r, i) => (
              <List.Item
                key={r.leaderId}
                data-testid={`portal-recruit-${i}`}
                description={t('portal.team.recruitSales', {
                  gmv: formatYuan(r.ownGmvFen),
                  month: formatYuan(r.ownMonthGmvFen),
                  size: r.teamSize,
                })}
                extra={t('portal.team.since', { date: dayjs(r.since).format('YYYY-MM-DD') })}
              >
                {r.name} <Tag fill="outline">{r.code}</Tag>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </div>
  );
}
