import { Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { type SkuChoice, useSkuChoices } from '../../campaigns-api';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';

interface Props {
  value?: string;
  onChange?: (skuId: string) => void;
  /** Labels of SKUs already in the campaign, so a saved item shows its name before any search. */
  known?: ReadonlyMap<string, string>;
  testId: string;
}

function labelOf(c: SkuChoice): string {
  return `${c.skuCode} · ${c.productName} ${c.spec} · ${formatYuan(c.listPriceFen)}`;
}

/**
 * Picks a SKU by searching the catalog (name, product code or SKU code). Someone who may not read
 * the catalog gets a plain SKU id input instead, so the form still works for them.
 */
export function SkuPicker({ value, onChange, known, testId }: Props) {
  const { t } = useLocale();
  const [q, setQ] = useState('');
  const choices = useSkuChoices(q);

  if (choices.isError) {
    return (
      <Input
        value={value}
        onChange={(e) => onChange?.(e.target.value.trim())}
        placeholder={t('campaigns.item.skuId')}
        data-testid={testId}
      />
    );
  }

  const options = (choices.data ?? []).map((c) => ({
    value: c.skuId,
    disabled: !c.sellable,
    label: (
      <span>
        {labelOf(c)} {!c.sellable && <Tag>{t('campaigns.item.inactive')}</Tag>}
      </span>
    ),
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, disabled: false, label: <span>{known?.get(value) ?? value}</span> });
  }

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      placeholder={t('campaigns.item.skuSearch')}
      loading={choices.isFetching}
      options={options}
      style={{ minWidth: 320 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
