import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Space, Table } from 'antd';
import { useLocale } from '../../locale-context';
import { SkuPicker } from './sku-picker';

/** One row of the items editor; the price is edited in yuan and sent in fen. */
export interface ItemRow {
  skuId?: string;
  price?: number;
  stockCap?: number;
  perCustomerLimit?: number;
}

/** The campaign's items as an editable table inside the campaign form (Form.List named `items`). */
export function CampaignItemsEditor({ known }: { known: ReadonlyMap<string, string> }) {
  const { t } = useLocale();
  const required = { required: true, message: t('campaigns.required') };
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            data-testid="campaign-items"
            columns={[
              {
                title: t('campaigns.item.sku'),
                key: 'sku',
                render: (_, field, i) => (
                  <Form.Item name={[field.name, 'skuId']} rules={[required]} style={{ margin: 0 }}>
                    <SkuPicker known={known} testId={`campaign-item-${i}-skuId`} />
                  </Form.Item>
                ),
              },
              {
                title: t('campaigns.item.price'),
                key: 'price',
                render: (_, field, i) => (
                  <Form.Item name={[field.name, 'price']} rules={[required]} style={{ margin: 0 }}>
                    <InputNumber min={0} precision={2} step={0.1} data-testid={`campaign-item-${i}-price`} />
                  </Form.Item>
                ),
              },
              {
                title: t('campaigns.item.stockCap'),
                key: 'stockCap',
                render: (_, field, i) => (
                  <Form.Item name={[field.name, 'stockCap']} rules={[required]} style={{ margin: 0 }}>
                    <InputNumber min={1} precision={0} data-testid={`campaign-item-${i}-stockCap`} />
                  </Form.Item>
                ),
              },
              {
                title: t('campaigns.item.limit'),
                key: 'perCustomerLimit',
                render: (_, field, i) => (
                  <Form.Item name={[field.name, 'perCustomerLimit']} rules={[required]} style={{ margin: 0 }}>
                    <InputNumber min={1} precision={0} data-testid={`campaign-item-${i}-perCustomerLimit`} />
                  </Form.Item>
                ),
              },
              {
                title: '',
                key: 'remove',
                render: (_, field, i) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('campaigns.item.remove')}
                    onClick={() => remove(field.name)}
                    data-testid={`campaign-item-${i}-remove`}
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ stockCap: 100, perCustomerLimit: 5 })}
              data-testid="campaign-item-add"
            >
              {t('campaigns.item.add')}
            </Button>
          </Space>
        </>
      )}
    </Form.List>
  );
}
