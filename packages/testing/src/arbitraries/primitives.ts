/**
 * Arbitraries for the domain's primitive values: ULID ticket ids, tenant ids, instants as
 * integer milliseconds in a sane range, durations in whole seconds (the policy notation's
 * resolution), non-empty text, person ids and actors.
 */
import type { Actor, Instant, TenantId, TicketId } from "@ticketfold/core";
import fc from "fast-check";

/** 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z: far from the edges of Date. */
export const MIN_INSTANT = Date.UTC(2000, 0, 1);
export const MAX_INSTANT = Date.UTC(2100, 0, 1);

export const ticketIdArb: fc.Arbitrary<TicketId> = fc.ulid().map((s) => s as TicketId);

const TENANT_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];
export const tenantIdArb: fc.Arbitrary<TenantId> = fc
  .tuple(
    fc.constantFrom(...TENANT_CHARS),
    fc.string({ unit: fc.constantFrom(...TENANT_CHARS, ".", "_", "-"), maxLength: 15 }),
  )
  .map(([head, tail]) => `${head}${tail}` as TenantId);

export const instantArb = (min: Instant = MIN_INSTANT, max: Instant = MAX_INSTANT): fc.Arbitrary<Instant> =>
  fc.integer({ min, max });

/** A duration in whole seconds (what `4h`, `90m`, `45s` can write), from 0 to `maxMs`. */
export const durationArb = (maxMs = 30 * 24 * 3_600_000): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: Math.floor(maxMs / 1000) }).map((s) => s * 1000);

/** Text that is not blank after trimming (NonEmptyText). */
export const textArb: fc.Arbitrary<string> = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((s) => s.trim().length > 0);

export const actorKindArb = fc.constantFrom<Actor["kind"]>("requester", "agent", "system");

/**
 * Person ids: mostly one of two customers' (which tickets' requesters also mostly have, so a
 * customer's command often comes from the ticket's own requester), sometimes anyone's.
 */
export const personIdArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("cust-1", "cust-2") },
  { weight: 1, arbitrary: fc.nat({ max: 999 }).map((n) => `user-${n}`) },
);

export const actorArb = (kind: fc.Arbitrary<Actor["kind"]> = actorKindArb): fc.Arbitrary<Actor> =>
  fc.record(
    { kind, id: personIdArb, name: fc.string({ maxLength: 20 }) },
    { requiredKeys: ["kind", "id"], noNullPrototype: true },
  );
