import { decodeTime } from 'ulid';
import { describe, expect, it, vi } from 'vitest';
import { ID_PREFIXES, type IdKind, isId, newId } from './ids.js';

const KINDS = Object.keys(ID_PREFIXES) as IdKind[];

/**
 * The ULID factory is monotonic per module instance: once an id has been made for a later time, ids
 * for earlier times reuse that later time. Tests about the real clock take a fresh instance.
 */
async function freshNewId(): Promise<typeof newId> {
  vi.resetModules();
  return (await import('./ids.js')).newId;
}
const ULID_ALPHABET = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('newId', () => {
  it.each<[IdKind, string]>([
    ['user', 'usr_'],
    ['session', 'ses_'],
    ['audit', 'aud_'],
    ['event', 'evt_'],
    ['region', 'reg_'],
    ['warehouse', 'wh_'],
    ['request', 'req_'],
  ])('a %s id starts with %s and is followed by a ULID', (kind, prefix) => {
    const id = newId(kind);
    expect(id.startsWith(prefix)).toBe(true);
    expect(id.slice(prefix.length)).toMatch(ULID_ALPHABET);
    expect(isId(kind, id)).toBe(true);
  });

  it('gives every kind its own short lower-case prefix', () => {
    expect(new Set(Object.values(ID_PREFIXES)).size).toBe(KINDS.length);
    for (const prefix of Object.values(ID_PREFIXES)) expect(prefix).toMatch(/^[a-z]{2,4}$/);
  });

  it('encodes the given time in the ULID', () => {
    const at = Date.UTC(2030, 5, 15, 12, 30, 45, 678);
    const id = newId('event', at);
    expect(decodeTime(id.slice('evt_'.length))).toBe(at);
  });

  it('defaults to the current time', async () => {
    const fresh = await freshNewId();
    const before = Date.now();
    const id = fresh('request');
    const after = Date.now();
    const at = decodeTime(id.slice('req_'.length));
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
  });

  it('never repeats', () => {
    const ids = Array.from({ length: 5000 }, () => newId('user'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts in creation order within one millisecond', () => {
    const at = Date.UTC(2031, 0, 1);
    const ids = Array.from({ length: 2000 }, () => newId('audit', at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts in creation order on the real clock, within and across milliseconds', async () => {
    const fresh = await freshNewId();
    const ids: string[] = [];
    const start = Date.now();
    // Run past at least two millisecond boundaries, making many ids inside each millisecond.
    while (Date.now() < start + 3 || ids.length < 2000) ids.push(fresh('session'));
    const times = new Set(ids.map((id) => decodeTime(id.slice('ses_'.length))));
    expect(times.size).toBeGreaterThan(1);
    expect(times.size).toBeLessThan(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stays in creation order when the clock steps back', () => {
    const later = newId('user', Date.UTC(2032, 0, 1));
    const earlier = newId('user', Date.UTC(2032, 0, 1) - 60_000);
    expect(earlier > later).toBe(true);
  });
});

describe('isId', () => {
  const valid = 'usr_0123456789ABCDEFGHJKMNPQRS';

  it('accepts a well-formed id of its kind', () => {
    expect(isId('user', valid)).toBe(true);
    expect(isId('warehouse', 'wh_01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(true);
  });

  it.each(KINDS)('accepts fresh %s ids and rejects them as any other kind', (kind) => {
    const id = newId(kind);
    for (const other of KINDS) expect(isId(other, id), `${kind} id checked as ${other}`).toBe(other === kind);
  });

  it.each<[string, string]>([
    ['the empty string', ''],
    ['a bare prefix', 'usr_'],
    ['no underscore', 'usr01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['a dash for the underscore', 'usr-01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['a bare ULID', '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['an upper-case prefix', 'USR_01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['a lower-case ULID', 'usr_01arz3ndektsv4rrffq69g5fav'],
    ['25 characters', 'usr_01ARZ3NDEKTSV4RRFFQ69G5FA'],
    ['27 characters', 'usr_01ARZ3NDEKTSV4RRFFQ69G5FAVX'],
    ['the letter I', 'usr_01ARZ3NDEKTSV4RRFFQ69G5FAI'],
    ['the letter L', 'usr_01ARZ3NDEKTSV4RRFFQ69G5FAL'],
    ['the letter O', 'usr_01ARZ3NDEKTSV4RRFFQ69G5FAO'],
    ['the letter U', 'usr_01ARZ3NDEKTSV4RRFFQ69G5FAU'],
    ['a leading space', ' usr_01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['a trailing newline', 'usr_01ARZ3NDEKTSV4RRFFQ69G5FAV\n'],
    ['an id embedded in text', 'x usr_01ARZ3NDEKTSV4RRFFQ69G5FAV x'],
    ['another kind', 'ses_01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['a prefix that only starts the same', 'usrx_01ARZ3NDEKTSV4RRFFQ69G5FAV'],
  ])('rejects %s', (_name, value) => {
    expect(isId('user', value)).toBe(false);
  });
});
