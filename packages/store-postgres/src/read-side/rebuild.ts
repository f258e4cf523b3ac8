/**
 * Rebuild without downtime: a new table set is built from the start of the log by its own
 * consumer while the active set keeps serving (and `runReadSide` keeps it current); once the
 * new set has caught up, one transaction points the views and the `read_side` row at it. Then
 * the old set can be dropped. Use it after changing how tickets are projected (a new core
 * version) or to repair a read model.
 */

import type { PostgresEventStore } from "../store.js";
import { isReadSideNotCaughtUp } from "./errors.js";
import { catchUpReadSide, type ReadSideOptions } from "./runner.js";
import { createReadSideVersion, dropReadSideVersion, ensureReadSide, switchReadSide } from "./versions.js";

export interface RebuildOptions extends ReadSideOptions {
  /** Drop the previous set once the switch is done (default true). */
  readonly dropPrevious?: boolean;
  /** Catch-up rounds before giving up on a log that keeps growing (default 20). */
  readonly maxRounds?: number;
}

export interface RebuildResult {
  readonly from: number;
  readonly to: number;
  /** Events applied to the new set before the switch. */
  readonly events: number;
}

export const rebuildReadSide = async (store: PostgresEventStore, options: RebuildOptions): Promise<RebuildResult> => {
  const from = await ensureReadSide(store);
  const to = from + 1;
  // A set left over by an interrupted rebuild is started again from scratch.
  await dropReadSideVersion(store, to);
  await createReadSideVersion(store, to);
  let events = 0;
  const rounds = options.maxRounds ?? 20;
  for (let round = 1; ; round++) {
    events += (await catchUpReadSide(store, to, options)).events;
    try {
      await switchReadSide(store, to);
      break;
    } catch (error) {
      if (!isReadSideNotCaughtUp(error) || round >= rounds) throw error;
    }
  }
  if (options.dropPrevious !== false) await dropReadSideVersion(store, from);
  return { from, to, events };
};
