import { Select } from 'antd';
import { useState } from 'react';
import { type SkuOption, useSkuSearch, useWarehouses, type Warehouse } from '../../inventory-api';
import { useLocale } from '../../locale-context';

/** A SKU id as the server issues them: typed in full, it is accepted even when no search finds it. */
const SKU_ID = /^sku_[0-9A-HJKMNP-TV-Z]{26}$/;

interface SkuSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** A label for an already chosen SKU, e.g. when the modal opens from a table row. */
  initialLabel?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** Searches the catalog for SKUs; the form gets the SKU id. */
export function SkuSelect({ value, onChange, initialLabel, allowClear, style, ...rest }: SkuSelectProps) {
  const { t } = useLocale();
  const [q, setQ] = useState('');
  const search = useSkuSearch(q);
  const options: SkuOption[] = [...(search.data ?? [])];
  const typed = q.trim();
  if (SKU_ID.test(typed) && !options.some((o) => o.skuId === typed))
    options.push({ skuId: typed, label: t('inventory.useSkuId', { id: typed }) });
  if (value && initialLabel && !options.some((o) => o.skuId === value))
    options.push({ skuId: value, label: initialLabel });
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear}
      style={style}
      placeholder={t('inventory.skuPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      notFoundContent={null}
      options={options.map((o) => ({ value: o.skuId, label: o.label }))}
      data-testid={rest['data-testid']}
    />
  );
}

interface WarehouseSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Only active warehouses, for moving stock in. */
  activeOnly?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

export function WarehouseSelect({ activeOnly, ...props }: WarehouseSelectProps) {
  const list = useWarehouses();
  const items = (list.data?.items ?? []).filter((w: Warehouse) => !activeOnly || w.status === 'active');
  return (
    <Select<string>
      {...props}
      loading={list.isFetching}
      options={items.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
    />
  );
}
