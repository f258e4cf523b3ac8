/**
 * The zone a scenario reads and shows instants in: the one the test names, else that of the
 * first business calendar the policy's SLA counts on (where the desk reads its deadlines),
 * else UTC.
 */
import type { Policy } from "@ticketfold/core";

export const displayZoneOf = (policy: Policy): string => {
  const metrics = Object.values(policy.sla?.metrics ?? {});
  const names = metrics.flatMap((m) => [
    m?.calendar ?? "24x7",
    ...Object.values(m?.targets ?? {}).flatMap((t) =>
      typeof t === "object" && t.calendar !== undefined ? [t.calendar] : [],
    ),
  ]);
  for (const name of names) {
    const def = policy.calendars?.[name];
    if (def !== undefined && def.kind !== "24x7") return def.timeZone;
  }
  return "UTC";
};
