/**
 * Phone numbers kept out of logs and audit filters. The console searches orders, customers and
 * leaders by phone in the query string (`?phone=`, `?q=`), and Fastify logs every request's URL: a
 * log line would otherwise hold, in clear, numbers the database only stores encrypted. Redaction in
 * the request serializer covers every route, the ones added later included.
 */

/** A mainland mobile, as people type it: +86 / 86 in front, spaces or dashes between the groups. */
const MOBILE = /(?<![\p{L}\p{N}_])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![\p{L}\p{N}_])/gu;
/**
 * Any other run of seven or more digits standing on its own (a landline, part of a number). Digits
 * touching letters, dots or colons are ids and times, and are left alone; a date's runs are shorter.
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}_.:])\+?\d{7,}(?![\p{L}\p{N}_.:])/gu;
/** Query parameters whose whole value is a phone number, however it is typed. */
const PHONE_PARAM = /phone|mobile|tel/i;

/** `138****1234` for eleven digits or more (as the pages show numbers), else every digit hidden. */
export function maskDigits(text: string): string {
  // A +86 / 0086 in front is the country, not part of the number.
  const digits = text.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');
  if (digits.length < 11) return text.replace(/\d/g, '*');
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** `text` with every phone-like number in it masked. */
export function redactPhones(text: string): string {
  return text.replace(MOBILE, maskDigits).replace(DIGIT_RUN, maskDigits);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * A request URL as it may be logged: the value of a `phone` (`mobile`, `tel`) parameter masked
 * whatever it holds, and phone-like numbers in any other parameter (`?q=13800138000`) masked too.
 * Parameters are decoded before they are looked at, so `%2B86%20138...` is found as well.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return redactPhones(url);
  const params = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      const value = decode(pair.slice(eq + 1));
      const masked = PHONE_PARAM.test(decode(name)) ? maskDigits(value) : redactPhones(value);
      return masked === value ? pair : `${name}=${encodeURIComponent(masked)}`;
    });
  return `${redactPhones(url.slice(0, at))}?${params.join('&')}`;
}

/**
 * Values that may end up in an audit record (an export's filter): every string masked as
 * `redactPhones` does, and a phone-named field masked whole.
 */
export function redactFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'string' ? (PHONE_PARAM.test(k) ? maskDigits(v) : redactPhones(v)) : v;
  }
  return out;
}
