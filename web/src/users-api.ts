import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { Page, RoleInfo, User, UserStatus } from './api-types';

export interface UserListParams {
  q: string;
  page: number;
  pageSize: number;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export interface UpdateUserInput {
  displayName?: string;
  roles?: string[];
  status?: UserStatus;
}

const usersKey = ['users'] as const;

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: () => api.get<Page<User>>('/api/users', { ...params }),
    // Keeps the current page on screen while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

export function useRoleList() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<{ items: RoleInfo[] }>('/api/roles'),
    staleTime: 5 * 60_000,
  });
}

/**
 * Every user change can move a user between pages or change a shown column, so lists reload. The
 * session reloads too, because an administrator may have just changed their own roles.
 */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: usersKey }),
      queryClient.invalidateQueries({ queryKey: ['auth', 'session'] }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<User>('/api/users', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateUserInput & { id: string }) =>
      api.patch<User>(`/api/users/${encodeURIComponent(id)}`, patch),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<void>(`/api/users/${encodeURIComponent(id)}/reset-password`, { password }),
  });
}
