import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useReportError } from '../api-errors';
import type { User } from '../api-types';
import { useCan, useCurrentUser } from '../auth-context';
import { QueryError } from '../components/query-error';
import { RoleTags } from '../components/role-tags';
import { formatDateTime } from '../format';
import { useLocale } from '../locale-context';
import { type UserListParams, useUpdateUser, useUserList } from '../users-api';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';
import { UserPasswordModal } from './user-password-modal';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export function UsersPage() {
  const { t } = useLocale();
  const can = useCan();
  const me = useCurrentUser();
  const canWrite = can('users.write');
  const [params, setParams] = useState<UserListParams>({ q: '', page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useUserList(params);
  const updateUser = useUpdateUser();
  const reportError = useReportError();

  // Returning the promise lets the Popconfirm show a spinner until the server has answered.
  const setStatus = (user: User, status: User['status']) =>
    updateUser.mutateAsync({ id: user.id, status }).catch((error: unknown) => reportError(error));

  const columns: TableProps<User>['columns'] = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('users.roles'), key: 'roles', render: (_, user) => <RoleTags roles={user.roles} /> },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) =>
        user.status === 'active' ? (
          <Tag color="success">{t('users.status.active')}</Tag>
        ) : (
          <Tag color="default">{t('users.status.disabled')}</Tag>
        ),
    },
    {
      title: t('users.lastLogin'),
      key: 'lastLoginAt',
      render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn')),
    },
    { title: t('users.createdAt'), key: 'createdAt', render: (_, user) => formatDateTime(user.createdAt) },
  ];

  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => {
        const disabling = user.status === 'active';
        return (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ kind: 'edit', user })}
              data-testid={`user-edit-${user.username}`}
            >
              {t('users.edit')}
            </Button>
            <Popconfirm
              title={t(disabling ? 'users.disableConfirm' : 'users.enableConfirm', {
                name: user.displayName,
              })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => setStatus(user, disabling ? 'disabled' : 'active')}
            >
              {/* Disabling oneself would end the session with no way back in, so it is not offered. */}
              <Button
                type="link"
                size="small"
                danger={disabling}
                disabled={user.id === me.id}
                data-testid={`user-toggle-${user.username}`}
              >
                {t(disabling ? 'users.disable' : 'users.enable')}
              </Button>
            </Popconfirm>
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ kind: 'password', user })}
              data-testid={`user-reset-${user.username}`}
            >
              {t('users.resetPassword')}
            </Button>
          </Space>
        );
      },
    });
  }

  return (
    <Card
      title={t('nav.users')}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="create-user"
          >
            {t('users.create')}
          </Button>
        )
      }
    >
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        enterButton={t('common.search')}
        style={{ maxWidth: 360, marginBottom: 16 }}
        onSearch={(q) => setParams((current) => ({ ...current, q: q.trim(), page: 1 }))}
        data-testid="users-search"
      />
      <QueryError error={list.error} />
      <Table<User>
        rowKey="id"
        data-testid="users-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination) =>
          setParams((current) => ({
            ...current,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? current.pageSize,
          }))
        }
      />
      {dialog?.kind === 'create' && <UserCreateModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserEditModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && (
        <UserPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
