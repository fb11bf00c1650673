import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, call } from './api';

export interface UserListParams {
  q: string;
  page: number;
  pageSize: number;
}

export type CreateUserInput = ApiRequestBody<'/api/users', 'post'>;

export type UpdateUserInput = ApiRequestBody<'/api/users/{id}', 'patch'>;

const usersKey = ['users'] as const;

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: () => call.get('/api/users', { query: { ...params } }),
    // Keeps the current page on screen while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

export function useRoleList() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => call.get('/api/roles'),
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
    mutationFn: (input: CreateUserInput) => call.post('/api/users', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateUserInput & { id: string }) =>
      call.patch('/api/users/{id}', { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      call.post('/api/users/{id}/reset-password', { params: { id }, body: { password } }),
  });
}
