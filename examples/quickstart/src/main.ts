/**
 * `pnpm demo`: tickets walked through their lives under three of the example policies, on an
 * in-memory event store and a simulated clock that starts on Monday 2025-03-03 08:00 UTC.
 */
import { createClock, showInstant } from "./clock.js";
import { runQuickstart } from "./flow.js";
import { renderRefusals, renderTicket } from "./print.js";
import { createStore } from "./store.js";

const clock = createClock();
const store = createStore(clock);
const start = clock.now();
const result = await runQuickstart(store, clock);

console.log(
  `Ticketfold quickstart: in-memory store, simulated clock ${showInstant(start)} → ${showInstant(clock.now())}\n`,
);

for (const ticket of result.tickets) console.log(`${renderTicket(ticket)}\n`);
console.log(renderRefusals(result.refusals));
