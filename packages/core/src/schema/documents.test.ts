import { readFileSync } from "node:fs";
import {
  commandCodecs,
  decodeCommand,
  decodePolicy,
  type Policy,
  PolicyC,
  type TicketCommand,
  tenantId,
  ticketId,
} from "@ticketfold/core";
import { commandArb, policyArb, slaPolicyArb } from "@ticketfold/testing";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { commandJsonSchema, policyJsonSchema } from "./index.js";

const REGENERATE = "pnpm --filter @ticketfold/core schemas";
const shipped = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), "utf8"));

describe("the shipped schema files", () => {
  it.each([
    ["policy.schema.json", policyJsonSchema],
    ["command.schema.json", commandJsonSchema],
  ])("%s is what the codecs generate", (name, generate) => {
    expect(
      shipped(name),
      `packages/core/${name} differs from the codecs; regenerate it with \`${REGENERATE}\``,
    ).toEqual(generate());
  });
});

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validPolicy = ajv.compile(policyJsonSchema());
const validCommand = ajv.compile(commandJsonSchema());
const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u));
const policyWire = (p: Policy): unknown => json(PolicyC.encode(p));
const commandWire = (c: TicketCommand): unknown => json(commandCodecs[c.type].encode(c as never));
const errorsOf = (v: { errors?: unknown }) => JSON.stringify(v.errors);

const policies = fc.oneof(
  slaPolicyArb(),
  policyArb().map((p) => p as Policy),
);
const commands = policyArb().chain((policy) =>
  commandArb({ policies: [policy], ticketId: ticketId("01JD0000000000000000000000"), tenantId: tenantId("acme") }),
);

describe("every value the codecs accept validates against the schema", () => {
  it("policies (slaPolicyArb, policyArb)", () => {
    fc.assert(
      fc.property(policies, (p) => {
        const wire = policyWire(p);
        expect(E.isRight(decodePolicy(wire))).toBe(true);
        expect(validPolicy(wire), errorsOf(validPolicy)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("commands of every type (commandArb)", () => {
    fc.assert(
      fc.property(commands, (c) => {
        const wire = commandWire(c);
        fc.pre(E.isRight(decodeCommand(wire)));
        expect(validCommand(wire), errorsOf(validCommand)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  /** A value with one random change: a key removed, a key added, or a value of another type. */
  const mutated = <A>(arb: fc.Arbitrary<A>, wire: (a: A) => unknown) =>
    fc
      .tuple(
        arb,
        fc.nat(),
        fc.nat(),
        fc.constantFrom<unknown>(null, 0, 1.5, "", "x", "4h", true, [], {}, "remove", "extra"),
      )
      .map(([a, i, j, change]) => {
        const root = wire(a);
        const nodes: [Record<string, unknown> | unknown[], string | number][] = [];
        const walk = (u: unknown): void => {
          if (Array.isArray(u))
            u.forEach((v, k) => {
              nodes.push([u, k]);
              walk(v);
            });
          else if (typeof u === "object" && u !== null)
            for (const [k, v] of Object.entries(u)) {
              nodes.push([u as Record<string, unknown>, k]);
              walk(v);
            }
        };
        walk(root);
        const [parent, key] = nodes[i % nodes.length] ?? [root as Record<string, unknown>, "x"];
        if (change === "extra") {
          if (!Array.isArray(parent)) parent[`extra${j % 3}`] = "surprise";
        } else if (change === "remove") {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key as string];
        } else (parent as Record<string, unknown>)[key] = change;
        return root;
      });

  it("after a random change, whatever decodePolicy still accepts the schema accepts too", () => {
    fc.assert(
      fc.property(mutated(policies, policyWire), (wire) => {
        fc.pre(E.isRight(decodePolicy(wire)));
        expect(validPolicy(wire), errorsOf(validPolicy)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("after a random change, whatever decodeCommand still accepts the schema accepts too", () => {
    fc.assert(
      fc.property(mutated(commands, commandWire), (wire) => {
        fc.pre(E.isRight(decodeCommand(wire)));
        expect(validCommand(wire), errorsOf(validCommand)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

const policy = {
  id: "desk",
  name: "Desk",
  priorities: { levels: [{ id: "p1", name: "Urgent" }], default: "p1" },
  calendars: {
    office: {
      id: "office",
      version: 1,
      timeZone: "Europe/Berlin",
      week: { mon: [["09:00", "17:00"]] },
      holidays: ["12-25", { easter: -2 }],
    },
  },
  sla: { metrics: { response: { targets: { p1: "4h" }, calendar: "office" } } },
};
const command = {
  type: "comment",
  ticketId: "01JD0000000000000000000000",
  tenantId: "acme",
  at: "2025-03-03T13:00:00Z",
  actor: { kind: "agent", id: "a-1" },
  data: { body: "Hello" },
};
const patch = (base: object, path: string[], value: unknown): unknown => {
  const copy = json(base) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
};

describe("invalid examples are refused by both the codec and the schema", () => {
  it("the examples' valid bases pass both", () => {
    expect(E.isRight(decodePolicy(policy)) && validPolicy(policy)).toBe(true);
    expect(E.isRight(decodeCommand(command)) && validCommand(command)).toBe(true);
  });

  it.each([
    ["a target that is no duration", ["sla", "metrics", "response", "targets", "p1"], "4 hours"],
    ["a target of the wrong type", ["sla", "metrics", "response", "targets", "p1"], 4],
    ["a typo in a weekday", ["calendars", "office", "week"], { mon: [["09:00", "17:00"]], thur: [] }],
    ["a wall time past midnight", ["calendars", "office", "week", "mon"], [["09:00", "25:00"]]],
    ["an unknown calendar field", ["calendars", "office", "holiday"], ["12-25"]],
    ["a holiday that is no date", ["calendars", "office", "holidays"], ["christmas"]],
    ["an easter rule with a stray key", ["calendars", "office", "holidays"], [{ easter: -2, month: 4 }]],
    ["an unknown calendar kind", ["calendars", "office", "kind"], "monthly"],
    ["a priority scale without levels", ["priorities", "levels"], undefined],
    ["an empty id", ["id"], "  "],
    ["an unknown re-target mode", ["sla", "retarget"], "keep-going"],
    ["an unknown pause status", ["sla", "metrics", "response", "pauseWhile"], ["on-hold"]],
    ["a warning of the wrong shape", ["sla", "warnings"], [{ percentage: 75 }]],
  ])("policy: %s", (_, path, value) => {
    const bad = patch(policy, path as string[], value);
    expect(E.isLeft(decodePolicy(bad))).toBe(true);
    expect(validPolicy(bad)).toBe(false);
  });

  it.each([
    ["an unknown type", ["type"], "comentt"],
    ["a missing ticket id", ["ticketId"], undefined],
    ["a ticket id that is no ULID", ["ticketId"], "ticket-1"],
    ["a tenant with a space", ["tenantId"], "acme corp"],
    ["an instant without an offset", ["at"], "2025-03-03T13:00:00"],
    ["an unknown actor kind", ["actor", "kind"], "robot"],
    ["a blank comment", ["data", "body"], "   "],
    ["a comment of the wrong type", ["data", "body"], 42],
    ["an unknown visibility", ["data", "visibility"], "secret"],
    ["a missing payload where one is required", ["data"], undefined],
  ])("command: %s", (_, path, value) => {
    const bad = patch(command, path as string[], value);
    expect(E.isLeft(decodeCommand(bad))).toBe(true);
    expect(validCommand(bad)).toBe(false);
  });

  it("a payload-less command may leave data out in both", () => {
    const accept = { ...command, type: "accept", data: undefined };
    const wire = json(accept);
    expect(E.isRight(decodeCommand(wire))).toBe(true);
    expect(validCommand(wire)).toBe(true);
  });
});
