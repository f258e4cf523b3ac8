/**
 * The two JSON Schema documents the package ships (`@ticketfold/core/policy.schema.json` and
 * `@ticketfold/core/command.schema.json`), generated from the codecs that decode policies and
 * commands. `pnpm --filter @ticketfold/core schemas` writes them; a test keeps the files equal
 * to what these functions return.
 */
import * as t from "io-ts";
import { LadderStepC } from "../policy/ladder.js";
import { PolicyC } from "../policy/policy.js";
import { PriorityLevelC } from "../policy/priority.js";
import { MetricPolicyC, TargetC, WarningC } from "../policy/sla.js";
import { commandCodecs, commandTypes } from "../ticket/commands.js";
import { ActorC } from "../ticket/events.js";
import { TicketFieldsC } from "../ticket/fields.js";
import { type JsonSchemaDocument, toJsonSchema } from "./to-json-schema.js";

/** The JSON Schema of a policy file (what `decodePolicy` accepts). */
export const policyJsonSchema = (): JsonSchemaDocument =>
  toJsonSchema(PolicyC, {
    title: "Ticketfold policy",
    description:
      "A support desk's rules: priorities, workflow, business calendars, SLA metrics, escalation ladder, " +
      "time-driven rules and notifications. Generated from @ticketfold/core's PolicyC; decodePolicy also checks " +
      "rules a schema cannot say (calendar dates and time zones, names that must exist).",
    defs: {
      PriorityLevel: PriorityLevelC,
      Metric: MetricPolicyC,
      Target: TargetC,
      Warning: WarningC,
      LadderStep: LadderStepC,
    },
  });

/** The JSON Schema of a ticket command (what `decodeCommand` accepts), one definition per command type. */
export const commandJsonSchema = (): JsonSchemaDocument =>
  toJsonSchema(t.union(commandTypes.map((type) => commandCodecs[type]) as unknown as [t.Mixed, t.Mixed]), {
    title: "Ticketfold command",
    description:
      "A command asked of a ticket: its type, the ticket, tenant, instant and actor, and the payload under " +
      "`data`. Generated from @ticketfold/core's command codecs; decodeCommand is the authority.",
    defs: {
      ...Object.fromEntries(commandTypes.map((type) => [type, commandCodecs[type]])),
      Actor: ActorC,
      TicketFields: TicketFieldsC,
    },
  });
