/**
 * Every column FieldCrypto writes, by SQL name. The platform may not import modules, so the columns
 * are named here; `field-key.int.test.ts` checks the list against the migrated schema (every
 * `*_enc` column of the database is listed, every listed column exists), so a module that adds an
 * encrypted column without adding it here fails the suite rather than a key rotation.
 */

/** An encrypted value (`*_enc`) and, when it is looked up, its keyed hash (`*_hash`) in the same row. */
export interface EncryptedColumn {
  enc: string;
  hash?: string;
  /** A phone number: its hash is also stored alone elsewhere (see PHONE_HASH_COLUMNS). */
  phone?: boolean;
}

export interface EncryptedTable {
  table: string;
  /** The single-column primary key, walked in order in batches. */
  key: string;
  columns: readonly EncryptedColumn[];
  /** The rows that hold encrypted values, when not every row does (SQL, a constant). */
  where?: string;
}

export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  { table: 'customers', key: 'id', columns: [{ enc: 'phone_enc', hash: 'phone_hash', phone: true }] },
  { table: 'leaders', key: 'id', columns: [{ enc: 'phone_enc', hash: 'phone_hash', phone: true }] },
  {
    table: 'leader_applications',
    key: 'id',
    columns: [
      { enc: 'phone_enc', hash: 'phone_hash', phone: true },
      { enc: 'id_number_enc', hash: 'id_number_hash' },
    ],
  },
  { table: 'leader_import_credentials', key: 'id', columns: [{ enc: 'password_enc' }] },
  { table: 'ledger_payout_accounts', key: 'leader_id', columns: [{ enc: 'account_enc' }] },
  { table: 'ledger_withdrawals', key: 'id', columns: [{ enc: 'account_enc' }] },
  {
    table: 'risk_blocklist',
    key: 'id',
    columns: [{ enc: 'value_enc', hash: 'value', phone: true }],
    where: 'value_enc IS NOT NULL',
  },
];

/**
 * A phone's keyed hash stored without the number beside it (per-customer counters, blocklist entries
 * made before the blocklist kept the number).
 * A rotation re-hashes these through the numbers it decrypts from the tables above; `where` limits
 * the rows that hold a phone hash at all.
 */
export interface PhoneHashColumn {
  table: string;
  column: string;
  where?: string;
}

export const PHONE_HASH_COLUMNS: readonly PhoneHashColumn[] = [
  { table: 'order_customer_item_counts', column: 'phone_hash' },
  { table: 'order_customer_campaign_counts', column: 'phone_hash' },
  { table: 'risk_blocklist', column: 'value', where: `kind = 'phone'` },
];

/** A name from the lists above, quoted for SQL (they are constants, never input). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
