import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { REGION_LEVELS, type RegionLevel, type RegionNode, useSaveRegion } from '../../leader-network-api';
import { useLocale } from '../../locale-context';

interface Values {
  code: string;
  name: string;
  parentId: string | null;
  level: RegionLevel;
  sortOrder: number;
}

const FIELDS = ['code', 'name', 'parentId', 'level', 'sortOrder'] as const;
const NEXT_LEVEL: Record<RegionLevel, RegionLevel> = {
  province: 'city',
  city: 'district',
  district: 'area',
  area: 'area',
};

/** Create or edit a region; changing the parent moves it with everything below it (no cycles). */
export function RegionsFormModal({
  region,
  parentId,
  regions,
  onClose,
}: {
  region: RegionNode | null;
  parentId: string | null;
  regions: readonly RegionNode[];
  onClose: () => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<Values>();
  const save = useSaveRegion();
  const reportError = useReportError();
  const parent = regions.find((r) => r.id === parentId);

  const submit = async () => {
    const v = await form.validateFields();
    const body = { ...v, code: v.code.trim(), name: v.name.trim(), parentId: v.parentId ?? null };
    save.mutate(
      { id: region?.id ?? null, body },
      { onSuccess: onClose, onError: (e) => reportError(e, formTarget(form, FIELDS)) },
    );
  };

  return (
    <FormModal
      title={region ? t('regions.editTitle', { name: region.name }) : t('regions.createTitle')}
      submitting={save.isPending}
      submitTestId="region-submit"
      onSubmit={() => void submit().catch(() => {})}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          region
            ? { ...region }
            : {
                code: '',
                name: '',
                parentId,
                level: parent ? NEXT_LEVEL[parent.level] : 'province',
                sortOrder: 0,
              }
        }
      >
        <Form.Item
          name="name"
          label={t('regions.name')}
          rules={[{ required: true, whitespace: true, message: t('regions.required') }]}
        >
          <Input maxLength={50} data-testid="region-name" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('regions.code')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_-]+$/, message: t('regions.required') }]}
        >
          <Input maxLength={32} data-testid="region-code" />
        </Form.Item>
        <Form.Item name="level" label={t('regions.level')} rules={[{ required: true }]}>
          <Select
            options={REGION_LEVELS.map((l) => ({ value: l, label: t(`regions.level.${l}`) }))}
            data-testid="region-level"
          />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('regions.parent')}
          extra={region ? t('regions.moveHint') : undefined}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('regions.parentNone')}
            data-testid="region-parent"
            options={regions
              .filter((r) => r.id !== region?.id)
              .map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('regions.sortOrder')}>
          <InputNumber min={0} max={100_000} />
        </Form.Item>
      </Form>
      {parent && !region && <Typography.Text type="secondary">{parent.name}</Typography.Text>}
    </FormModal>
  );
}
