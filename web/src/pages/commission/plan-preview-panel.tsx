import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, InputNumber, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type {
  LevelOption,
  PlanDocument,
  PreviewEntry,
  PreviewResult,
  RuleDescription,
} from '../../commission-api';
import { usePlanPreview } from '../../commission-api';
import { QueryError } from '../../components/query-error';
import { useLocale } from '../../locale-context';
import { formatYuan, yuanToFen } from '../../shared/money';
import { formatBps } from './plan-inputs';

interface Props {
  planId: string;
  document: PlanDocument;
  levels: LevelOption[];
  fallbackDescription: { zh: RuleDescription[]; en: RuleDescription[] };
  onResult: (result: PreviewResult | undefined) => void;
}

/** The worked example as the default chain: 普通, 银牌, 银牌, 金牌 (the ladder's first three ranks). */
function defaultChain(levels: LevelOption[]): (string | null)[] {
  const active = levels.filter((l) => l.status === 'active').sort((a, b) => a.rank - b.rank);
  const [a, b, c] = active;
  if (!a) return [null];
  if (!b) return [a.id, a.id];
  return [a.id, b.id, b.id, (c ?? b).id];
}

/**
 * Beside the editor: the plan in plain language and an example line computed by the server's engine
 * (the code that pays leaders) under the document as it is being edited, for a chain of levels the
 * person picks. Nothing is saved.
 */
export function PlanPreviewPanel({ planId, document, levels, fallbackDescription, onResult }: Props) {
  const { t, lang } = useLocale();
  const [chain, setChain] = useState<(string | null)[]>(() => defaultChain(levels));
  const [baseYuan, setBaseYuan] = useState(100);
  const [quantity, setQuantity] = useState(1);
  const [selfPurchase, setSelfPurchase] = useState(false);
  const request = useMemo(
    () => ({
      document,
      chain: chain.map((levelId) => ({ levelId })),
      line: { baseFen: yuanToFen(baseYuan), quantity, selfPurchase },
    }),
    [document, chain, baseYuan, quantity, selfPurchase],
  );
  const preview = usePlanPreview(planId, request);
  useEffect(() => onResult(preview.data), [preview.data, onResult]);

  const levelName = (id: string | null) => {
    const l = levels.find((x) => x.id === id);
    return l ? (lang === 'zh' ? l.name : l.nameEn) : t('commission.preview.noLevel');
  };
  const options = levels.map((l) => ({ value: l.id, label: lang === 'zh' ? l.name : l.nameEn }));
  const maxLength = Math.min(8, (document.depthCap ?? 3) + 2);
  const description = preview.data?.description ?? fallbackDescription;

  const columns = [
    {
      title: t('commission.preview.position'),
      key: 'position',
      render: (_: unknown, e: PreviewEntry) =>
        `L${e.chainPosition} · ${levelName(chain[e.chainPosition] ?? null)}`,
    },
    {
      title: t('commission.preview.rule'),
      key: 'rule',
      render: (_: unknown, e: PreviewEntry) => t(`commission.rule.${e.rule}`),
    },
    {
      title: t('commission.preview.base'),
      key: 'base',
      render: (_: unknown, e: PreviewEntry) => formatYuan(e.baseFen),
    },
    {
      title: t('commission.preview.rate'),
      key: 'rate',
      render: (_: unknown, e: PreviewEntry) =>
        e.rateBps !== null ? formatBps(e.rateBps) : `${formatYuan(e.perUnitFen ?? 0)} × ${quantity}`,
    },
    {
      title: t('commission.preview.amount'),
      key: 'amount',
      render: (_: unknown, e: PreviewEntry, i: number) => (
        <span data-testid={`preview-entry-${i}-amount`}>{formatYuan(e.amountFen)}</span>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('commission.preview.title')}
        extra={preview.isFetching && <Spin size="small" />}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>{t('commission.preview.base')}</span>
            <InputNumber<number>
              value={baseYuan}
              min={0}
              precision={2}
              prefix="¥"
              onChange={(v) => setBaseYuan(v ?? 0)}
              data-testid="preview-base"
            />
            <span>{t('commission.preview.quantity')}</span>
            <InputNumber<number>
              value={quantity}
              min={1}
              precision={0}
              onChange={(v) => setQuantity(v ?? 1)}
              style={{ width: 80 }}
            />
            <Checkbox checked={selfPurchase} onChange={(e) => setSelfPurchase(e.target.checked)}>
              {t('commission.preview.selfPurchase')}
            </Checkbox>
          </Space>
          <Space wrap>
            {chain
              .map((levelId, i) => ({ levelId, position: `L${i}` }))
              .map(({ levelId, position }, i) => (
                <Space.Compact key={position}>
                  <Button disabled>{position}</Button>
                  <Select<string | null>
                    value={levelId}
                    options={options}
                    style={{ width: 130 }}
                    onChange={(v) => setChain((c) => c.map((x, j) => (j === i ? v : x)))}
                    data-testid={`preview-chain-${i}`}
                  />
                </Space.Compact>
              ))}
            <Button
              icon={<MinusOutlined />}
              disabled={chain.length <= 1}
              onClick={() => setChain((c) => c.slice(0, -1))}
              aria-label={t('commission.preview.shorter')}
            />
            <Button
              icon={<PlusOutlined />}
              disabled={chain.length >= maxLength}
              onClick={() => setChain((c) => [...c, c[c.length - 1] ?? null])}
              aria-label={t('commission.preview.longer')}
              data-testid="preview-chain-add"
            />
          </Space>
          <QueryError error={preview.error} />
          {preview.data && preview.data.entries === null && (
            <Alert type="warning" showIcon title={t('commission.preview.fixFirst')} />
          )}
          <Table<PreviewEntry>
            size="small"
            rowKey="key"
            pagination={false}
            columns={columns}
            dataSource={preview.data?.entries ?? []}
            expandable={{
              expandedRowRender: (e) => (
                <Typography.Text type="secondary">{e.sentence[lang]}</Typography.Text>
              ),
              defaultExpandAllRows: true,
              showExpandColumn: false,
              expandedRowKeys: (preview.data?.entries ?? []).map((e) => e.key),
            }}
            data-testid="preview-entries"
          />
          <Space wrap>
            <Typography.Text strong data-testid="preview-total">
              {t('commission.preview.total', { amount: formatYuan(preview.data?.totalFen ?? 0) })}
            </Typography.Text>
            {preview.data?.worstCaseBps !== null && preview.data?.worstCaseBps !== undefined && (
              <Typography.Text type="secondary" data-testid="preview-worst">
                {t('commission.preview.worst', { rate: formatBps(preview.data.worstCaseBps) })}
              </Typography.Text>
            )}
          </Space>
        </Space>
      </Card>
      <Card size="small" title={t('commission.describe.title')} data-testid="plan-description">
        {description[lang].map((d) => (
          <div key={d.kind} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{d.title}</Typography.Text>
            {d.lines.map((line) => (
              <Typography.Paragraph key={line} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography.Paragraph>
            ))}
          </div>
        ))}
      </Card>
    </Space>
  );
}
