/**
 * The one way the console talks to the server: same-origin fetch with the session cookie, JSON in and
 * out, the CSRF token on every state-changing request, and every failure turned into an `ApiError`.
 * `call` is the typed door: its paths, parameters, bodies and answers come from api-schema.d.ts, which
 * is generated from the server's OpenAPI document (`npm run api:types`).
 */
import type { paths } from './api-schema';

export interface ApiErrorBody {
  code: string;
  message: string;
  messageZh: string;
  field?: string;
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  /** From a 429's Retry-After header: how many seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: ApiErrorBody, retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageZh = body.messageZh;
    this.field = body.field;
    this.requestId = body.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

type QueryValue = string | number | undefined | null;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * Set for the calls whose 401 is an expected answer (the login attempt and the session probe), so
   * that they do not trigger the global "send the user to the login page" reaction.
   */
  allowUnauthenticated?: boolean;
  /** Extra request headers, e.g. the customer page's Idempotency-Key. */
  headers?: Record<string, string>;
}

// The server issues a CSRF token per session; it is kept in memory only, because it comes back with
// every /api/auth/me, which the console calls on every page load.
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when any request finds the session gone (the auth provider sends the user to /login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    // Empty filters are left out so the server applies no condition rather than matching "".
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => null);
  if (isErrorBody(payload)) {
    const { error } = payload;
    const retryAfter = Number(response.headers.get('retry-after') ?? '');
    return new ApiError(
      response.status,
      { ...error, messageZh: error.messageZh ?? error.message },
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  // A proxy or a crashed server may answer without the JSON error envelope.
  return new ApiError(response.status, {
    code: `http.${response.status}`,
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
    messageZh: `服务器返回错误 ${response.status}`,
  });
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'network.unreachable',
      message: 'Cannot reach the server; check the network and try again',
      messageZh: '无法连接服务器，请检查网络后重试',
    });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.allowUnauthenticated) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The file name a Content-Disposition header gives (the UTF-8 form first), or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/**
 * Saves a file the server answers to a write (a POST with the CSRF token), for downloads that change
 * something and so cannot be a plain link (a sheet downloadable once). Errors are thrown as ApiError.
 */
export async function downloadFile(method: 'POST', path: string, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = {};
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, undefined), { method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, {
      code: 'network.unreachable',
      message: 'Cannot reach the server; check the network and try again',
      messageZh: '无法连接服务器，请检查网络后重试',
    });
  }
  if (!response.ok) throw await toApiError(response);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the browser's download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => apiRequest<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The API's paths that answer `method` (as the OpenAPI document writes them, `{id}` for a parameter). */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, { responses: unknown }> ? P : never;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;

type JsonOf<A> = A extends { content: { 'application/json': infer B } } ? B : undefined;

/** The JSON body of the successful answer to `method path` (undefined for a 204). */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer A }
      ? JsonOf<A>
      : R extends { 201: infer A }
        ? JsonOf<A>
        : R extends { 202: infer A }
          ? JsonOf<A>
          : undefined
    : never;

/** The JSON body `method path` takes; an operation that declares none takes at most an empty object. */
export type ApiRequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody: { content: { 'application/json': infer B } } }
    ? B
    : Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } }
      ? B | undefined
      : Record<string, never> | undefined;

/** The query parameters `method path` declares. */
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type PathParams<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { path: infer A } } ? A : never;

interface CallOptions<P extends keyof paths, M extends Method> {
  /**
   * Checked by name only: the console keeps empty filters as '' (left out of the URL) and numbers as
   * the form holds them, so a value's type is the server's to validate.
   */
  query?: { [K in keyof ApiQuery<P, M>]?: QueryValue };
  body?: ApiRequestBody<P, M>;
  allowUnauthenticated?: boolean;
  headers?: Record<string, string>;
}

/** A path with a `{parameter}` needs its values; one without takes none. */
type CallArgs<P extends keyof paths, M extends Method> = P extends `${string}{${string}}${string}`
  ? [options: CallOptions<P, M> & { params: PathParams<P, M> }]
  : [options?: CallOptions<P, M>];

function fillPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** What a call's options are at run time, whatever the path. */
interface GivenOptions extends Omit<RequestOptions, 'query'> {
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
}

function typedCall<M extends Method>(method: M) {
  return <P extends PathOf<M>>(path: P, ...[options]: CallArgs<P, M>): Promise<ApiResponse<P, M>> => {
    const given = options as GivenOptions | undefined;
    return apiRequest<ApiResponse<P, M>>(method.toUpperCase(), fillPath(path, given?.params), {
      query: given?.query,
      body: given?.body,
      allowUnauthenticated: given?.allowUnauthenticated,
      headers: given?.headers,
    });
  };
}

/**
 * The API called by its OpenAPI path: `call.get('/api/customers/{id}', { params: { id } })`. The
 * compiler checks the path, the parameters and the body, and knows the answer's type.
 */
export const call = {
  get: typedCall('get'),
  post: typedCall('post'),
  put: typedCall('put'),
  patch: typedCall('patch'),
  delete: typedCall('delete'),
};
