import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Tables of the exchange feature (ledgers → USB package → county). Owned by the ledgers feature.
 * Township side: one row per package written and verified. County side: registered township keys,
 * imported packages and the persons they list (for 异地重复 and 低保/特困 overlap checks).
 */

/** A package the township wrote to a drive. The sequence is per township and only counts packages that verified. */
export const exchangeExports = sqliteTable('exchange_exports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  period: text('period').notNull(), // YYYY-MM
  sequence: integer('sequence').notNull(),
  folderName: text('folder_name').notNull(),
  destination: text('destination').notNull(),
  manifestSha256: text('manifest_sha256').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
}, (t) => [uniqueIndex('exchange_exports_seq_uq').on(t.sequence)]);

/** County mode: each township's public key, registered by the county before its packages are accepted. */
export const countyTownships = sqliteTable('county_townships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  divisionCode: text('division_code').notNull(),
  name: text('name').notNull(),
  publicKeyPem: text('public_key_pem').notNull(),
  keyFingerprint: text('key_fingerprint').notNull(),
  registeredAt: text('registered_at').notNull(),
  registeredBy: text('registered_by').notNull(),
}, (t) => [uniqueIndex('county_townships_code_uq').on(t.divisionCode)]);

/** County mode: an imported, verified package. stats_json is the township's monthly statistics for the period. */
export const countyPackages = sqliteTable('county_packages', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  divisionCode: text('division_code').notNull(),
  townshipName: text('township_name').notNull(),
  period: text('period').notNull(),
  sequence: integer('sequence').notNull(),
  manifestSha256: text('manifest_sha256').notNull(),
  manifestJson: text('manifest_json').notNull(),
  statsJson: text('stats_json').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: text('imported_by').notNull(),
}, (t) => [
  uniqueIndex('county_packages_seq_uq').on(t.divisionCode, t.sequence),
  index('county_packages_period_idx').on(t.period, t.divisionCode),
]);

/** County mode: every covered person of an imported package (the join key is 身份证号). */
export const countyPersons = sqliteTable('county_persons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  packageId: integer('package_id').notNull().references(() => countyPackages.id),
  divisionCode: text('division_code').notNull(),
  period: text('period').notNull(),
  idNumber: text('id_number').notNull(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  village: text('village').notNull().default(''),
  headName: text('head_name').notNull().default(''),
}, (t) => [
  index('county_persons_id_idx').on(t.idNumber),
  index('county_persons_package_idx').on(t.packageId),
]);
