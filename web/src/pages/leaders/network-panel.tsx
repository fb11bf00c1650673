import { SwapOutlined } from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import {
  type DayRange,
  fetchRecruits,
  type RecruitItem,
  type ReferrerPeriod,
  useRecruits,
  useReferrerHistory,
  useTeam,
  useUpline,
} from '../../leader-network-api';
import type { LeaderDetail } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { NetworkMoveModal } from './network-move-modal';

interface TreeNode {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: TreeNode[];
}

function Upline({ leader }: { leader: LeaderDetail }) {
  const { t } = useLocale();
  const [at, setAt] = useState<Dayjs | null>(null);
  const upline = useUpline(leader.id, at?.toISOString());
  const items = [...(upline.data?.items ?? [])].reverse();
  return (
    <Card
      size="small"
      title={t('network.upline')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('network.upline.asOf')}</Typography.Text>
          <DatePicker
            showTime
            allowClear
            placeholder={t('network.upline.now')}
            value={at}
            onChange={(v) => setAt(v)}
            data-testid="network-upline-at"
          />
        </Space>
      }
    >
      <QueryError error={upline.error} />
      <div data-testid="network-upline">
        {items.length === 0 && !upline.isLoading ? (
          <Typography.Text type="secondary">{t('network.upline.none')}</Typography.Text>
        ) : (
          <Breadcrumb
            items={[
              ...items.map((u) => ({
                key: u.leaderId,
                title: u.visible ? (
                  <Link to={`/leaders/${u.leaderId}?tab=network`} data-testid={`upline-${u.leaderId}`}>
                    {u.name}（{u.code}）
                  </Link>
                ) : (
                  <span data-testid={`upline-${u.leaderId}`}>{t('network.hidden')}</span>
                ),
              })),
              { key: 'self', title: <Tag color="blue">{leader.name}</Tag> },
            ]}
          />
        )}
      </div>
    </Card>
  );
}

function nodeTitle(t: ReturnType<typeof useLocale>['t'], r: RecruitItem): ReactNode {
  const name = r.visible ? (r.name ?? '') : t('network.hidden');
  return (
    <span data-testid={`team-node-${r.leaderId}`}>
      {r.visible ? (
        <Link to={`/leaders/${r.leaderId}?tab=network`}>{name}</Link>
      ) : (
        <Typography.Text type="secondary">{name}</Typography.Text>
      )}{' '}
      <Typography.Text type="secondary">
        {t('network.tree.node', {
          code: r.code ?? '—',
          size: r.teamSize,
          gmv: formatYuan(r.teamGmvFen),
          own: formatYuan(r.ownGmvFen),
        })}
      </Typography.Text>
    </span>
  );
}

/** The team tree, one level at a time: a node's recruits are fetched when it is expanded. */
function TeamTree({ leader, range }: { leader: LeaderDetail; range: DayRange }) {
  const { t } = useLocale();
  const roots = useRecruits(leader.id, range);
  const [tree, setTree] = useState<TreeNode[]>([]);
  const toNode = (r: RecruitItem): TreeNode => ({
    key: r.leaderId,
    title: nodeTitle(t, r),
    isLeaf: r.directRecruits === 0,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the tree restarts when its first level reloads
  useEffect(() => {
    setTree((roots.data?.items ?? []).map(toNode));
  }, [roots.data]);
  const attach = (nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] =>
    nodes.map((n) =>
      n.key === key
        ? { ...n, children }
        : n.children
          ? { ...n, children: attach(n.children, key, children) }
          : n,
    );
  return (
    <Card size="small" title={t('network.tree')}>
      <QueryError error={roots.error} />
      {tree.length === 0 && !roots.isLoading ? (
        <Empty description={t('network.tree.empty')} />
      ) : (
        <div data-testid="network-tree">
          <Tree<TreeNode>
            showLine
            treeData={tree}
            loadData={async (node) => {
              if (node.children) return;
              const page = await fetchRecruits(String(node.key), range);
              setTree((current) => attach(current, String(node.key), page.items.map(toNode)));
            }}
          />
        </div>
      )}
    </Card>
  );
}

function History({ leaderId }: { leaderId: string }) {
  const { t } = useLocale();
  const history = useReferrerHistory(leaderId);
  return (
    <Card size="small" title={t('network.history')}>
      <QueryError error={history.error} />
      <Table<ReferrerPeriod>
        size="small"
        rowKey="id"
        data-testid="network-history"
        pagination={false}
        dataSource={history.data?.items}
        columns={[
          {
            title: t('network.history.referrer'),
            key: 'referrer',
            render: (_, p) =>
              p.referrer === null
                ? t('leaderDetail.noReferrer')
                : p.referrer.visible
                  ? `${p.referrer.name}（${p.referrer.code}）`
                  : t('network.hidden'),
          },
          { title: t('network.history.from'), key: 'from', render: (_, p) => formatDateTime(p.validFrom) },
          {
            title: t('network.history.to'),
            key: 'to',
            render: (_, p) => (p.validTo ? formatDateTime(p.validTo) : t('network.history.current')),
          },
          {
            title: t('network.history.cause'),
            key: 'cause',
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <Tag>{t(`network.history.cause.${p.cause}`)}</Tag>
                {p.reason && <Typography.Text type="secondary">{p.reason}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('network.history.by'), key: 'by', render: (_, p) => p.actorName ?? '—' },
        ]}
      />
    </Card>
  );
}

/** 推荐关系: the upline chain, team figures over a range of days, the team tree, the history, the move. */
export function NetworkPanel({ leader }: { leader: LeaderDetail }) {
  const { t } = useLocale();
  const can = useCan();
  const [days, setDays] = useState<[Dayjs, Dayjs] | null>(null);
  const range: DayRange = days
    ? { from: days[0].format('YYYY-MM-DD'), to: days[1].format('YYYY-MM-DD') }
    : {};
  const team = useTeam(leader.id, range);
  const [moving, setMoving] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="network-panel">
      <Upline leader={leader} />
      <Card
        size="small"
        title={t('network.team')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('network.range')}</Typography.Text>
            <DatePicker.RangePicker
              allowClear
              value={days}
              onChange={(v) => setDays(v?.[0] && v[1] ? [v[0], v[1]] : null)}
              placeholder={[t('network.range.all'), t('network.range.all')]}
              data-testid="network-range"
            />
            {can('leaders.admin') && (
              <Button icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="network-move">
                {t('network.move')}
              </Button>
            )}
          </Space>
        }
      >
        <QueryError error={team.error} />
        <Row gutter={16} data-testid="network-figures">
          <Col span={4}>
            <Statistic
              title={t('network.teamSize')}
              value={team.data?.size ?? '—'}
              valueRender={(v) => <span data-testid="network-team-size">{v}</span>}
            />
          </Col>
          <Col span={4}>
            <Statistic title={t('network.directRecruits')} value={team.data?.directRecruits ?? '—'} />
          </Col>
          <Col span={4}>
            <Statistic title={t('network.depth')} value={team.data?.depth ?? '—'} />
          </Col>
          <Col span={4}>
            <Statistic
              title={t('network.teamGmv')}
              value={team.data ? formatYuan(team.data.gmvFen) : '—'}
              valueRender={(v) => <span data-testid="network-team-gmv">{v}</span>}
            />
          </Col>
          <Col span={4}>
            <Statistic title={t('network.teamOrders')} value={team.data?.orders ?? '—'} />
          </Col>
          <Col span={4}>
            <Statistic
              title={t('network.ownGmv')}
              value={team.data ? formatYuan(team.data.ownGmvFen) : '—'}
            />
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('network.gmvNote')}</Typography.Text>
      </Card>
      <TeamTree key={`${range.from ?? ''}-${range.to ?? ''}`} leader={leader} range={range} />
      <History leaderId={leader.id} />
      {moving && (
        <NetworkMoveModal leader={leader} teamSize={team.data?.size ?? 0} onClose={() => setMoving(false)} />
      )}
    </Space>
  );
}
