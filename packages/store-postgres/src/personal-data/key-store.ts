/**
 * The PostgreSQL key store of crypto-shredding: subject keys in the store's `subject_keys` table
 * (migration 4). A key is made on first use (random material from `node:crypto`; a racing maker
 * loses to the row already there); `forget` overwrites the material with NULL and stamps
 * `forgotten_at`, after which no key is made for the subject again. Reads go through the executor
 * given, so a read inside a transaction (the read side's batch) sees the table in that transaction.
 */
import type { Instant, KeyStore, SubjectForgotten, SubjectKey } from "@ticketfold/core";
import { newKeyMaterial } from "@ticketfold/store-memory";
import { monotonicFactory } from "ulid";
import type { SqlExecutor } from "../driver.js";
import type { StoreSchema } from "../schema.js";
import { subjectKeysTable } from "./migration.js";

interface KeyRow {
  readonly subject: string;
  readonly key_id: string;
  readonly key_version: number;
  readonly material: string | null;
  readonly forgotten_ms: number | null;
}

const COLUMNS = `subject, key_id, key_version, encode(material, 'base64') AS material,
  (extract(epoch FROM forgotten_at) * 1000)::float8 AS forgotten_ms`;

const keyOf = (row: KeyRow): SubjectKey | undefined =>
  row.material === null
    ? undefined
    : {
        keyId: row.key_id,
        version: Number(row.key_version),
        material: new Uint8Array(Buffer.from(row.material, "base64")),
      };

/** The keys of these subjects through `db` (forgotten ones absent). */
export const findKeysWith = async (
  db: SqlExecutor,
  s: StoreSchema,
  tenantId: string,
  subjects: readonly string[],
): Promise<ReadonlyMap<string, SubjectKey>> => {
  const { rows } = await db.query<KeyRow>(
    `SELECT ${COLUMNS} FROM ${subjectKeysTable(s)} WHERE tenant = $1 AND subject = ANY($2::text[])`,
    [tenantId, [...subjects]],
  );
  const found = new Map<string, SubjectKey>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key) found.set(row.subject, key);
  }
  return found;
};

/** The key store on a schema's `subject_keys` table, through `db` (a driver or a transaction). */
export const postgresKeyStore = (db: SqlExecutor, s: StoreSchema): KeyStore => {
  const newKeyId = monotonicFactory();
  const table = subjectKeysTable(s);
  const row = async (tenantId: string, subject: string): Promise<KeyRow | undefined> =>
    (await db.query<KeyRow>(`SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 AND subject = $2`, [tenantId, subject]))
      .rows[0];
  const factOf = (tenantId: string, subject: string, r: KeyRow | undefined): SubjectForgotten | undefined =>
    r?.forgotten_ms === null || r === undefined
      ? undefined
      : { type: "subject-forgotten", tenantId, subject, at: Number(r.forgotten_ms) };
  return {
    async keyFor(tenantId, subject) {
      await db.query(
        `INSERT INTO ${table} (tenant, subject, key_id, key_version, material)
        VALUES ($1, $2, $3, 1, decode($4, 'base64')) ON CONFLICT (tenant, subject) DO NOTHING`,
        [tenantId, subject, newKeyId(), Buffer.from(newKeyMaterial()).toString("base64")],
      );
      const found = await row(tenantId, subject);
      return found === undefined ? undefined : keyOf(found);
    },
    findKeys: (tenantId, subjects) => findKeysWith(db, s, tenantId, subjects),
    async forget(tenantId: string, subject: string, at: Instant) {
      // Known or not, the subject is recorded as forgotten: no key is ever made for it again.
      await db.query(
        `INSERT INTO ${table} (tenant, subject, key_id, key_version, material, forgotten_at)
        VALUES ($1, $2, $3, 1, NULL, timestamptz 'epoch' + $4::float8 * interval '1 millisecond')
        ON CONFLICT (tenant, subject) DO UPDATE
          SET material = NULL, forgotten_at = COALESCE(${table}.forgotten_at, excluded.forgotten_at)`,
        [tenantId, subject, newKeyId(), at],
      );
      return factOf(tenantId, subject, await row(tenantId, subject)) as SubjectForgotten;
    },
    async forgotten(tenantId, subject) {
      return factOf(tenantId, subject, await row(tenantId, subject));
    },
  };
};
