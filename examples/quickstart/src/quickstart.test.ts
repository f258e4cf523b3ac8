import { describe, expect, it } from "vitest";
import { createClock } from "./clock.js";
import { runQuickstart } from "./flow.js";
import { renderRefusals, renderTicket } from "./print.js";
import { createStore } from "./store.js";
import { renderTable } from "./table.js";

const run = async () => {
  const clock = createClock();
  const { store } = await createStore(clock.now, [], { kind: "memory" });
  return runQuickstart(store, clock);
};

describe("the quickstart walkthrough", () => {
  it("ends each ticket in the status its script leads to", async () => {
    const { tickets } = await run();
    expect(tickets.map((t) => [t.policy.id, t.loaded.state.status])).toEqual([
      ["p-c", "closed"],
      ["p-d", "closed"],
      ["p-b", "open"],
    ]);
  });

  it("gives a malformed priority the policy's default and reopens on a customer comment", async () => {
    const { tickets } = await run();
    const [contract, web] = tickets;
    expect(contract?.loaded.state.priority).toBe("4");
    expect(web?.loaded.state.priority).toBe("normal");
    expect(contract?.loaded.state.reopenedAt).toHaveLength(1);
    expect(web?.loaded.events.at(-1)?.type).toBe("closed");
  });

  it("refuses the commands the policies forbid, with their codes", async () => {
    const { refusals } = await run();
    expect(refusals.map((r) => [r.ticket.tenantId, r.command, r.code])).toEqual([
      ["reyes-dental", "accept", "APPROVAL_REQUIRED"],
      ["nordwerk", "comment", "REOPEN_WINDOW_EXPIRED"],
    ]);
  });

  it("bills the approved change request's time", async () => {
    const { tickets } = await run();
    expect(tickets[2]?.loaded.state.minutesBillable).toBe(45);
  });

  it("prints instants in ISO UTC and the refusal codes", async () => {
    const { tickets, refusals } = await run();
    const text = tickets.map(renderTicket).join("\n") + renderRefusals(refusals);
    expect(text).toContain("2025-03-03T08:00:00Z");
    expect(text).toContain("REOPEN_WINDOW_EXPIRED");
  });
});

describe("renderTable", () => {
  it("aligns columns to the widest cell", () => {
    expect(renderTable(["a", "bb"], [["ccc", "d"]]).split("\n")).toEqual(["a    bb", "---  --", "ccc  d"]);
  });
});
