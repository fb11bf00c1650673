import { App as AntApp, Divider, Form, Input, Select } from 'antd';
import { ApiError } from '../../api';
import { useReportError } from '../../api-errors';
import { useRegionOptions } from '../../campaigns-api';
import { FormModal } from '../../components/form-modal';
import { localizedMessage } from '../../i18n';
import { type LeaderSummary, useSaveLeader } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { LeaderSearchSelect } from './leader-search-select';
import { PickupPointFields, type PickupPointValues, pickupPointBody } from './pickup-point-fields';

interface FormValues {
  name: string;
  phone?: string;
  regionId: string;
  referrerId?: string;
  pickupPoint: PickupPointValues;
}

const MOBILE = /^(\+86|0086)?1[3-9]\d{9}$/;
type NamePath = string[];

/** Where a server error belongs: `body.pickupPoint.latitude` is a nested field of this form. */
function formPathOf(field: string | undefined): NamePath | null {
  if (!field?.startsWith('body.')) return null;
  const parts = field.slice('body.'.length).split('.');
  if (parts[0] === 'pickupPoint' && parts[1]) return ['pickupPoint', parts[1]];
  return parts[0] && ['name', 'phone', 'regionId', 'referrerId'].includes(parts[0]) ? [parts[0]] : null;
}

/**
 * Create a leader with their first pickup point, or edit a leader's own fields. The phone is never
 * shown in full here: editing leaves it unchanged unless a new number is typed.
 */
export function LeaderFormModal({ leader, onClose }: { leader: LeaderSummary | null; onClose: () => void }) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const regions = useRegionOptions();
  const save = useSaveLeader();
  const reportError = useReportError();
  const isNew = leader === null;

  const onError = (error: unknown) => {
    const path = error instanceof ApiError ? formPathOf(error.field) : null;
    if (error instanceof ApiError && path)
      form.setFields([
        { name: path as Parameters<typeof form.getFieldError>[0], errors: [localizedMessage(lang, error)] },
      ]);
    else reportError(error);
  };

  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const phone = v.phone?.replace(/[\s-]/g, '') ?? '';
    try {
      if (isNew) {
        await save.mutateAsync({
          id: null,
          body: {
            name: v.name.trim(),
            phone,
            regionId: v.regionId,
            referrerId: v.referrerId ?? null,
            pickupPoint: pickupPointBody(v.pickupPoint),
          },
        });
      } else {
        await save.mutateAsync({
          id: leader.id,
          body: { name: v.name.trim(), regionId: v.regionId, ...(phone ? { phone } : {}) },
        });
      }
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      onError(error);
    }
  };

  const regionOptions = regions.data?.items ?? [];
  return (
    <FormModal
      title={t(isNew ? 'leaders.create' : 'leaders.edit')}
      submitting={save.isPending}
      submitTestId="leader-form-submit"
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={leader ? { name: leader.name, regionId: leader.regionId } : {}}
      >
        <Form.Item
          name="name"
          label={t('leaders.name')}
          rules={[{ required: true, whitespace: true, message: t('leaders.nameRequired') }]}
        >
          <Input maxLength={50} data-testid="leader-form-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('leaders.phone')}
          extra={leader ? t('leaders.phoneKeep', { masked: leader.phoneMasked }) : undefined}
          rules={[
            { required: isNew, message: t('leaders.phoneRule') },
            {
              validator: (_, value: string | undefined) =>
                !value || MOBILE.test(value.replace(/[\s-]/g, ''))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('leaders.phoneRule'))),
            },
          ]}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="leader-form-phone" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('leaders.region')}
          rules={[{ required: true, message: t('leaders.regionRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={regionOptions.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))}
            data-testid="leader-form-region"
          />
        </Form.Item>
        {isNew && (
          <>
            <Form.Item name="referrerId" label={t('leaders.referrer')} extra={t('leaders.referrerHint')}>
              <LeaderSearchSelect
                placeholder={t('leaders.referrerPlaceholder')}
                testId="leader-form-referrer"
              />
            </Form.Item>
            <Divider titlePlacement="start">{t('leaders.firstPickupPoint')}</Divider>
            <PickupPointFields prefix={['pickupPoint']} testPrefix="leader-form-pp" regions={regionOptions} />
          </>
        )}
      </Form>
    </FormModal>
  );
}
