import { App as AntApp, Form } from 'antd';
import { ApiError } from '../../api';
import { useReportError } from '../../api-errors';
import { useRegionOptions } from '../../campaigns-api';
import { FormModal } from '../../components/form-modal';
import { localizedMessage } from '../../i18n';
import { type PickupPoint, useSavePickupPoint } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { PickupPointFields, type PickupPointValues, pickupPointBody } from './pickup-point-fields';

const FIELDS = ['name', 'address', 'regionId', 'latitude', 'longitude', 'openingHours', 'capacity'];

/** Add a pickup point to a leader, or edit one. */
export function PickupPointFormModal({
  leaderId,
  point,
  onClose,
}: {
  leaderId: string;
  point: PickupPoint | null;
  onClose: () => void;
}) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PickupPointValues>();
  const regions = useRegionOptions();
  const save = useSavePickupPoint();
  const reportError = useReportError();

  const submit = async () => {
    let v: PickupPointValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await save.mutateAsync({ leaderId, id: point?.id ?? null, body: pickupPointBody(v) });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      const name = error instanceof ApiError ? error.field?.replace(/^body\./, '') : undefined;
      if (error instanceof ApiError && name && FIELDS.includes(name))
        form.setFields([{ name: name as keyof PickupPointValues, errors: [localizedMessage(lang, error)] }]);
      else reportError(error);
    }
  };

  return (
    <FormModal
      title={t(point ? 'pickupPoints.edit' : 'pickupPoints.add')}
      submitting={save.isPending}
      submitTestId="pp-form-submit"
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Form<PickupPointValues>
        form={form}
        layout="vertical"
        initialValues={
          point
            ? {
                name: point.name,
                address: point.address,
                regionId: point.regionId,
                latitude: point.latitude,
                longitude: point.longitude,
                openingHours: point.openingHours,
                capacity: point.capacity,
              }
            : {}
        }
      >
        <PickupPointFields prefix={[]} testPrefix="pp-form" regions={regions.data?.items ?? []} />
      </Form>
    </FormModal>
  );
}
