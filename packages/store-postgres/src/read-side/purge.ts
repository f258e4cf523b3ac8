/**
 * Purging a forgotten data subject from the read side (docs/personal-data.md). The active table
 * set holds copies of ticket fields (the queue's subject, the list entry, the state snapshot);
 * once the subject's key is deleted the log reads `[erased]` in their place, so each of the
 * subject's tickets is projected again from its log, up to the version the set had reached: its
 * rows are replaced whole, with the personal values erased and the SLA facts and statistics as
 * they were. It holds the set's consumer row, so it never interleaves with a batch of the runner.
 */
import type { PolicyLookup, SubjectForgotten } from "@ticketfold/core";
import { ensureConsumer, readConsumerCheckpoint } from "../consumers.js";
import { streamsOfSubjectWith } from "../personal-data/forget.js";
import { readStreamWith } from "../read-stream.js";
import type { PostgresEventStore } from "../store.js";
import { projectBatch } from "./project.js";
import { readSideTables } from "./tables.js";
import { activeVersionWith } from "./versions.js";

/** Projects the forgotten subject's tickets again in the active table set; returns how many. */
export const purgeReadSide = async (
  store: PostgresEventStore,
  fact: Pick<SubjectForgotten, "tenantId" | "subject">,
  policies: PolicyLookup,
): Promise<number> => {
  await store.migrate();
  return store.driver.transaction(async (tx) => {
    const s = store.schema;
    const version = await activeVersionWith(tx, s);
    if (version === null) return 0;
    const t = readSideTables(s, version);
    await ensureConsumer(tx, s, t.consumer, undefined);
    await readConsumerCheckpoint(tx, s, t.consumer, undefined, true);
    let purged = 0;
    for (const ticketId of await streamsOfSubjectWith(tx, s, fact.tenantId, fact.subject)) {
      const { rows } = await tx.query<{ version: number }>(
        `DELETE FROM ${t.ticketState} WHERE tenant = $1 AND ticket_id = $2 RETURNING version`,
        [fact.tenantId, ticketId],
      );
      const reached = rows[0] === undefined ? 0 : Number(rows[0].version);
      if (reached === 0) continue;
      const { events } = await readStreamWith(tx, s, fact.tenantId, ticketId);
      await projectBatch(
        tx,
        s,
        t,
        events.filter((e) => e.version <= reached),
        policies,
      );
      purged++;
    }
    return purged;
  });
};
