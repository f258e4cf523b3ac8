/**
 * A requester's escalation request (docs/design/sla-semantics.md#escalation-ladder; P-C "the customer may
 * escalate, in turn, …"): each request asks for the level after the highest one already
 * requested, and is accepted only once the ladder has reached that level. Earlier it is refused
 * with ESCALATION_NOT_YET_POSSIBLE, saying when it becomes possible. Agents may escalate at any
 * time; a policy without a ladder accepts every request.
 */
import * as E from "fp-ts/lib/Either.js";
import { ladderReaches } from "../escalation/level.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import { formatInstant, type Instant } from "../shared/instant.js";
import type { CommandOf } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketEvent } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { eventFrom } from "./build.js";

const notYet = (level: number, possibleAt: Instant | null, why: string): DomainError => ({
  code: "ESCALATION_NOT_YET_POSSIBLE",
  level,
  possibleAt,
  message:
    possibleAt === null
      ? `escalation to level ${level} is not possible now: ${why}`
      : `escalation to level ${level} becomes possible at ${formatInstant(possibleAt)}`,
});

export const decideEscalationRequest = (
  c: CommandOf<"request-escalation">,
  state: TicketState,
  policy: Policy,
): E.Either<DomainError, TicketEvent[]> => {
  const level = state.escalationRequests.reduce((max, r) => Math.max(max, r.level), 0) + 1;
  const accept = () =>
    E.right([
      eventFrom(c, "escalation-requested", {
        level,
        ...(c.data.reason === undefined ? {} : { reason: c.data.reason }),
      }),
    ]);
  if (c.actor.kind !== "requester" || (policy.sla?.ladder ?? []).length === 0) return accept();
  const compiled = compiledPolicyOf(policy);
  if (E.isLeft(compiled)) return E.left(notYet(level, null, `the policy's SLA is invalid (${compiled.left.message})`));
  const steps = ladderReaches(state, compiled.right).filter((s) => s.level >= level);
  if (steps.length === 0) return E.left(notYet(level, null, "the ladder has no higher level"));
  let possibleAt: Instant | null = null;
  for (const s of steps) if (s.at !== null && (possibleAt === null || s.at < possibleAt)) possibleAt = s.at;
  if (possibleAt !== null && possibleAt <= c.at) return accept();
  const why = steps.every((s) => s.stopped)
    ? "the clocks of the next ladder step have stopped"
    : "the clocks of the next ladder step are paused";
  return E.left(notYet(level, possibleAt, why));
};
