/**
 * One error type for every expected failure. Each module declares a closed catalogue of codes with a
 * kind and both messages; the kind alone decides the HTTP status, in `httpStatusOf`. The catalogue is
 * data so that docs/errors can be checked against it and so messages exist in zh-CN and English.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface ErrorSpec {
  kind: ErrorKind;
  en: string;
  zh: string;
}

export function defineErrors<const T extends Record<string, ErrorSpec>>(catalogue: T): T {
  return catalogue;
}

export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'validation':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'unprocessable':
      return 422;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown error kind ${String(unreachable)}`);
    }
  }
}

/** Codes shared by every module: request shape, auth, and the generic not-found. */
export const platformErrors = defineErrors({
  'request.invalid': { kind: 'validation', en: 'The request is invalid', zh: '请求参数不合法' },
  'request.malformed_json': {
    kind: 'validation',
    en: 'The request body is not valid JSON',
    zh: '请求体不是合法的 JSON',
  },
  'request.too_large': { kind: 'payload_too_large', en: 'The request body is too large', zh: '请求体过大' },
  'request.unsupported_media_type': {
    kind: 'unsupported_media_type',
    en: 'The request content type is not supported',
    zh: '不支持的请求内容类型',
  },
  'route.not_found': { kind: 'not_found', en: 'No such API route', zh: '接口不存在' },
  'auth.unauthenticated': { kind: 'unauthenticated', en: 'Please log in', zh: '请先登录' },
  'auth.session_expired': {
    kind: 'unauthenticated',
    en: 'Your session has expired, please log in again',
    zh: '会话已过期，请重新登录',
  },
  'auth.invalid_credentials': {
    kind: 'unauthenticated',
    en: 'Wrong username or password',
    zh: '用户名或密码错误',
  },
  'auth.login_throttled': {
    kind: 'rate_limited',
    en: 'Too many failed logins; try again after this many seconds',
    zh: '登录失败次数过多，请在以下秒数之后再试',
  },
  'auth.account_disabled': { kind: 'forbidden', en: 'This account is disabled', zh: '该账号已停用' },
  'auth.rate_limited': {
    kind: 'rate_limited',
    en: 'Too many requests, slow down',
    zh: '请求过于频繁，请稍后再试',
  },
  'auth.csrf_failed': {
    kind: 'forbidden',
    en: 'Missing or wrong CSRF token (x-csrf-token header)',
    zh: 'CSRF 校验失败（缺少或错误的 x-csrf-token 请求头）',
  },
  'auth.forbidden': {
    kind: 'forbidden',
    en: 'You do not have permission to do this',
    zh: '没有执行此操作的权限',
  },
  'export.busy': {
    kind: 'rate_limited',
    en: 'Too many exports are running; try again in a minute',
    zh: '正在进行的导出过多，请稍后再试',
  },
  'system.not_ready': { kind: 'unavailable', en: 'The service is not ready', zh: '服务尚未就绪' },
  'db.unavailable': {
    kind: 'unavailable',
    en: 'The database is unavailable right now; please try again shortly',
    zh: '数据库暂时不可用，请稍后重试',
  },
  'system.internal': { kind: 'internal', en: 'Internal error', zh: '系统内部错误' },
});

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageZh: string;
    field?: string;
    detail?: string;
    requestId?: string;
  };
}

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    readonly spec: ErrorSpec,
    readonly field?: string,
    /** Extra facts for the person (which value was wrong); kept short, never secrets. */
    readonly detail?: string,
    /**
     * The detail in Chinese, for `messageZh`, when `detail` is English prose (a validator's words)
     * rather than data; an empty string leaves the Chinese message without a detail.
     */
    readonly detailZh?: string,
  ) {
    super(detail ? `${spec.en}: ${detail}` : spec.en);
    this.name = 'DomainError';
    this.status = httpStatusOf(spec.kind);
  }

  private messageZh(): string {
    const detail = this.detailZh ?? this.detail;
    return detail ? `${this.spec.zh}：${detail}` : this.spec.zh;
  }

  toBody(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        messageZh: this.messageZh(),
        ...(this.field ? { field: this.field } : {}),
        ...(this.detail ? { detail: this.detail } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}

/**
 * Builds the `fail` function of one catalogue: `fail('users.not_found', { field: 'id' })`. Only the
 * catalogue's own codes type-check, which keeps each module's codes closed.
 */
export function errorFactory<T extends Record<string, ErrorSpec>>(catalogue: T) {
  return (
    code: keyof T & string,
    opts: { field?: string; detail?: string; detailZh?: string } = {},
  ): DomainError => {
    const spec = catalogue[code];
    if (!spec) throw new Error(`unknown error code ${code}`);
    return new DomainError(code, spec, opts.field, opts.detail, opts.detailZh);
  };
}

export const platformError = errorFactory(platformErrors);
