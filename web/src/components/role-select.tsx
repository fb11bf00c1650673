import { Select, type SelectProps } from 'antd';
import { useLocale } from '../locale-context';
import { KNOWN_ROLES, roleLabel } from '../roles';
import { useRoleList } from '../users-api';

type RoleSelectProps = Omit<SelectProps<string[]>, 'mode' | 'options'> & { 'data-testid'?: string };

/**
 * A multi-select of the roles the server defines. Until the list arrives (or if it cannot be read)
 * the roles the console knows are offered, so the form stays usable.
 */
export function RoleSelect(props: RoleSelectProps) {
  const { lang } = useLocale();
  const roles = useRoleList();
  const options = roles.data
    ? roles.data.items.map((item) => ({ value: item.role, label: item[lang] ?? roleLabel(item.role, lang) }))
    : KNOWN_ROLES.map((role) => ({ value: role, label: roleLabel(role, lang) }));
  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      allowClear
      loading={roles.isLoading}
      optionFilterProp="label"
      options={options}
    />
  );
}
