/**
 * Throttled NOTIFY for appends. PostgreSQL serialises the commits of all transactions that
 * NOTIFY (a server-wide lock held through the commit's WAL flush), so notifying on every append
 * caps concurrent writers at one commit per flush — about 3× fewer appends/s with 8 writers in
 * the bench. So an append notifies inside its own statement (delivered exactly at commit) only
 * when no notification left this store in the last `intervalMs`; otherwise its tenant is
 * noted and one trailing NOTIFY per tenant follows when the window closes. A sleeping consumer
 * still wakes within `intervalMs` of any append; polling remains the source of truth.
 */
import type { SqlExecutor } from "./driver.js";

export interface AppendNotifier {
  /** True when this append should notify in its own statement (the window is open). */
  claim(tenantId: string): boolean;
  /** Records a committed append that did not notify; a trailing NOTIFY will cover it. */
  skipped(tenantId: string): void;
  /** Sends any pending trailing notification now and stops the timer. */
  flush(): Promise<void>;
}

export const appendNotifier = (db: SqlExecutor, channel: string, intervalMs = 50): AppendNotifier => {
  let windowEndsAt = 0;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendPending = async (): Promise<void> => {
    timer = undefined;
    if (pending.size === 0) return;
    const tenants = [...pending];
    pending.clear();
    windowEndsAt = Date.now() + intervalMs;
    // A lost wake-up only delays consumers until their next poll.
    await db.query("SELECT pg_notify($1, t) FROM unnest($2::text[]) AS t", [channel, tenants]).catch(() => {});
  };

  return {
    claim() {
      const now = Date.now();
      if (now < windowEndsAt) return false;
      windowEndsAt = now + intervalMs;
      return true;
    },
    skipped(tenantId) {
      pending.add(tenantId);
      if (timer) return;
      timer = setTimeout(() => void sendPending(), Math.max(0, windowEndsAt - Date.now()));
      timer.unref?.();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await sendPending();
    },
  };
};
