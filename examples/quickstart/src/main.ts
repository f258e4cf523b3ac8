/**
 * `pnpm demo`: first tickets walked through their lives under three of the example policies,
 * then a working week of SLA clocks under three policies, with the timer worker applying what
 * falls due. The store is embedded PGlite unless the environment says otherwise (store.ts);
 * all time is simulated, starting on Monday 2025-03-03 08:00 UTC.
 */
import { createTimeline, DEMO_START, showInstant } from "./clock.js";
import { runQuickstart, walkTenants } from "./flow.js";
import { renderRefusals, renderTicket } from "./print.js";
import { createStore } from "./store.js";
import { runSlaWeekDemo, weekPolicies } from "./week.js";
import { renderSlaWeek } from "./week-print.js";

const timeline = createTimeline();
const demo = await createStore(timeline.now, [...new Set([...walkTenants, ...Object.keys(weekPolicies)])]);
try {
  console.log(`Ticketfold quickstart — store: ${demo.description}`);
  if (demo.cleared > 0) console.log(`(${demo.cleared} events of the demo's tenants from an earlier run deleted first)`);

  const clock = timeline.start(DEMO_START);
  const start = clock.now();
  const result = await runQuickstart(demo.store, clock);
  console.log(
    `\n# Part 1: three tickets' lives, simulated clock ${showInstant(start)} → ${showInstant(clock.now())}\n`,
  );
  for (const ticket of result.tickets) console.log(`${renderTicket(ticket)}\n`);
  console.log(renderRefusals(result.refusals));

  console.log(renderSlaWeek(await runSlaWeekDemo(demo.store, timeline)));
} finally {
  await demo.close();
}
