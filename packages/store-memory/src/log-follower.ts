/**
 * Follows a store's log into an in-memory projection for the read models of a store without a
 * read side of its own (the ticket list, the engineers' bookings): each catch-up reads `readAll`
 * from where the last one stopped, so a read after it sees every event appended before it.
 * Catch-ups (and restarts) run one at a time, so concurrent reads never fold an event twice or
 * move the checkpoint back; a failed one leaves the checkpoint at the last page applied.
 */
import type { EventStore, RecordedEvent } from "@ticketfold/core";

/** What a follower feeds: a projection's `applyAll` (an Either: stops at the first error, its `left`). */
export type ApplyAll = (
  events: readonly RecordedEvent[],
) => { readonly _tag: "Left"; readonly left: unknown } | { readonly _tag: "Right" };

export interface LogFollower {
  /** Reads the log up to its end now; returns how many events it applied. */
  catchUp(): Promise<number>;
  /** Runs `reset` (a fresh projection), then reads the log again from its start. */
  restart(reset: () => void): Promise<number>;
}

export const followLog = (store: EventStore, apply: ApplyAll, batchSize = 500): LogFollower => {
  let checkpoint: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const readToEnd = async (): Promise<number> => {
    let applied = 0;
    for (;;) {
      const page = await store.readAll({ after: checkpoint, limit: batchSize });
      const done = apply(page.events);
      if (done._tag === "Left") throw done.left;
      applied += page.events.length;
      checkpoint = page.checkpoint;
      if (page.isEnd || page.events.length === 0) return applied;
    }
  };
  /** Runs `step` after every step queued before it, whether that one failed or not. */
  const serial = (step: () => Promise<number>): Promise<number> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    catchUp: () => serial(readToEnd),
    restart: (reset) =>
      serial(() => {
        reset();
        checkpoint = null;
        return readToEnd();
      }),
  };
};
