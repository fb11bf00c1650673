import { describe, expect, it } from 'vitest';
import {
  type Access,
  ALL_PERMISSIONS,
  allows,
  isRole,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_LABELS,
  ROLE_PERMISSIONS,
  ROLES,
} from './rbac.js';

describe('permission table', () => {
  it('ALL_PERMISSIONS lists every named permission once', () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(Object.values(PERMISSIONS).sort());
    expect(new Set(ALL_PERMISSIONS).size).toBe(ALL_PERMISSIONS.length);
  });

  it.each(ALL_PERMISSIONS)('%s has the form module.action', (permission) => {
    expect(permission).toMatch(/^[a-z][a-z_]*\.[a-z][a-z_]*$/);
  });

  it('ROLE_PERMISSIONS has exactly the roles in ROLES', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES)('%s is granted only known permissions, each once', (role) => {
    const granted = ROLE_PERMISSIONS[role];
    for (const p of granted) expect(ALL_PERMISSIONS).toContain(p);
    expect(new Set(granted).size).toBe(granted.length);
  });

  it('ROLES has no duplicates', () => {
    expect(new Set(ROLES).size).toBe(ROLES.length);
  });
});

describe('ROLE_LABELS', () => {
  it('has exactly the roles in ROLES', () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES)('%s has a Chinese and an English label', (role) => {
    const { zh, en } = ROLE_LABELS[role];
    expect(zh.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(en).toMatch(/^[A-Z][A-Za-z ]*$/);
  });

  it('labels are distinct within each language', () => {
    const zh = ROLES.map((r) => ROLE_LABELS[r].zh);
    const en = ROLES.map((r) => ROLE_LABELS[r].en);
    expect(new Set(zh).size).toBe(ROLES.length);
    expect(new Set(en).size).toBe(ROLES.length);
  });
});

describe('isRole', () => {
  it.each(ROLES)('accepts %s', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each([
    '',
    'Admin',
    'ADMIN',
    ' admin',
    'admin ',
    'root',
    'superuser',
    'toString',
    'constructor',
    '__proto__',
  ])('rejects %j', (value) => {
    expect(isRole(value)).toBe(false);
  });
});

describe('permissionsOf', () => {
  it('gives admin every permission, sorted', () => {
    expect(permissionsOf(['admin'])).toEqual([...ALL_PERMISSIONS].sort());
  });

  it('gives no roles no permissions', () => {
    expect(permissionsOf([])).toEqual([]);
  });

  it('gives leaders only their portal and pickup verification, customers nothing (pages check ownership)', () => {
    expect(permissionsOf(['leader'])).toEqual(['leader.portal', 'orders.pickup']);
    expect(permissionsOf(['customer'])).toEqual([]);
    expect(permissionsOf(['leader', 'customer'])).toEqual(['leader.portal', 'orders.pickup']);
  });

  it('grants a write permission only with its read', () => {
    for (const role of ROLES) {
      const perms = permissionsOf([role]);
      for (const p of perms.filter((x) => x.endsWith('.write'))) {
        // Payouts are read through the ledger; every other write needs its own module's read.
        const read = p === 'payouts.write' ? 'ledger.read' : p.replace(/\.write$/, '.read');
        expect(perms, `${role} has ${p}`).toContain(read);
      }
    }
  });

  it('keeps users, the audit log and full phone numbers to the roles that need them', () => {
    const holders = (p: Permission) => ROLES.filter((r) => permissionsOf([r]).includes(p));
    expect(holders('users.write')).toEqual(['admin']);
    expect(holders('audit.read')).toEqual(['admin']);
    expect(holders('customers.phone').sort()).toEqual(['admin', 'finance', 'warehouse']);
  });

  it('equals the sorted union of each role on its own', () => {
    for (const a of ROLES) {
      for (const b of ROLES) {
        const union = [...new Set([...ROLE_PERMISSIONS[a], ...ROLE_PERMISSIONS[b]])].sort();
        expect(permissionsOf([a, b]), `${a} + ${b}`).toEqual(union);
        expect(permissionsOf([b, a]), `${b} + ${a}`).toEqual(union);
      }
    }
  });

  it('ignores unknown roles', () => {
    expect(permissionsOf(['nobody', 'ADMIN', 'toString', ''])).toEqual([]);
    expect(permissionsOf(['nobody', 'warehouse', 'root'])).toEqual(permissionsOf(['warehouse']));
  });

  it('ignores repeated roles', () => {
    expect(permissionsOf(['finance', 'finance'])).toEqual(permissionsOf(['finance']));
  });

  it('returns a fresh array that cannot change the role table', () => {
    const before = [...ROLE_PERMISSIONS.finance];
    const perms = permissionsOf(['finance']);
    perms.push('users.write');
    expect(permissionsOf(['finance'])).not.toContain('users.write');
    expect([...ROLE_PERMISSIONS.finance]).toEqual(before);
  });
});

describe('allows', () => {
  const everyoneAndNoone: string[][] = [[], ['customer'], ['admin'], ['nobody']];

  it.each(everyoneAndNoone)('public routes allow roles %j', (...roles) => {
    expect(allows(roles, { public: true })).toBe(true);
  });

  it.each(everyoneAndNoone)(
    'login-only routes allow roles %j (the login itself is checked elsewhere)',
    (...roles) => {
      expect(allows(roles, { authenticated: true })).toBe(true);
    },
  );

  it.each(ALL_PERMISSIONS)('admin is allowed %s', (permission) => {
    expect(allows(['admin'], { permission })).toBe(true);
  });

  it.each(ALL_PERMISSIONS)('no roles, unknown roles and customers are refused %s', (permission) => {
    const access: Access = { permission };
    expect(allows([], access)).toBe(false);
    expect(allows(['nobody', 'ADMIN'], access)).toBe(false);
    expect(allows(['customer'], access)).toBe(false);
    // A leader may verify pickup codes (at their own points, which the route checks) and use their
    // own portal (whose routes read only the leader's own rows), nothing else.
    expect(allows(['leader'], access)).toBe(permission === 'orders.pickup' || permission === 'leader.portal');
  });

  it('agrees with the role table for every role and permission', () => {
    for (const role of ROLES) {
      for (const permission of ALL_PERMISSIONS) {
        expect(allows([role], { permission }), `${role} ${permission}`).toBe(
          ROLE_PERMISSIONS[role].includes(permission),
        );
      }
    }
  });

  it.each<[string[], Permission, boolean]>([
    [['operator'], 'events.read', true],
    [['operator'], 'users.read', false],
    [['operator'], 'users.write', false],
    [['operator'], 'audit.read', false],
    [['finance'], 'warehouses.read', false],
    [['warehouse'], 'warehouses.read', true],
    [['warehouse', 'finance'], 'regions.read', true],
    [['customer', 'admin'], 'users.write', true],
    [['operator'], 'leaders.write', true],
    [['finance'], 'leaders.write', false],
    [['region_manager'], 'leaders.read', true],
    [['region_manager'], 'leaders.first_review', true],
    [['region_manager'], 'leaders.manage', false],
    [['operator'], 'leaders.first_review', false],
    [['operator'], 'customers.read', true],
    [['operator'], 'customers.phone', false],
    [['region_manager'], 'customers.phone', false],
    [['warehouse'], 'customers.phone', true],
    [['finance'], 'customers.phone', true],
    [['admin'], 'customers.phone', true],
    [['operator'], 'orders.write', true],
    [['finance'], 'orders.write', true],
    [['warehouse'], 'orders.write', false],
    [['region_manager'], 'orders.read', true],
    [['leader'], 'orders.read', false],
    [['leader'], 'orders.pickup', true],
  ])('%j → %s: %s', (roles, permission, expected) => {
    expect(allows(roles, { permission })).toBe(expected);
  });
});
