/** Helpers for partitioned consumers: run a set of partitions of the read side until it has caught up. */
import { workloadPolicies } from "@ticketfold/testing/workload";
import { type LogPartition, type PostgresEventStore, partitionConsumer, readSideTables, runReadSide } from "./index.js";
import { readAllWith } from "./read-all.js";

/** True when partition `p` of the read side's consumer has nothing left to read. */
const partitionDone = async (store: PostgresEventStore, version: number, p: LogPartition): Promise<boolean> => {
  const consumer = partitionConsumer(readSideTables(store.schema, version).consumer, p);
  const after = await store.consumerCheckpoint(consumer);
  const page = await readAllWith(store.driver, store.schema, { after, limit: 1 }, p);
  return page.events.length === 0;
};

/** Runs read-side partitions `indexes` of `count` until each has read its share of the log (bounded). */
export const runPartitions = async (
  store: PostgresEventStore,
  count: number,
  indexes: readonly number[] = Array.from({ length: count }, (_, i) => i),
): Promise<void> => {
  const controller = new AbortController();
  const partitions = indexes.map((index) => ({ index, count }));
  const running = partitions.map((partition) =>
    runReadSide(store, { policies: workloadPolicies, signal: controller.signal, pollInterval: 10, partition }),
  );
  const until = Date.now() + 15_000;
  try {
    for (;;) {
      const version = (
        await store.driver.query<{ v: number }>(`SELECT active_version AS v FROM "${store.schema.name}".read_side`)
      ).rows[0]?.v;
      if (version !== undefined) {
        const done = await Promise.all(partitions.map((p) => partitionDone(store, Number(version), p)));
        if (done.every(Boolean)) break;
      }
      if (Date.now() > until) throw new Error(`partitions ${indexes.join(",")} of ${count} did not catch up`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    controller.abort();
    await Promise.all(running);
  }
};
