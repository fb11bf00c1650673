import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { useLeaderList } from '../../leaders-api';

/**
 * A leader picked by searching the server by code or name (团长码或姓名), twenty at a time: the
 * leaders list's referrer filter, the move-referrer dialog and the new leader's referrer.
 * `value` / `onChange` follow antd's form-control contract, so it works inside a `Form.Item`.
 */
export function LeaderSearchSelect({
  value,
  onChange,
  placeholder,
  testId,
  excludeId,
  disabled,
  style,
}: {
  value?: string | undefined;
  onChange?: (leaderId: string | undefined) => void;
  placeholder: string;
  testId: string;
  /** A leader who may not be picked (the one being moved). */
  excludeId?: string;
  disabled?: boolean;
  style?: CSSProperties;
}) {
  const [q, setQ] = useState('');
  const candidates = useLeaderList({ q, page: 1, pageSize: 20 });
  return (
    <Select
      allowClear
      style={style}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      disabled={disabled}
      placeholder={placeholder}
      loading={candidates.isFetching}
      data-testid={testId}
      options={(candidates.data?.items ?? [])
        .filter((l) => l.id !== excludeId)
        .map((l) => ({ value: l.id, label: `${l.name}（${l.code}）` }))}
    />
  );
}
