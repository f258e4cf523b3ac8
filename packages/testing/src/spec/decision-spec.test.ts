import { AssertionError } from "node:assert";
import { eventFrom, type TicketEvent } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { agent, commandOf, openTicket, requester, T0, text } from "../fixtures/commands.js";
import { reopenWindowPolicy } from "../fixtures/policies.js";
import { decisionSpec } from "./decision-spec.js";

const spec = decisionSpec(reopenWindowPolicy);
const open = openTicket({}, { at: T0 });
const opened = (spec.when(open).decision as { right: TicketEvent[] }).right;
const accept = commandOf("accept", {}, { at: T0 + 1000, actor: agent });

/** Runs `check` and returns the AssertionError it throws. */
const assertionFrom = (check: () => unknown): AssertionError => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(AssertionError);
    return error as AssertionError;
  }
  throw new Error("expected the check to fail");
};

describe("decisionSpec: given / when / then", () => {
  it("passes when the decided events are the expected ones", () => {
    spec
      .given(opened)
      .when(accept)
      .then([eventFrom(accept, "accepted", {})]);
  });

  it("accepts a state as the given", () => {
    const state = spec.given(opened).when(accept).before;
    spec
      .given(state)
      .when(accept)
      .then([eventFrom(accept, "accepted", {})]);
  });

  it("checks a refusal by code or by partial error", () => {
    spec.given(opened).when(open).thenFails("TICKET_ALREADY_EXISTS");
    spec
      .given(opened)
      .when(commandOf("accept", {}, { actor: requester }))
      .thenFails({ code: "NOT_PERMITTED", actor: "requester", allowed: ["agent", "system"] });
  });

  it("checks the state after the decided events, and chains checks", () => {
    spec
      .given(opened)
      .when(accept)
      .then([eventFrom(accept, "accepted", {})])
      .thenState({ status: "open", version: 2, openedAt: T0 });
  });

  it("can be returned from a test body (awaiting the chain resolves)", async () => {
    await expect(Promise.resolve(spec.given(opened).when(accept).thenState({ status: "open" }))).resolves.toBe(
      undefined,
    );
  });

  it("a wrong expected event fails with a readable diff", () => {
    const wrong = [eventFrom(accept, "resolved", { resolution: text("done") })];
    const error = assertionFrom(() => spec.given(opened).when(accept).then(wrong));
    expect(error.message).toContain("events decided for accept");
    expect(error.message).toMatch(/\+ .*"accepted"|\+\s+type: 'accepted'/);
    expect(error.message).toMatch(/- .*"resolved"|-\s+type: 'resolved'/);
  });

  it("a wrong expected error code fails with a diff naming both codes", () => {
    const error = assertionFrom(() => spec.given(opened).when(open).thenFails("ILLEGAL_TRANSITION"));
    expect(error.message).toContain("TICKET_ALREADY_EXISTS");
    expect(error.message).toContain("ILLEGAL_TRANSITION");
  });

  it("expecting a refusal of an accepted command fails, showing the events", () => {
    const error = assertionFrom(() => spec.given(opened).when(accept).thenFails("NOT_PERMITTED"));
    expect(error.message).toContain("accept was accepted, but should fail");
    expect(error.actual).toEqual(JSON.parse(JSON.stringify([eventFrom(accept, "accepted", {})])));
  });

  it("expecting events of a refused command fails with its message", () => {
    const error = assertionFrom(() => spec.given([]).when(accept).then([]));
    expect(error.message).toContain("accept was refused");
    expect(error.actual).toMatchObject({ code: "TICKET_NOT_FOUND" });
  });

  it("a wrong expected state fails with a diff of the named fields only", () => {
    const error = assertionFrom(() => spec.given(opened).when(accept).thenState({ status: "resolved" }));
    expect(error.message).toContain("state after accept");
    expect(error.message).toContain("open");
    expect(error.message).toContain("resolved");
    expect(error.message).not.toContain("statusHistory");
  });

  it("uses a decide function given in the options", () => {
    const never = decisionSpec(reopenWindowPolicy, {
      decide: () => ({ _tag: "Left", left: { code: "INVALID_VALUE", field: "x", message: "no" } }),
    });
    never.given(opened).when(accept).thenFails({ code: "INVALID_VALUE", field: "x" });
  });
});
