import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Image, Popup, PullToRefresh, Space, Tag, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { absoluteUrl, type PortalCampaign, type PortalMe, portalApi } from './portal-api';
import { copyText, Failed, Loading } from './portal-shared';
import { makePoster, posterCutoff } from './poster';

function PosterSheet(props: { campaign: PortalCampaign | null; me: PortalMe; onClose: () => void }) {
  const { t } = useLocale();
  const { campaign, me } = props;
  const poster = useQuery({
    queryKey: ['portal', 'poster', campaign?.id, me.code, t('portal.poster.scan')],
    enabled: campaign !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    queryFn: () => {
      if (!campaign) throw new Error('no campaign');
      const times = posterCutoff(campaign);
      return makePoster({
        campaign,
        shareUrl: absoluteUrl(campaign.sharePath),
        words: {
          scan: t('portal.poster.scan'),
          leader: t('portal.poster.leader', { name: me.name, code: me.code }),
          cutoff: t('portal.poster.cutoff', times),
          more: (n) => t('portal.poster.more', { n }),
        },
      });
    },
  });
  return (
    <Popup
      visible={campaign !== null}
      onMaskClick={props.onClose}
      onClose={props.onClose}
      bodyStyle={{ borderRadius: '12px 12px 0 0', maxHeight: '92vh', overflowY: 'auto' }}
    >
      <div style={{ padding: 12, textAlign: 'center' }} data-testid="portal-poster">
        <div style={{ fontWeight: 600, fontSize: 16, marginBottom: 8 }}>{t('portal.poster.title')}</div>
        {poster.isPending && <div style={{ padding: 48 }}>{t('portal.poster.making')}</div>}
        {poster.isError && <div style={{ padding: 24, color: '#ff3141' }}>{t('portal.poster.failed')}</div>}
        {poster.data && (
          <>
            <img
              src={poster.data}
              alt={campaign?.name ?? ''}
              data-testid="portal-poster-image"
              style={{
                width: '80%',
                maxWidth: 320,
                boxShadow: '0 2px 12px rgba(0,0,0,.15)',
                borderRadius: 8,
              }}
            />
            <div style={{ color: '#999', fontSize: 12, margin: '8px 0' }}>{t('portal.poster.hint')}</div>
            <a
              href={poster.data}
              download={`poster-${campaign?.code ?? 'campaign'}-${me.code}.png`}
              data-testid="portal-poster-save"
            >
              <Button block color="danger">
                {t('portal.poster.save')}
              </Button>
            </a>
          </>
        )}
      </div>
    </Popup>
  );
}

function CampaignCard(props: { c: PortalCampaign; index: number; onPoster: () => void }) {
  const { t } = useLocale();
  const { c, index } = props;
  const link = absoluteUrl(c.sharePath);
  async function copy() {
    const ok = await copyText(link);
    Toast.show({ content: ok ? t('portal.campaigns.copied') : t('portal.campaigns.copyFailed') });
  }
  return (
    <Card style={{ margin: '8px 12px', borderRadius: 12 }} data-testid={`portal-campaign-${index}`}>
      {c.coverUrl && (
        <Image src={c.coverUrl} width="100%" height={140} fit="cover" style={{ borderRadius: 8 }} />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 8 }}>
        <span style={{ fontWeight: 600, fontSize: 16 }} data-testid={`portal-campaign-${index}-name`}>
          {c.name}
        </span>
        <Tag color={c.status === 'live' ? 'danger' : 'primary'}>
          {c.status === 'live' ? t('portal.campaigns.live') : t('portal.campaigns.upcoming')}
        </Tag>
      </div>
      <Space wrap style={{ '--gap': '6px', marginTop: 6, color: '#666', fontSize: 13 }}>
        <span>
          {c.status === 'live'
            ? t('portal.campaigns.cutoff', { time: dayjs(c.cutoffAt).format('MM-DD HH:mm') })
            : t('portal.campaigns.starts', { time: dayjs(c.startsAt).format('MM-DD HH:mm') })}
        </span>
        <span>{t('portal.campaigns.delivery', { date: c.deliveryDate })}</span>
        <span>{t('portal.campaigns.products', { n: c.items.length })}</span>
      </Space>
      <div
        style={{ marginTop: 6, color: '#ff3141', fontSize: 13 }}
        data-testid={`portal-campaign-${index}-sales`}
      >
        {t('portal.campaigns.mySales', { orders: c.myOrders, total: formatYuan(c.myTotalFen) })}
      </div>
      <div style={{ display: 'flex', gap: 8, overflowX: 'auto', margin: '8px 0' }}>
        {c.items.slice(0, 6).map((i) => (
          <div key={i.itemId} style={{ minWidth: 96, fontSize: 12 }}>
            <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {i.productName}
            </div>
            <div style={{ color: '#ff3141', fontWeight: 600 }}>{formatYuan(i.priceFen)}</div>
          </div>
        ))}
      </div>
      <div
        data-testid={`portal-campaign-${index}-link`}
        style={{
          fontSize: 12,
          color: '#1677ff',
          wordBreak: 'break-all',
          background: '#f5f7fa',
          padding: 6,
          borderRadius: 6,
        }}
      >
        {link}
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button
          size="small"
          style={{ flex: 1 }}
          data-testid={`portal-campaign-${index}-copy`}
          onClick={() => void copy()}
        >
          {t('portal.campaigns.copy')}
        </Button>
        <Button
          size="small"
          color="danger"
          style={{ flex: 1 }}
          data-testid={`portal-campaign-${index}-poster`}
          onClick={props.onPoster}
        >
          {t('portal.campaigns.poster')}
        </Button>
        <Button size="small" fill="outline" onClick={() => void window.open(link, '_blank')}>
          {t('portal.campaigns.open')}
        </Button>
      </div>
    </Card>
  );
}

/** 开团: what the leader can share now or soon, with links and posters carrying their code. */
export function CampaignsTab({ me }: { me: PortalMe }) {
  const { t } = useLocale();
  const query = useQuery({ queryKey: ['portal', 'campaigns'], queryFn: portalApi.campaigns });
  const [poster, setPoster] = useState<PortalCampaign | null>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failed error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PullToRefresh onRefresh={async () => void (await query.refetch())}>
        {query.data.items.length === 0 ? (
          <Empty description={t('portal.campaigns.empty')} data-testid="portal-campaigns-empty" />
        ) : (
          query.data.items.map((c, index) => (
            <CampaignCard key={c.id} c={c} index={index} onPoster={() => setPoster(c)} />
          ))
        )}
      </PullToRefresh>
      <PosterSheet campaign={poster} me={me} onClose={() => setPoster(null)} />
    </>
  );
}
