/**
 * Migration 4: the subject key table of crypto-shredding (docs/personal-data.md). One row per
 * tenant and data subject: the key's id, version and material while the subject is known;
 * `forgotten_at` and no material once it is forgotten (the row stays as the erasure's audit fact,
 * and so that no new key is ever made for the subject). Material is never logged or exported.
 */
import type { Migration } from "../migrations.js";
import type { StoreSchema } from "../schema.js";

/** The key table of a schema (`"ticketfold".subject_keys`). */
export const subjectKeysTable = (s: StoreSchema): string => `"${s.name}".subject_keys`;

export const subjectKeysMigration: Migration = {
  version: 4,
  name: "subject keys (crypto-shredding)",
  statements: (s) => [
    `CREATE TABLE IF NOT EXISTS ${subjectKeysTable(s)} (
  tenant text NOT NULL,
  subject text NOT NULL,
  key_id text NOT NULL,
  key_version integer NOT NULL,
  material bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  forgotten_at timestamptz,
  PRIMARY KEY (tenant, subject),
  CHECK ((material IS NULL) = (forgotten_at IS NOT NULL))
)`,
  ],
};
