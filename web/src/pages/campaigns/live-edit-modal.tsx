import { App as AntApp, DatePicker, Form, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useReportError } from '../../api-errors';
import { type CampaignDetail, type CampaignItem, type LiveEdit, useLiveEdit } from '../../campaigns-api';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { fenToYuan, yuanToFen } from '../../shared/money';
import { SkuPicker } from './sku-picker';

/** Which change the operator is making to a selling campaign (see `LiveEdit`). */
export type LiveEditTarget =
  | { kind: 'cap'; item: CampaignItem }
  | { kind: 'price'; item: CampaignItem }
  | { kind: 'addItems' }
  | { kind: 'cutoff' };

interface Values {
  stockCap?: number;
  price?: number;
  skuId?: string;
  perCustomerLimit?: number;
  cutoffAt?: Dayjs;
}

export function itemName(i: CampaignItem): string {
  return i.productName ? `${i.productName} ${i.spec ?? ''}`.trim() : (i.skuCode ?? i.skuId);
}

const toFen = (yuan: number | undefined) => yuanToFen(yuan ?? 0);

/**
 * The form of one change to a scheduled or live campaign (修改限量 / 改价 / 添加商品 / 延长截单). The
 * server checks each again (a cap below what has sold by then, a cutoff already past) and answers
 * with the reason, shown as a message.
 */
export function LiveEditModal({
  campaign,
  target,
  onClose,
}: {
  campaign: CampaignDetail;
  target: LiveEditTarget;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const reportError = useReportError();
  const mutation = useLiveEdit();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('campaigns.live.required') };

  const spec = (() => {
    switch (target.kind) {
      case 'cap':
        return {
          title: t('campaigns.live.capTitle', { name: itemName(target.item) }),
          done: 'campaigns.live.capSaved' as const,
          initial: { stockCap: target.item.stockCap },
          edit: (v: Values): LiveEdit => ({ kind: 'cap', itemId: target.item.id, stockCap: v.stockCap ?? 0 }),
        };
      case 'price':
        return {
          title: t('campaigns.live.priceTitle', { name: itemName(target.item) }),
          done: 'campaigns.live.priceSaved' as const,
          initial: { price: fenToYuan(target.item.priceFen) },
          edit: (v: Values): LiveEdit => ({
            kind: 'price',
            itemId: target.item.id,
            priceFen: toFen(v.price),
          }),
        };
      case 'addItems':
        return {
          title: t('campaigns.live.addItems'),
          done: 'campaigns.live.addItemsSaved' as const,
          initial: { perCustomerLimit: 1 },
          edit: (v: Values): LiveEdit => ({
            kind: 'addItems',
            items: [
              {
                skuId: v.skuId ?? '',
                priceFen: toFen(v.price),
                stockCap: v.stockCap ?? 0,
                perCustomerLimit: v.perCustomerLimit ?? 1,
              },
            ],
          }),
        };
      case 'cutoff':
        return {
          title: t('campaigns.live.extendCutoff'),
          done: 'campaigns.live.cutoffSaved' as const,
          initial: { cutoffAt: dayjs(campaign.cutoffAt).add(1, 'hour') },
          edit: (v: Values): LiveEdit => ({
            kind: 'cutoff',
            cutoffAt: (v.cutoffAt ?? dayjs(campaign.cutoffAt)).toISOString(),
          }),
        };
    }
  })();

  const onFinish = (v: Values) =>
    mutation
      .mutateAsync({ id: campaign.id, edit: spec.edit(v) })
      .then(() => {
        message.success(t(spec.done));
        onClose();
      })
      .catch((error: unknown) => reportError(error));

  const capField = (min: number) => (
    <Form.Item name="stockCap" label={t('campaigns.item.stockCap')} rules={[required]}>
      <InputNumber min={min} precision={0} data-testid="live-edit-stockCap" />
    </Form.Item>
  );
  const priceField = (
    <Form.Item name="price" label={t('campaigns.item.price')} rules={[required]}>
      <InputNumber min={0} precision={2} step={0.1} data-testid="live-edit-price" />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={spec.title}
      onCancel={onClose}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'live-edit-submit' }}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" initialValues={spec.initial} onFinish={onFinish} autoComplete="off">
        {target.kind === 'cap' && (
          <>
            <Typography.Paragraph type="secondary">
              {t('campaigns.live.capHelp', { sold: target.item.sold })}
            </Typography.Paragraph>
            {capField(Math.max(1, target.item.sold))}
          </>
        )}
        {target.kind === 'price' && (
          <>
            <Typography.Paragraph type="secondary">{t('campaigns.live.priceHelp')}</Typography.Paragraph>
            {priceField}
          </>
        )}
        {target.kind === 'addItems' && (
          <>
            <Form.Item name="skuId" label={t('campaigns.item.sku')} rules={[required]}>
              <SkuPicker testId="live-edit-skuId" />
            </Form.Item>
            {priceField}
            {capField(1)}
            <Form.Item name="perCustomerLimit" label={t('campaigns.item.limit')} rules={[required]}>
              <InputNumber min={1} precision={0} data-testid="live-edit-perCustomerLimit" />
            </Form.Item>
          </>
        )}
        {target.kind === 'cutoff' && (
          <>
            <Typography.Paragraph type="secondary">
              {t('campaigns.live.extendHelp', { cutoff: formatDateTime(campaign.cutoffAt) })}
            </Typography.Paragraph>
            <Form.Item name="cutoffAt" label={t('campaigns.cutoffAt')} rules={[required]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                data-testid="live-edit-cutoffAt"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
