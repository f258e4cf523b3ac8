/**
 * Migration 4: the attachments table. Bytes live in a `bytea` column keyed by tenant and the
 * SHA-256 the adapter computed (store.ts), so the same file is kept once per tenant and events
 * carry only references (id, name, size, type, checksum).
 */
import type { Migration } from "../migrations.js";
import type { StoreSchema } from "../schema.js";

/** The attachments table of a schema. */
export const attachmentsTable = (s: StoreSchema): string => `"${s.name}".attachments`;

export const attachmentsMigration: Migration = {
  version: 5,
  name: "attachments",
  statements: (s) => [
    `CREATE TABLE IF NOT EXISTS ${attachmentsTable(s)} (
  tenant text COLLATE "C" NOT NULL,
  sha256 text COLLATE "C" NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  content bytea NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, sha256)
)`,
  ],
};
