import { Select } from 'antd';
import { useLevelOptions } from '../../leader-network-api';
import { useLocale } from '../../locale-context';
import { LeaderSearchSelect } from './leader-search-select';

/** The leaders list's referrer filter: search a leader by code or name, list their direct recruits. */
export function ReferrerFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (referrerId: string | undefined) => void;
}) {
  const { t } = useLocale();
  return (
    <LeaderSearchSelect
      style={{ width: 220 }}
      value={value}
      onChange={onChange}
      placeholder={t('network.filter.referrer')}
      testId="leaders-filter-referrer"
    />
  );
}

/** The level filter, shown once the level ladder exists (团长等级). */
export function LevelFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (levelId: string | undefined) => void;
}) {
  const { t, lang } = useLocale();
  const levels = useLevelOptions();
  if (!levels.data || levels.data.items.length === 0) return null;
  return (
    <Select
      allowClear
      style={{ width: 140 }}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      placeholder={t('network.filter.level')}
      data-testid="leaders-filter-level"
      options={[...levels.data.items]
        .sort((a, b) => a.rank - b.rank)
        .map((l) => ({ value: l.id, label: lang === 'zh' ? l.nameZh : l.nameEn }))}
    />
  );
}
