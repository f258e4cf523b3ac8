/**
 * The database scan of the personal-data tests: every text, jsonb and array column of every
 * table and view in a schema, read as text. After a subject is forgotten, none of its seeded
 * values may appear in it (docs/personal-data.md).
 */
import type { SqlExecutor } from "../driver.js";

const SCANNED = ["text", "jsonb", "json", "character varying", "ARRAY", "bytea"];

/** Every text the schema's tables hold, one value a line. */
export const scanSchema = async (db: SqlExecutor, schema: string): Promise<string> => {
  const { rows } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = $1 AND data_type = ANY($2::text[]) ORDER BY table_name, ordinal_position`,
    [schema, SCANNED],
  );
  const parts: string[] = [];
  for (const { table_name, column_name } of rows) {
    const { rows: values } = await db.query<{ v: string | null }>(
      `SELECT "${column_name}"::text AS v FROM "${schema}"."${table_name}"`,
    );
    for (const { v } of values) if (v !== null) parts.push(`${table_name}.${column_name}: ${v}`);
  }
  return parts.join("\n");
};

/** How many columns the scan reads (a scan of nothing proves nothing). */
export const scannedColumns = async (db: SqlExecutor, schema: string): Promise<number> => {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = $1 AND data_type = ANY($2::text[])`,
    [schema, SCANNED],
  );
  return Number(rows[0]?.n ?? 0);
};
