/**
 * Command arbitraries. A command "draft" is its type, actor and payload; the ticket, tenant
 * and instant are filled in by whoever runs it (histories fill increasing instants). Payloads
 * are mostly valid for the policy in play, sometimes not (an unknown priority, zero minutes),
 * so both accepted and refused decisions come up.
 */
import {
  type Actor,
  type CommandOf,
  commandTypes,
  type Instant,
  type PolicyCore,
  type TenantId,
  type TicketCommand,
  type TicketCommandType,
  type TicketId,
} from "@ticketfold/core";
import fc from "fast-check";
import { metricArb } from "./events.js";
import { ticketFieldsArb } from "./fields.js";
import { actorArb, durationArb, instantArb, textArb } from "./primitives.js";

export interface CommandDraft {
  readonly type: TicketCommandType;
  readonly actor: Actor;
  readonly data: unknown;
}

const opt = { noNullPrototype: true } as const;
const str = fc.string({ maxLength: 12 });

/** What the drafts may refer to: the policies in play (for priorities and policy ids). */
export interface CommandContext {
  readonly policies: readonly PolicyCore[];
}

const priorityChoice = (policies: readonly PolicyCore[]): fc.Arbitrary<string> => {
  const levels = policies.flatMap((p) => p.priorities.levels);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...levels.map((l) => l.id)) },
    { weight: 1, arbitrary: fc.constantFrom(...levels.map((l) => l.name)) },
    { weight: 1, arbitrary: fc.constantFrom("no-such-priority", "", "  ") },
  );
};

const dataArbs = (ctx: CommandContext): { [K in TicketCommandType]: fc.Arbitrary<unknown> } => ({
  open: fc
    .tuple(ticketFieldsArb({ complete: true }), fc.option(priorityChoice(ctx.policies), { nil: undefined }))
    .map(([fields, priority]) => (priority === undefined ? fields : { ...fields, priority })),
  "change-policy": fc.record({ policyId: fc.constantFrom(...ctx.policies.map((p) => p.id)) }, opt),
  "change-priority": fc.record(
    {
      priority: priorityChoice(ctx.policies),
      cause: fc.constantFrom("manual", "workaround", "customer-silence"),
      reason: str,
    },
    { requiredKeys: ["priority"], ...opt },
  ),
  accept: fc.constant({}),
  assign: fc.record(
    { assignee: fc.option(fc.constantFrom("agent-1", "agent-2"), { nil: null }), group: fc.constantFrom("l1", "l2") },
    { requiredKeys: ["assignee"], ...opt },
  ),
  comment: fc.record(
    { body: textArb, visibility: fc.constantFrom("public", "internal"), attachments: fc.constant([]) },
    { requiredKeys: ["body"], ...opt },
  ),
  "share-plan": fc.record({ plan: textArb }, opt),
  "await-customer": fc.record(
    { reason: fc.constantFrom("more-information", "approval", "third-party"), question: str },
    { requiredKeys: ["reason"], ...opt },
  ),
  resolve: fc.record({ resolution: textArb, workaround: fc.boolean() }, { requiredKeys: ["resolution"], ...opt }),
  reopen: fc.record({ reason: str }, { requiredKeys: [], ...opt }),
  close: fc.record(
    { reason: fc.constantFrom("confirmed", "withdrawn", "duplicate", "other") },
    { requiredKeys: [], ...opt },
  ),
  "request-escalation": fc.record({ reason: str }, { requiredKeys: [], ...opt }),
  "give-feedback": fc.record(
    { rating: fc.constantFrom("positive", "neutral", "negative"), text: str },
    { requiredKeys: ["rating"], ...opt },
  ),
  "log-time": fc.record(
    {
      minutes: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 1, max: 480 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, -5, 1.5, 2000) },
      ),
      outOfPlan: fc.boolean(),
      note: str,
    },
    { requiredKeys: ["minutes"], ...opt },
  ),
  "correct-time": fc.record(
    {
      entry: fc.integer({ min: 0, max: 40 }),
      minutes: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: -480, max: -1 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, 1.5, 30, -2000) },
      ),
      reason: textArb,
    },
    { requiredKeys: ["entry", "reason"], ...opt },
  ),
  "approve-change": fc.constant({}),
  "reject-change": fc.record({ reason: str }, { requiredKeys: [], ...opt }),
  "schedule-session": fc.record(
    { start: instantArb(), length: durationArb(4 * 3_600_000), engineer: fc.constantFrom("kim", "lee") },
    { requiredKeys: ["start", "length"], ...opt },
  ),
  "record-sla-warning": fc.record(
    {
      metric: metricArb,
      cycle: fc.integer({ min: 0, max: 2 }),
      warning: fc.constantFrom("50%", "75%"),
      deadline: instantArb(),
    },
    opt,
  ),
  "record-sla-breach": fc.record(
    { metric: metricArb, cycle: fc.integer({ min: 0, max: 2 }), deadline: instantArb() },
    opt,
  ),
  "record-escalation-level": fc.record(
    {
      level: fc.integer({ min: 1, max: 3 }),
      metric: metricArb,
      cycle: fc.integer({ min: 0, max: 3 }),
      step: fc.integer({ min: 0, max: 3 }),
      roles: fc.constantFrom([], ["head-of-support"], ["account-manager", "ceo"]),
    },
    opt,
  ),
  "record-ola-breach": fc.record(
    { group: fc.constantFrom("tier-1", "tier-2"), cycle: fc.integer({ min: 0, max: 2 }), deadline: instantArb() },
    opt,
  ),
});

const lifecycle = new Set<TicketCommandType>(["accept", "comment", "await-customer", "resolve", "close", "reopen"]);
/** Agents act most, then requesters, then the system. */
const actorKinds = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Actor["kind"]>("agent") },
  { weight: 2, arbitrary: fc.constant<Actor["kind"]>("requester") },
  { weight: 1, arbitrary: fc.constant<Actor["kind"]>("system") },
);

/** A draft of any command type except `open` (or of the given types). */
export const commandDraftArb = (
  ctx: CommandContext,
  types: readonly TicketCommandType[] = commandTypes.filter((t) => t !== "open"),
): fc.Arbitrary<CommandDraft> => {
  const arbs = dataArbs(ctx);
  // The lifecycle's main moves come up more often, so histories travel through every status.
  // One record per type, built once (building arbitraries per value is slow).
  const actor = actorArb(actorKinds);
  return fc.oneof(
    ...types.map((type) => ({
      weight: lifecycle.has(type) ? 4 : 1,
      arbitrary: fc.record({ type: fc.constant(type), actor, data: arbs[type] }, opt) as fc.Arbitrary<CommandDraft>,
    })),
  );
};

/** Fills a draft in: which ticket, which tenant, when. */
export const completeCommand = (
  draft: CommandDraft,
  ticketId: TicketId,
  tenantId: TenantId,
  at: Instant,
): TicketCommand =>
  ({ type: draft.type, ticketId, tenantId, at, actor: draft.actor, data: draft.data }) as TicketCommand;

/** A complete command of any type for one ticket. */
export const commandArb = (
  ctx: CommandContext & { readonly ticketId: TicketId; readonly tenantId: TenantId },
  types?: readonly TicketCommandType[],
): fc.Arbitrary<TicketCommand> =>
  fc
    .tuple(commandDraftArb(ctx, types ?? commandTypes), instantArb())
    .map(([draft, at]) => completeCommand(draft, ctx.ticketId, ctx.tenantId, at));

/** An `open` command for one ticket (complete fields; priority given or not). */
export const openCommandArb = (
  ctx: CommandContext & { readonly ticketId: TicketId; readonly tenantId: TenantId },
): fc.Arbitrary<CommandOf<"open">> => commandArb(ctx, ["open"]).map((c) => c as CommandOf<"open">);
