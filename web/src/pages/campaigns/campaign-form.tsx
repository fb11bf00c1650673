import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { ApiError } from '../../api';
import { useReportError } from '../../api-errors';
import {
  type CampaignBody,
  type CampaignDetail,
  type SellTo,
  useCampaign,
  useRegionOptions,
  useSaveCampaign,
} from '../../campaigns-api';
import { QueryError } from '../../components/query-error';
import { localizedMessage } from '../../i18n';
import { useWarehouses } from '../../inventory-api';
import { useLocale } from '../../locale-context';
import { fenToYuan, yuanToFen } from '../../shared/money';
import { CampaignItemsEditor, type ItemRow } from './campaign-items-editor';

interface FormValues {
  code: string;
  name: string;
  coverUrl?: string;
  description?: string;
  startsAt: Dayjs;
  cutoffAt: Dayjs;
  endsAt: Dayjs;
  deliveryDate: Dayjs;
  sellTo: SellTo;
  regionIds?: string[];
  warehouseId?: string | null;
  paymentMinutes: number;
  items?: ItemRow[];
}

const TOP_FIELDS = [
  'code',
  'name',
  'coverUrl',
  'description',
  'startsAt',
  'cutoffAt',
  'endsAt',
  'deliveryDate',
  'sellTo',
  'regionIds',
  'warehouseId',
  'paymentMinutes',
] as const;

type TopField = (typeof TOP_FIELDS)[number];
const ITEM_FIELDS = ['skuId', 'price', 'stockCap', 'perCustomerLimit'] as const;
type ItemField = (typeof ITEM_FIELDS)[number];
type FormPath = [TopField] | ['items', number, ItemField];

/**
 * Where in the form a server error belongs: `body.items.1.priceFen` is the price input of the second
 * row (the form edits yuan, the API takes fen), `body.regionIds.2` the region select.
 */
export function formPathOf(field: string | undefined): FormPath | null {
  if (!field) return null;
  const [head, index, leaf] = field.replace(/^body\./, '').split('.');
  if (head === 'items' && index !== undefined && /^\d+$/.test(index)) {
    const name = leaf === 'priceFen' ? 'price' : leaf;
    const itemField = ITEM_FIELDS.find((f) => f === name);
    return itemField ? ['items', Number(index), itemField] : null;
  }
  const top = TOP_FIELDS.find((f) => f === head);
  return top ? [top] : null;
}

/** Sensible first values: opens soon, closes at 22:00 (tonight, or tomorrow if that is too close), delivers the day after. */
function defaults(): Partial<FormValues> {
  const now = dayjs();
  const startsAt = now.add(10, 'minute').startOf('minute');
  let cutoffAt = now.hour(22).minute(0).second(0).millisecond(0);
  if (cutoffAt.diff(startsAt, 'minute') < 60) cutoffAt = cutoffAt.add(1, 'day');
  return {
    code: `T${now.format('YYYYMMDD-HHmmss')}`,
    startsAt,
    cutoffAt,
    endsAt: cutoffAt.hour(23).minute(59),
    deliveryDate: cutoffAt.add(1, 'day').startOf('day'),
    sellTo: 'all',
    regionIds: [],
    paymentMinutes: 30,
    items: [{ stockCap: 100, perCustomerLimit: 5 }],
  };
}

function valuesOf(c: CampaignDetail): Partial<FormValues> {
  return {
    code: c.code,
    name: c.name,
    coverUrl: c.coverUrl,
    description: c.description,
    startsAt: dayjs(c.startsAt),
    cutoffAt: dayjs(c.cutoffAt),
    endsAt: dayjs(c.endsAt),
    deliveryDate: dayjs(c.deliveryDate),
    sellTo: c.sellTo,
    regionIds: c.regionIds,
    warehouseId: c.warehouseId,
    paymentMinutes: c.paymentMinutes,
    items: c.items.map((i) => ({
      skuId: i.skuId,
      price: fenToYuan(i.priceFen),
      stockCap: i.stockCap,
      perCustomerLimit: i.perCustomerLimit,
    })),
  };
}

function bodyOf(v: FormValues): CampaignBody {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    coverUrl: v.coverUrl?.trim() ?? '',
    description: v.description?.trim() ?? '',
    startsAt: v.startsAt.toISOString(),
    cutoffAt: v.cutoffAt.toISOString(),
    endsAt: v.endsAt.toISOString(),
    deliveryDate: v.deliveryDate.format('YYYY-MM-DD'),
    sellTo: v.sellTo,
    regionIds: v.sellTo === 'regions' ? (v.regionIds ?? []) : [],
    warehouseId: v.warehouseId ?? null,
    paymentMinutes: v.paymentMinutes,
    items: (v.items ?? []).map((i, n) => ({
      skuId: i.skuId ?? '',
      priceFen: yuanToFen(i.price ?? 0),
      stockCap: i.stockCap ?? 0,
      perCustomerLimit: i.perCustomerLimit ?? 0,
      sortOrder: n,
    })),
  };
}

interface Props {
  campaignId: string | null;
  /** Called with the saved campaign's id, or null when the person gave up. */
  onDone: (savedId: string | null) => void;
}

export function CampaignForm({ campaignId, onDone }: Props) {
  const existing = useCampaign(campaignId);
  if (campaignId && !existing.data) {
    return existing.error ? <QueryError error={existing.error} /> : <Spin />;
  }
  return <CampaignFormBody campaign={existing.data ?? null} onDone={onDone} />;
}

function CampaignFormBody({
  campaign,
  onDone,
}: {
  campaign: CampaignDetail | null;
  onDone: Props['onDone'];
}) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveCampaign();
  const reportError = useReportError();
  const regions = useRegionOptions();
  const warehouses = useWarehouses();
  const warehouseOptions = useMemo(
    () =>
      (warehouses.data?.items ?? [])
        // A warehouse taken out of use can stay on a campaign that already names it.
        .filter((w) => w.status === 'active' || w.id === campaign?.warehouseId)
        .map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` })),
    [warehouses.data, campaign],
  );
  const sellTo = Form.useWatch('sellTo', form);
  const initial = useMemo(() => (campaign ? valuesOf(campaign) : defaults()), [campaign]);
  const known = useMemo(
    () =>
      new Map(
        (campaign?.items ?? []).map((i) => [
          i.skuId,
          i.skuCode ? `${i.skuCode} · ${i.productName ?? ''} ${i.spec ?? ''}` : i.skuId,
        ]),
      ),
    [campaign],
  );
  const required = { required: true, message: t('campaigns.required') };

  const onFinish = (values: FormValues) =>
    save.mutate(
      { id: campaign?.id ?? null, body: bodyOf(values) },
      {
        onSuccess: (saved) => {
          message.success(t('campaigns.saved'));
          onDone(saved.id);
        },
        onError: (error) => {
          const path = error instanceof ApiError ? formPathOf(error.field) : null;
          if (error instanceof ApiError && path) {
            form.setFields([{ name: path, errors: [localizedMessage(lang, error)] }]);
            form.scrollToField(path);
          } else reportError(error);
        },
      },
    );

  const timeField = (name: 'startsAt' | 'cutoffAt' | 'endsAt') => (
    <Form.Item name={name} label={t(`campaigns.${name}`)} rules={[required]}>
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        data-testid={`campaign-form-${name}`}
      />
    </Form.Item>
  );

  return (
    <Card title={t(campaign ? 'campaigns.edit' : 'campaigns.create')}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} autoComplete="off">
        <Space wrap size="large" align="start">
          <Form.Item
            name="code"
            label={t('campaigns.code')}
            rules={[required, { pattern: /^[A-Za-z0-9_-]{2,32}$/, message: t('campaigns.codeRule') }]}
          >
            <Input style={{ width: 220 }} data-testid="campaign-form-code" />
          </Form.Item>
          <Form.Item name="name" label={t('campaigns.name')} rules={[{ ...required, whitespace: true }]}>
            <Input style={{ width: 320 }} maxLength={100} data-testid="campaign-form-name" />
          </Form.Item>
        </Space>
        <Form.Item name="coverUrl" label={t('campaigns.coverUrl')}>
          <Input placeholder="https://" data-testid="campaign-form-coverUrl" />
        </Form.Item>
        <Form.Item name="description" label={t('campaigns.description')}>
          <Input.TextArea rows={2} maxLength={5000} data-testid="campaign-form-description" />
        </Form.Item>
        <Space wrap size="large" align="start">
          {timeField('startsAt')}
          {timeField('cutoffAt')}
          {timeField('endsAt')}
          <Form.Item name="deliveryDate" label={t('campaigns.deliveryDate')} rules={[required]}>
            <DatePicker data-testid="campaign-form-deliveryDate" />
          </Form.Item>
          <Form.Item
            name="paymentMinutes"
            label={t('campaigns.paymentMinutes')}
            tooltip={t('campaigns.paymentMinutesHint')}
            rules={[required]}
          >
            <InputNumber min={1} max={1440} precision={0} data-testid="campaign-form-paymentMinutes" />
          </Form.Item>
        </Space>
        <Form.Item name="sellTo" label={t('campaigns.sellTo')}>
          <Radio.Group data-testid="campaign-form-sellTo">
            <Radio value="all">{t('campaigns.sellTo.all')}</Radio>
            <Radio value="regions">{t('campaigns.sellTo.regions')}</Radio>
          </Radio.Group>
        </Form.Item>
        {sellTo === 'regions' && (
          <Form.Item name="regionIds" label={t('campaigns.regions')} rules={[required]}>
            <Select
              mode="multiple"
              // Typing searches what the operator reads (name and code), not the hidden region ids.
              showSearch={{ optionFilterProp: 'label' }}
              loading={regions.isLoading}
              options={(regions.data?.items ?? []).map((r) => ({
                value: r.id,
                label: `${r.name} (${r.code})`,
              }))}
              data-testid="campaign-form-regionIds"
            />
          </Form.Item>
        )}
        <Form.Item name="warehouseId" label={t('campaigns.warehouse')}>
          <Select
            allowClear
            placeholder={t('campaigns.warehouse.auto')}
            loading={warehouses.isLoading}
            options={warehouseOptions}
            data-testid="campaign-form-warehouseId"
          />
        </Form.Item>
        <Form.Item label={t('campaigns.items')}>
          <CampaignItemsEditor known={known} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="campaign-form-submit"
          >
            {t('common.save')}
          </Button>
          <Button onClick={() => onDone(campaign?.id ?? null)} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
