import { App as AntApp, Button, Form, Input, Popconfirm, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import {
  useCreateWarehouse,
  useUpdateWarehouse,
  useWarehouses,
  type Warehouse,
  type WarehouseInput,
} from '../../inventory-api';
import { useLocale } from '../../locale-context';

const FIELDS = ['code', 'name', 'address'] as const;

/** Create (all fields) or edit (name and address; the code is printed on labels and stays). */
function WarehouseModal({ warehouse, onClose }: { warehouse: Warehouse | null; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<WarehouseInput>();
  const create = useCreateWarehouse();
  const update = useUpdateWarehouse();
  const reportError = useReportError();
  const handlers = {
    onSuccess: () => {
      message.success(t(warehouse ? 'common.saved' : 'inventory.warehouse.created'));
      onClose();
    },
    onError: (error: unknown) => reportError(error, formTarget(form, FIELDS)),
  };
  const onFinish = (v: WarehouseInput) => {
    const name = v.name.trim();
    const address = v.address.trim();
    if (warehouse) update.mutate({ id: warehouse.id, name, address }, handlers);
    else create.mutate({ code: v.code.trim(), name, address }, handlers);
  };
  return (
    <FormModal
      title={t(warehouse ? 'inventory.warehouse.edit' : 'inventory.warehouse.create')}
      submitting={create.isPending || update.isPending}
      submitTestId="warehouse-form-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={warehouse ?? {}}
        autoComplete="off"
      >
        <Form.Item
          name="code"
          label={t('inventory.warehouse.code')}
          rules={[
            { required: true, pattern: /^[A-Za-z0-9_-]{2,32}$/, message: t('inventory.warehouse.codeRule') },
          ]}
        >
          <Input disabled={warehouse !== null} data-testid="warehouse-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('inventory.warehouse.name')}
          rules={[{ required: true, whitespace: true, message: t('inventory.warehouse.nameRequired') }]}
        >
          <Input maxLength={64} data-testid="warehouse-form-name" />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('inventory.warehouse.address')}
          rules={[{ required: true, whitespace: true, message: t('inventory.warehouse.addressRequired') }]}
        >
          <Input maxLength={256} data-testid="warehouse-form-address" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function WarehousesTab() {
  const { t } = useLocale();
  const can = useCan();
  const canWrite = can('inventory.write');
  const list = useWarehouses();
  const update = useUpdateWarehouse();
  const reportError = useReportError();
  const [dialog, setDialog] = useState<{ warehouse: Warehouse | null } | null>(null);

  const columns: TableProps<Warehouse>['columns'] = [
    { title: t('inventory.warehouse.code'), dataIndex: 'code', key: 'code' },
    { title: t('inventory.warehouse.name'), dataIndex: 'name', key: 'name' },
    { title: t('inventory.warehouse.address'), dataIndex: 'address', key: 'address' },
    {
      title: t('inventory.warehouse.status'),
      key: 'status',
      render: (_, w) =>
        w.status === 'active' ? (
          <Tag color="success">{t('inventory.warehouse.active')}</Tag>
        ) : (
          <Tag>{t('inventory.warehouse.inactive')}</Tag>
        ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, w) => {
        const next = w.status === 'active' ? 'inactive' : 'active';
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ warehouse: w })}>
              {t('inventory.warehouse.edit')}
            </Button>
            <Popconfirm
              title={`${t(`inventory.warehouse.${next}`)} ${w.name}?`}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                update.mutateAsync({ id: w.id, status: next }).catch((e: unknown) => reportError(e))
              }
            >
              <Button type="link" size="small" danger={next === 'inactive'}>
                {t(`inventory.warehouse.${next}`)}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    });
  }

  return (
    <>
      {canWrite && (
        <Button
          type="primary"
          style={{ marginBottom: 16 }}
          onClick={() => setDialog({ warehouse: null })}
          data-testid="warehouse-create"
        >
          {t('inventory.warehouse.create')}
        </Button>
      )}
      <QueryError error={list.error} />
      <Table<Warehouse>
        rowKey="id"
        data-testid="warehouses-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={false}
      />
      {dialog && <WarehouseModal warehouse={dialog.warehouse} onClose={() => setDialog(null)} />}
    </>
  );
}
