import { describe, expect, it } from 'vitest';
import { maskDigits, redactFilter, redactPhones, redactUrl } from './redact.js';

describe('redactUrl', () => {
  it('masks the phone parameter whatever it holds', () => {
    expect(redactUrl('/api/orders?phone=13800138000&limit=20')).toBe(
      '/api/orders?phone=138****8000&limit=20',
    );
    expect(redactUrl('/api/orders?phone=%2B86%20138%200013%208000')).toBe('/api/orders?phone=138****8000');
    expect(redactUrl('/api/orders?phone=1380')).toBe('/api/orders?phone=****');
    expect(redactUrl('/api/x?customerPhone=138-0013-8000&mobile=13900001111')).toBe(
      '/api/x?customerPhone=138****8000&mobile=139****1111',
    );
  });

  it('masks phone numbers in any other parameter, encoded or not', () => {
    expect(redactUrl('/api/customers?q=13800138000')).toBe('/api/customers?q=138****8000');
    expect(redactUrl('/api/customers?q=%2B8613800138000')).toBe('/api/customers?q=138****8000');
    expect(redactUrl('/api/customers?q=138+0013+8000')).toBe('/api/customers?q=138****8000');
    expect(redactUrl('/api/leaders?q=0571-88881234')).toBe('/api/leaders?q=0571-********');
    expect(redactUrl('/api/leaders?q=%E5%BC%A0%E4%B8%89')).toBe('/api/leaders?q=%E5%BC%A0%E4%B8%89');
  });

  it('leaves ids, dates, times and short numbers alone', () => {
    const url =
      '/api/orders?campaignId=cmp_01J9ZX1234567ABCD&from=2026-03-01T08:00:00.000Z&deliveryDate=2026-03-01&limit=100&offset=1200';
    expect(redactUrl(url)).toBe(url);
    expect(redactUrl('/api/orders/ord_01J9Z12345678901234567890A/cancel')).toBe(
      '/api/orders/ord_01J9Z12345678901234567890A/cancel',
    );
    expect(redactUrl('/healthz')).toBe('/healthz');
    expect(redactUrl('/api/x?flag&a=')).toBe('/api/x?flag&a=');
  });
});

describe('redactPhones and maskDigits', () => {
  it('masks numbers inside free text', () => {
    expect(redactPhones('call 13800138000 or +86 139 0000 1111')).toBe('call 138****8000 or 139****1111');
    expect(maskDigits('1380')).toBe('****');
  });
});

describe('redactFilter', () => {
  it('masks phone fields and phone-like values, drops unset fields, keeps the rest', () => {
    expect(
      redactFilter({
        phone: '13800138000',
        q: '13900001111',
        status: 'paid',
        limit: 20,
        leaderId: undefined,
      }),
    ).toEqual({ phone: '138****8000', q: '139****1111', status: 'paid', limit: 20 });
  });
});
