import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { RegionOption } from '../../campaigns-api';
import { useLocale } from '../../locale-context';

/**
 * The pickup point's inputs, shared by the new-leader form (nested under `pickupPoint`) and the
 * pickup point form. `prefix` is the form path the fields live under; `testPrefix` keeps test ids apart.
 */
export function PickupPointFields({
  prefix,
  testPrefix,
  regions,
}: {
  prefix: string[];
  testPrefix: string;
  regions: RegionOption[];
}) {
  const { t } = useLocale();
  const name = (field: string) => [...prefix, field];
  return (
    <>
      <Form.Item
        name={name('name')}
        label={t('pickupPoints.name')}
        rules={[{ required: true, whitespace: true, message: t('pickupPoints.nameRequired') }]}
      >
        <Input maxLength={100} data-testid={`${testPrefix}-name`} />
      </Form.Item>
      <Form.Item
        name={name('address')}
        label={t('pickupPoints.address')}
        rules={[{ required: true, whitespace: true, message: t('pickupPoints.addressRequired') }]}
      >
        <Input maxLength={300} data-testid={`${testPrefix}-address`} />
      </Form.Item>
      <Form.Item name={name('regionId')} label={t('pickupPoints.region')}>
        <Select
          allowClear
          placeholder={t('pickupPoints.regionDefault')}
          options={regions.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))}
          data-testid={`${testPrefix}-region`}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name={name('latitude')}
            label={t('pickupPoints.latitude')}
            extra={t('pickupPoints.coordinatesHint')}
          >
            <InputNumber
              min={-90}
              max={90}
              step={0.000001}
              style={{ width: '100%' }}
              data-testid={`${testPrefix}-latitude`}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={name('longitude')} label={t('pickupPoints.longitude')}>
            <InputNumber
              min={-180}
              max={180}
              step={0.000001}
              style={{ width: '100%' }}
              data-testid={`${testPrefix}-longitude`}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={name('openingHours')} label={t('pickupPoints.openingHours')}>
            <Input maxLength={200} placeholder="08:00-20:00" data-testid={`${testPrefix}-openingHours`} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={name('capacity')} label={t('pickupPoints.capacity')}>
            <InputNumber
              min={0}
              max={1_000_000}
              precision={0}
              style={{ width: '100%' }}
              data-testid={`${testPrefix}-capacity`}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export interface PickupPointValues {
  name: string;
  address: string;
  regionId?: string;
  latitude?: number | null;
  longitude?: number | null;
  openingHours?: string;
  capacity?: number | null;
}

/** The form's values as the API body: blanks become null, an empty region means "the leader's". */
export function pickupPointBody(v: PickupPointValues) {
  return {
    name: v.name.trim(),
    address: v.address.trim(),
    ...(v.regionId ? { regionId: v.regionId } : {}),
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    openingHours: v.openingHours?.trim() ?? '',
    capacity: v.capacity ?? null,
  };
}
