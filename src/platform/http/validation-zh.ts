/**
 * The Chinese words for a schema validator's (Ajv's) complaint about one field. The English `detail`
 * keeps Ajv's own text for developers; `messageZh` is what the console shows an operator, and must
 * never carry English validator text such as "must be >= 1". Pure: the error handler passes the issue.
 */
export interface AjvIssue {
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

const FORMAT_ZH: Record<string, string> = {
  date: '日期 (YYYY-MM-DD)',
  'date-time': '日期时间 (ISO 8601)',
  time: '时间',
  email: '邮箱地址',
  uri: '网址',
  url: '网址',
  uuid: 'UUID',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
};

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值 (true/false)',
  array: '数组',
  object: '对象',
  null: '空值 (null)',
};

const typeZh = (t: unknown): string =>
  (Array.isArray(t) ? t : String(t).split(',')).map((x) => TYPE_ZH[String(x).trim()] ?? String(x)).join('或');

/** `字段 body.qty 必须 ≥ 1`: the field named, the rule in Chinese. */
export function validationMessageZh(field: string, issue: AjvIssue | undefined): string {
  const p = issue?.params ?? {};
  const say = (rule: string) => `字段 ${field} ${rule}`;
  switch (issue?.keyword) {
    case 'required':
      return say('必填');
    case 'additionalProperties':
      return say('不是可接受的字段');
    case 'minimum':
      return say(`必须 ≥ ${String(p.limit)}`);
    case 'maximum':
      return say(`必须 ≤ ${String(p.limit)}`);
    case 'exclusiveMinimum':
      return say(`必须 > ${String(p.limit)}`);
    case 'exclusiveMaximum':
      return say(`必须 < ${String(p.limit)}`);
    case 'multipleOf':
      return say(`必须是 ${String(p.multipleOf)} 的整数倍`);
    case 'minLength':
      return p.limit === 1 ? say('不能为空') : say(`至少 ${String(p.limit)} 个字符`);
    case 'maxLength':
      return say(`最多 ${String(p.limit)} 个字符`);
    case 'minItems':
      return say(`至少 ${String(p.limit)} 项`);
    case 'maxItems':
      return say(`最多 ${String(p.limit)} 项`);
    case 'uniqueItems':
      return say('不能有重复项');
    case 'minProperties':
      return say(`至少 ${String(p.limit)} 个属性`);
    case 'maxProperties':
      return say(`最多 ${String(p.limit)} 个属性`);
    case 'type':
      return say(`必须是${typeZh(p.type)}`);
    case 'format':
      return say(`必须是有效的${FORMAT_ZH[String(p.format)] ?? String(p.format)}`);
    case 'pattern':
      return say('格式不正确');
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return say('不是允许的取值');
    default:
      return say('不合法');
  }
}
