import { Tag } from 'antd';
import { useLocale } from '../locale-context';
import { roleColor, roleLabel } from '../roles';

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { lang } = useLocale();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={roleColor(role)}>
          {roleLabel(role, lang)}
        </Tag>
      ))}
    </>
  );
}
