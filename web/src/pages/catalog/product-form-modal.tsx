import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { ApiError } from '../../api';
import { useReportError } from '../../api-errors';
import {
  PRODUCT_STATUSES,
  type Product,
  type ProductInput,
  type ProductStatus,
  useCategories,
  useCreateProduct,
  useUpdateProduct,
} from '../../catalog-api';
import { localizedMessage } from '../../i18n';
import { useLocale } from '../../locale-context';
import { fenToYuan, yuanToFen } from '../../shared/money';

interface SkuRow {
  id?: string;
  code: string;
  spec: string;
  barcode?: string;
  listPrice: number;
  costPrice: number;
}

interface FormValues {
  code: string;
  name: string;
  categoryId?: string;
  unit: string;
  supplier?: string;
  status?: ProductStatus;
  images?: string;
  description?: string;
  skus: SkuRow[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
type NamePath = (string | number)[];
const PRODUCT_FIELDS = ['code', 'name', 'categoryId', 'unit', 'supplier', 'images', 'description'];

/**
 * Where a server error belongs in this form: `body.skus.1.listPriceFen` is the second SKU row's
 * price (edited in yuan here), `body.images.0` is the images box.
 */
export function formPathOf(field: string | undefined): NamePath | null {
  if (!field?.startsWith('body.')) return null;
  const parts = field.slice('body.'.length).split('.');
  const [head, index, leaf] = parts;
  if (head === 'skus' && index !== undefined && leaf !== undefined) {
    const renamed = leaf === 'listPriceFen' ? 'listPrice' : leaf === 'costPriceFen' ? 'costPrice' : leaf;
    return ['skus', Number(index), renamed];
  }
  return head !== undefined && PRODUCT_FIELDS.includes(head) ? [head] : null;
}

function toInput(v: FormValues, isNew: boolean): ProductInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    categoryId: v.categoryId ?? null,
    unit: v.unit.trim(),
    supplier: v.supplier?.trim() ?? '',
    description: v.description ?? '',
    images: (v.images ?? '').split(/\s+/).filter(Boolean),
    ...(isNew && v.status ? { status: v.status } : {}),
    skus: v.skus.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      code: s.code.trim(),
      spec: s.spec.trim(),
      barcode: s.barcode?.trim() || null,
      listPriceFen: yuanToFen(s.listPrice),
      costPriceFen: yuanToFen(s.costPrice),
    })),
  };
}

function initialValues(p: Product | null): Partial<FormValues> {
  if (!p) return { status: 'draft', skus: [{ code: '', spec: '', listPrice: 0, costPrice: 0 }] };
  return {
    code: p.code,
    name: p.name,
    categoryId: p.categoryId ?? undefined,
    unit: p.unit,
    supplier: p.supplier,
    images: p.images.join('\n'),
    description: p.description,
    skus: p.skus.map((s) => ({
      id: s.id,
      code: s.code,
      spec: s.spec,
      barcode: s.barcode ?? undefined,
      listPrice: fenToYuan(s.listPriceFen),
      costPrice: fenToYuan(s.costPriceFen),
    })),
  };
}

/** Create or edit a product with its SKU rows; prices are typed in yuan and sent in fen. */
export function ProductFormModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const categories = useCategories();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const reportError = useReportError();
  const submitting = create.isPending || update.isPending;
  const isNew = product === null;

  const onError = (error: unknown) => {
    const path = error instanceof ApiError ? formPathOf(error.field) : null;
    if (error instanceof ApiError && path)
      // antd types a field name by the form's value shape; this path was built from that shape.
      form.setFields([
        { name: path as Parameters<typeof form.getFieldError>[0], errors: [localizedMessage(lang, error)] },
      ]);
    else reportError(error);
  };

  const onFinish = (values: FormValues) => {
    const input = toInput(values, isNew);
    const done = () => {
      message.success(t(isNew ? 'catalog.created' : 'catalog.updated'));
      onClose();
    };
    if (product) update.mutate({ ...input, id: product.id }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  };

  const required = { required: true, whitespace: true, message: t('catalog.required') };
  const price = { required: true, type: 'number' as const, min: 0, message: t('catalog.required') };

  return (
    <Modal
      open
      width={980}
      title={t(isNew ? 'catalog.create' : 'catalog.edit')}
      onCancel={onClose}
      mask={{ closable: !submitting }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={submitting}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={submitting}
          onClick={() => form.submit()}
          data-testid="product-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues(product)}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('catalog.code')}
              rules={[required, { pattern: CODE, message: t('catalog.codeRule') }]}
            >
              <Input data-testid="product-form-code" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('catalog.name')} rules={[required, { max: 128 }]}>
              <Input data-testid="product-form-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="categoryId" label={t('catalog.category')}>
              <Select
                allowClear
                data-testid="product-form-categoryId"
                loading={categories.isLoading}
                options={categories.data?.items.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="unit" label={t('catalog.unit')} rules={[required, { max: 16 }]}>
              <Input data-testid="product-form-unit" />
            </Form.Item>
          </Col>
          <Col span={isNew ? 6 : 12}>
            <Form.Item name="supplier" label={t('catalog.supplier')} rules={[{ max: 128 }]}>
              <Input data-testid="product-form-supplier" />
            </Form.Item>
          </Col>
          {isNew && (
            <Col span={6}>
              <Form.Item name="status" label={t('catalog.status')}>
                <Select
                  data-testid="product-form-status"
                  options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="images" label={t('catalog.images')} extra={t('catalog.imagesHelp')}>
              <Input.TextArea rows={2} data-testid="product-form-images" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="description" label={t('catalog.description')} rules={[{ max: 4000 }]}>
              <Input.TextArea rows={2} data-testid="product-form-description" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List
          name="skus"
          rules={[
            {
              validator: async (_, rows: SkuRow[] | undefined) => {
                if (!rows || rows.length === 0) throw new Error(t('catalog.skusRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <div style={{ fontWeight: 600, marginBottom: 8 }}>{t('catalog.skus')}</div>
              {fields.map((field, i) => {
                const saved = Boolean(form.getFieldValue(['skus', field.name, 'id']));
                return (
                  <Row gutter={8} key={field.key} align="top">
                    <Col span={5}>
                      <Form.Item
                        name={[field.name, 'code']}
                        label={i === 0 ? t('catalog.sku.code') : undefined}
                        rules={[required, { pattern: CODE, message: t('catalog.codeRule') }]}
                      >
                        <Input data-testid={`sku-row-${i}-code`} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        name={[field.name, 'spec']}
                        label={i === 0 ? t('catalog.sku.spec') : undefined}
                        rules={[required, { max: 64 }]}
                      >
                        <Input data-testid={`sku-row-${i}-spec`} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item
                        name={[field.name, 'barcode']}
                        label={i === 0 ? t('catalog.sku.barcode') : undefined}
                        rules={[{ pattern: /^[0-9A-Za-z-]{1,32}$/, message: t('catalog.codeRule') }]}
                      >
                        <Input data-testid={`sku-row-${i}-barcode`} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        name={[field.name, 'listPrice']}
                        label={i === 0 ? t('catalog.sku.listPrice') : undefined}
                        rules={[price]}
                      >
                        <InputNumber
                          min={0}
                          precision={2}
                          step={0.1}
                          style={{ width: '100%' }}
                          data-testid={`sku-row-${i}-listPrice`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        name={[field.name, 'costPrice']}
                        label={i === 0 ? t('catalog.sku.costPrice') : undefined}
                        rules={[price]}
                      >
                        <InputNumber
                          min={0}
                          precision={2}
                          step={0.1}
                          style={{ width: '100%' }}
                          data-testid={`sku-row-${i}-costPrice`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={2} style={{ paddingTop: i === 0 ? 30 : 0 }}>
                      {/* A saved SKU may be referenced by stock and orders, so it is never removed here. */}
                      {!saved && fields.length > 1 && (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('catalog.sku.remove')}
                          onClick={() => remove(field.name)}
                          data-testid={`sku-row-${i}-remove`}
                        />
                      )}
                    </Col>
                  </Row>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', spec: '', listPrice: 0, costPrice: 0 })}
                data-testid="sku-add"
              >
                {t('catalog.sku.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
