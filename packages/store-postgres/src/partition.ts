/**
 * Partitioned consumers: partition `index` of `count` reads only the events whose key hashes
 * to `index`, the key being the ticket (tenant and stream id, the default) or the tenant. Every
 * event belongs to exactly one partition and a ticket's events all to the same one, so `count`
 * consumers together see each event once, each ticket's in log order, and they never write the
 * same ticket's rows. The hash is the first 32 bits of the key's MD5 (31 used), computed by the
 * database in the read and here (`partitionOf`) the same way: stable across PostgreSQL
 * versions, unlike `hashtext`.
 */
import { createHash } from "node:crypto";
import { InvalidStoreInput, validateWhole } from "@ticketfold/core";

/** Which share of the log a consumer reads. */
export interface LogPartition {
  /** This consumer's partition: 0 ≤ index < count. */
  readonly index: number;
  /** How many partitions share the log (1–1024). */
  readonly count: number;
  /** What is hashed: the ticket (default; tickets spread evenly) or the tenant (a tenant's events stay together). */
  readonly by?: "ticket" | "tenant";
}

export const MAX_PARTITIONS = 1024;

/** A partition the store refuses, naming the field. */
export const validatePartition = (p: LogPartition, path: string): InvalidStoreInput | undefined =>
  validateWhole(p.count, `${path}.count`, 1, MAX_PARTITIONS) ??
  validateWhole(p.index, `${path}.index`, 0, Math.max(0, p.count - 1)) ??
  (p.by === undefined || p.by === "ticket" || p.by === "tenant"
    ? undefined
    : new InvalidStoreInput(`${path}.by`, `must be "ticket" or "tenant"; got ${JSON.stringify(p.by)}`));

/** The hashed key: tenant and stream id apart by U+001F (which no id holds), or the tenant alone. */
const keyOf = (tenantId: string, streamId: string, by: LogPartition["by"]): string =>
  by === "tenant" ? tenantId : `${tenantId}\u001f${streamId}`;

/** The partition (of `count`) an event of this tenant and stream belongs to. */
export const partitionOf = (tenantId: string, streamId: string, count: number, by?: LogPartition["by"]): number => {
  const digest = createHash("md5")
    .update(keyOf(tenantId, streamId, by), "utf8")
    .digest();
  return (digest.readUInt32BE(0) & 0x7fffffff) % count;
};

/**
 * The SQL condition `partitionOf(tenant, stream) = index` on alias `e`, with the count and the
 * index as parameters `$countParam` and `$countParam + 1`.
 */
export const partitionSql = (by: LogPartition["by"], countParam: number): string => {
  const key = by === "tenant" ? "e.tenant" : "e.tenant || chr(31) || e.stream_id";
  return `(('x' || substr(md5(${key}), 1, 8))::bit(32)::int & 2147483647) % $${countParam}::int = $${countParam + 1}::int`;
};

/**
 * The checkpoint row of partition `index` of `count` of a consumer: its own name, so each
 * partition count keeps its own checkpoints (`<consumer>#ticket:2/4`).
 */
export const partitionConsumer = (consumer: string, p: LogPartition): string =>
  `${consumer}#${p.by ?? "ticket"}:${p.index}/${p.count}`;

const PARTITION_NAME = /^(.*)#(ticket|tenant):(\d+)\/(\d+)$/;

/** The consumer, kind, index and count a partition row's name stands for, if it is one. */
export const parsePartitionConsumer = (
  name: string,
):
  | { readonly consumer: string; readonly by: "ticket" | "tenant"; readonly index: number; readonly count: number }
  | undefined => {
  const m = PARTITION_NAME.exec(name);
  if (!m) return undefined;
  const [, consumer, by, index, count] = m as unknown as [string, string, "ticket" | "tenant", string, string];
  return { consumer, by, index: Number(index), count: Number(count) };
};
