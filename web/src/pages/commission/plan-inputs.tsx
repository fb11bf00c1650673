import { InputNumber } from 'antd';
import { fenToYuan, yuanToFen } from '../../shared/money';

/**
 * Inputs that show people percent and yuan while the form (and the API) hold basis points and fen,
 * so a field's name in the form is the field's name in the plan document and a server error naming
 * `body.levels[0].directRateBps` lands under that very input.
 */
interface NumberProps {
  value?: number;
  onChange?: (value: number) => void;
  testId: string;
  disabled?: boolean;
  width?: number;
}

/** A rate in basis points, edited as a percentage with up to two decimals (10.5% = 1050 bps). */
export function PercentInput({ value, onChange, testId, disabled, width = 110 }: NumberProps) {
  return (
    <InputNumber<number>
      value={value === undefined ? undefined : value / 100}
      // Hundredths of a percent to whole basis points; rounding removes floating-point noise (4.1 * 100).
      onChange={(v) => onChange?.(v === null ? 0 : Math.round(v * 100))}
      min={0}
      max={100}
      precision={2}
      step={0.5}
      suffix="%"
      style={{ width }}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

/** An amount in fen, edited in yuan with two decimals. */
export function YuanInput({ value, onChange, testId, disabled, width = 140 }: NumberProps) {
  return (
    <InputNumber<number>
      value={value === undefined ? undefined : fenToYuan(value)}
      onChange={(v) => onChange?.(v === null ? 0 : yuanToFen(v))}
      min={0}
      precision={2}
      prefix="¥"
      style={{ width }}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

/** A whole number (days, units, generations). */
export function WholeInput({
  value,
  onChange,
  testId,
  disabled,
  min = 0,
  max,
  width = 100,
}: NumberProps & { min?: number; max?: number }) {
  return (
    <InputNumber<number>
      value={value}
      onChange={(v) => onChange?.(v ?? 0)}
      min={min}
      max={max}
      precision={0}
      style={{ width }}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

/** 1050 bps → "10.5%". */
export function formatBps(bps: number): string {
  return `${Number((bps / 100).toFixed(2))}%`;
}
