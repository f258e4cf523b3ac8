/**
 * Arbitraries for what a ticket is about: categories, channels, requesters, attachments and
 * the intake fields. `complete: true` fills every field a policy can make mandatory, so an
 * `open` built from it passes any policy's required-field check.
 */
import type { Attachment, Category, Channel, TicketFields } from "@ticketfold/core";
import fc from "fast-check";
import { personIdArb, textArb } from "./primitives.js";

export const categories: readonly Category[] = [
  "incident",
  "warranty",
  "consultation",
  "commercial-request",
  "planned-work",
  "project",
  "change-request",
];
export const categoryArb = fc.constantFrom(...categories);
export const channelArb = fc.constantFrom<Channel>("email", "web", "phone", "chat");

export const attachmentArb: fc.Arbitrary<Attachment> = fc.record(
  {
    name: fc.string({ maxLength: 20 }),
    size: fc.integer({ min: 0, max: 10_000_000 }),
    contentType: fc.constantFrom("text/plain", "image/png", "application/pdf"),
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  },
  { requiredKeys: ["name", "size", "contentType"], noNullPrototype: true },
);

const optionalText = fc.string({ maxLength: 20 });

export interface FieldsOptions {
  /** Fill every requirable field with a non-blank value (default false). */
  readonly complete?: boolean;
}

export const ticketFieldsArb = (options: FieldsOptions = {}): fc.Arbitrary<TicketFields> => {
  const must = options.complete === true;
  const filled = must ? textArb : optionalText;
  const requester = fc.record(
    {
      id: fc.oneof({ weight: 3, arbitrary: personIdArb }, { weight: 1, arbitrary: textArb }),
      name: optionalText,
      email: filled,
      phone: filled,
    },
    { requiredKeys: must ? ["id", "email", "phone"] : ["id"], noNullPrototype: true },
  );
  const intake = fc.record(
    {
      startedAt: filled,
      troubleshooting: filled,
      location: fc.constantFrom<"remote" | "on-site">("remote", "on-site"),
      impactOnWork: filled,
    },
    must ? { noNullPrototype: true } : { requiredKeys: [], noNullPrototype: true },
  );
  return fc
    .record(
      {
        subject: textArb,
        description: textArb,
        category: categoryArb,
        channel: channelArb,
        requester,
        organisation: filled,
        contractId: filled,
        customerTier: fc.constantFrom("vip", "standard"),
        product: filled,
        serialNumber: filled,
        affectedUsers: fc.integer({ min: 0, max: 500 }),
        totalUsers: fc.integer({ min: 1, max: 500 }),
        intake,
        attachments: fc.array(attachmentArb, { maxLength: 2 }),
      },
      {
        requiredKeys: must
          ? [
              "subject",
              "description",
              "category",
              "channel",
              "requester",
              "organisation",
              "contractId",
              "product",
              "serialNumber",
              "affectedUsers",
              "intake",
            ]
          : ["subject", "description", "category", "channel", "requester"],
        noNullPrototype: true,
      },
    )
    .map((f) => f as TicketFields);
};
