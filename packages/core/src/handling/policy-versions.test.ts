/**
 * Policy versions are pinned (issue 10, item 9). A ticket records the policy id and version it
 * is judged under; an edit of the policy (a new version in the resolver) never re-judges it or
 * moves its timers; a new version applies to a live ticket only through `change-policy`,
 * recorded as `policy-changed` with both versions (keep-start / restart as the new policy says),
 * and refused on closed tickets; `previewPolicyChange` tells which deadlines would move.
 */
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { agent, commandOf, fourPriorities, openTicket, T0, TENANT, TICKET, text } from "@ticketfold/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { eventFrom } from "../decide/build.js";
import { previewPolicyChange } from "../decide/policy-change.js";
import { compiledPolicyOf } from "../policy/compile.js";
import { decodePolicy, type Policy } from "../policy/policy.js";
import { type PolicyResolver, singlePolicy } from "../policy/resolver.js";
import { selectingResolver } from "../policy/selection.js";
import { HOUR, MINUTE } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { slaStatus } from "../sla/reader.js";
import { toNewEvent } from "../store/records.js";
import type { TicketCommand } from "../ticket/commands.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { resolvePolicy } from "./decision.js";
import { handleCommand } from "./handler.js";
import { loadTicket } from "./load-ticket.js";

/** The desk's policy at `version`: response within `response`, re-targeting as `retarget` says. */
const desk = (version: number | undefined, response: string, retarget = "keep-start"): Policy => {
  const decoded = decodePolicy({
    id: "desk",
    name: "desk",
    ...(version === undefined ? {} : { version }),
    priorities: fourPriorities,
    sla: {
      metrics: { response: { targets: { normal: response } }, resolution: { targets: { normal: "3d" } } },
      retarget,
    },
  });
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return decoded.right;
};
const v1 = desk(1, "4h");
const v2 = desk(2, "1h");

const deadline = (state: TicketState, policy: Policy, now: Instant) => {
  const cp = compiledPolicyOf(policy);
  if (E.isLeft(cp)) throw new Error(cp.left.message);
  return slaStatus(state, cp.right, now).response?.deadline;
};

const run = async (policies: PolicyResolver, commands: readonly TicketCommand[]) => {
  const store = createInMemoryEventStore({ now: () => T0 });
  for (const c of commands) {
    const result = await handleCommand(store, policies, c);
    if (E.isLeft(result)) throw new Error(result.left.message);
  }
  return store;
};

const accept = commandOf("accept", {}, { at: T0 + 30 * MINUTE, actor: agent });
const changeTo = (data: TicketCommand["data"] & { policyId: string }, at = T0 + 2 * HOUR) =>
  commandOf("change-policy", data as { policyId: string; version?: number }, { at, actor: agent });

describe("pinned policy versions", () => {
  it("opening records the policy id and version; the state keeps them", async () => {
    const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 })]);
    const { events } = await store.readStream(TENANT, TICKET);
    expect(events[0]?.data).toMatchObject({ policyId: "desk", policyVersion: 1 });
    expect(fold(events.map((e) => ({ ...e, type: e.type }) as never))).toMatchObject({
      policyId: "desk",
      policyVersion: 1,
    });
  });

  it("a policy without a version is version 1", async () => {
    const store = await run(singlePolicy(desk(undefined, "4h")), [openTicket({}, { at: T0 })]);
    expect((await store.readStream(TENANT, TICKET)).events[0]?.data).toMatchObject({ policyVersion: 1 });
  });

  it("editing the policy does not re-judge an open ticket: it is handled under its version, new tickets under the new one", async () => {
    const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 })]);
    const edited = singlePolicy(v2, [v1]);
    const handled = await handleCommand(store, edited, accept);
    if (E.isLeft(handled)) throw new Error(handled.left.message);
    expect(resolvePolicy(edited, handled.right.state, accept)).toEqual(E.right(v1));
    expect(deadline(handled.right.state, v1, T0 + HOUR)).toBe(T0 + 4 * HOUR);
    expect(edited.forNewTicket(openTicket())).toBe(v2);
  });

  it("a resolver that lost the ticket's version is UNKNOWN_POLICY, never a silent re-judgement", async () => {
    const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 })]);
    const result = await handleCommand(store, singlePolicy(v2), accept);
    expect(result).toEqual(
      E.left({
        code: "UNKNOWN_POLICY",
        policyId: "desk",
        message:
          "no policy desk version 1 is registered (the ticket is judged under that version: keep it in the resolver)",
      }),
    );
    expect((await store.readStream(TENANT, TICKET)).events).toHaveLength(1);
  });

  it.each([
    ["keep-start: the new target from the original start", "keep-start", T0 + HOUR],
    ["restart: the new full target from the change", "restart", T0 + 3 * HOUR],
  ])(
    "change-policy applies the new version explicitly, recorded with both versions — %s",
    async (_rule, retarget, expected) => {
      const next = desk(2, "1h", retarget);
      const policies = singlePolicy(next, [v1]);
      const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 })]);
      const result = await handleCommand(store, policies, changeTo({ policyId: "desk" }));
      if (E.isLeft(result)) throw new Error(result.left.message);
      expect(result.right.events.map((e) => [e.type, e.data])).toEqual([
        ["policy-changed", { from: "desk", to: "desk", fromVersion: 1, toVersion: 2 }],
      ]);
      expect(result.right.state.policyVersion).toBe(2);
      expect(deadline(result.right.state, next, T0 + 2 * HOUR)).toBe(expected);
      // From then on the ticket is handled under version 2.
      expect(resolvePolicy(policies, result.right.state, accept)).toEqual(E.right(next));
    },
  );

  it("change-policy to the version the ticket has records nothing", async () => {
    const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 })]);
    const result = await handleCommand(store, singlePolicy(v2, [v1]), changeTo({ policyId: "desk", version: 1 }));
    expect(E.isRight(result) && result.right.events).toEqual([]);
  });

  it.each([
    [
      "a version the resolver does not keep",
      { policyId: "desk", version: 3 },
      "no policy desk version 3 is registered",
    ],
    ["a policy the resolver does not have", { policyId: "other" }, "no policy with id other is registered"],
  ])("change-policy to %s is UNKNOWN_POLICY and records nothing", async (_name, data, message) => {
    const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 })]);
    const result = await handleCommand(store, singlePolicy(v2, [v1]), changeTo(data));
    expect(E.isLeft(result) && [result.left.code, result.left.message]).toEqual([
      "UNKNOWN_POLICY",
      expect.stringContaining(message),
    ]);
    expect((await store.readStream(TENANT, TICKET)).events).toHaveLength(1);
  });

  it("change-policy is refused on a closed ticket, whose clocks stay as they were", async () => {
    const close = [
      accept,
      commandOf("resolve", { resolution: text("Fixed") }, { at: T0 + HOUR, actor: agent }),
      commandOf("close", { reason: "confirmed" }, { at: T0 + 90 * MINUTE, actor: agent }),
    ];
    const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 }), ...close]);
    const before = (await loadTicket(store, TENANT, TICKET)).state;
    const result = await handleCommand(store, singlePolicy(v2, [v1]), changeTo({ policyId: "desk" }));
    expect(E.isLeft(result) && result.left.code).toBe("ILLEGAL_TRANSITION");
    expect(previewPolicyChange(before, v1, v2, T0 + 2 * HOUR)).toEqual(
      E.left(expect.objectContaining({ code: "ILLEGAL_TRANSITION" })),
    );
    const after = (await loadTicket(store, TENANT, TICKET)).state;
    expect(after).toEqual(before);
  });

  it("a selecting resolver keeps every version it is given; the highest is in force", async () => {
    const resolver = selectingResolver([v2, v1], { rules: [], default: "desk" });
    if (E.isLeft(resolver)) throw new Error(resolver.left.message);
    expect(resolver.right.byId("desk", 1)).toBe(v1);
    expect(resolver.right.byId("desk")).toBe(v2);
    expect(resolver.right.byId("desk", 3)).toBeUndefined();
    expect(resolver.right.forNewTicket(openTicket())).toBe(v2);
  });

  it("a ticket opened before versions were recorded is judged under the version in force", async () => {
    const store = createInMemoryEventStore({ now: () => T0 });
    const open = openTicket({}, { at: T0 });
    const { policyVersion: _dropped, ...legacy } = (
      eventFrom(open, "opened", {
        ...open.data,
        priority: "normal",
        priorityDefaulted: false,
        policyId: "desk",
        approvalRequired: false,
      } as never) as { data: Record<string, unknown> }
    ).data;
    const event = eventFrom(open, "opened", legacy as never);
    await store.appendToStream(TENANT, TICKET, [toNewEvent(event)], { expectedVersion: 0 });
    const policies = singlePolicy(v2, [v1]);
    const handled = await handleCommand(store, policies, accept);
    if (E.isLeft(handled)) throw new Error(handled.left.message);
    expect(handled.right.state.policyVersion).toBeNull();
    expect(resolvePolicy(policies, handled.right.state, accept)).toEqual(E.right(v2));
  });
});

describe("previewPolicyChange", () => {
  const open = fold([
    eventFrom(openTicket({}, { at: T0 }), "opened", {
      ...openTicket().data,
      priority: "normal",
      priorityDefaulted: false,
      policyId: "desk",
      policyVersion: 1,
      approvalRequired: false,
    } as never),
  ]);

  it("tells, per metric, the deadline before and after; only moved ones are in `moves`", () => {
    const preview = previewPolicyChange(open, v1, v2, T0 + 2 * HOUR);
    if (E.isLeft(preview)) throw new Error(preview.left.message);
    expect(preview.right.metrics.map((m) => [m.metric, m.from, m.to, m.moves])).toEqual([
      ["response", T0 + 4 * HOUR, T0 + HOUR, true],
      ["resolution", T0 + 72 * HOUR, T0 + 72 * HOUR, false],
    ]);
    expect(preview.right.moves.map((m) => [m.metric, m.state])).toEqual([
      ["response", { from: "running", to: "breached" }],
    ]);
    expect(preview.right.event.data).toEqual({ from: "desk", to: "desk", fromVersion: 1, toVersion: 2 });
  });

  it("agrees with what change-policy then records", async () => {
    const store = await run(singlePolicy(v1), [openTicket({}, { at: T0 })]);
    const state = (await loadTicket(store, TENANT, TICKET)).state;
    const preview = previewPolicyChange(state, v1, v2, T0 + 2 * HOUR);
    const changed = await handleCommand(store, singlePolicy(v2, [v1]), changeTo({ policyId: "desk" }));
    if (E.isLeft(preview) || E.isLeft(changed)) throw new Error("refused");
    expect(changed.right.events.map((e) => e.data)).toEqual([preview.right.event.data]);
    expect(deadline(changed.right.state, v2, T0 + 2 * HOUR)).toBe(preview.right.metrics[0]?.to);
  });
});
