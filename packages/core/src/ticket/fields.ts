/**
 * What a ticket is about: the fields the five policies ask for on intake.
 */
import * as t from "io-ts";
import { NonEmptyTextC } from "../shared/ids.js";

export const CategoryC = t.keyof({
  incident: null,
  warranty: null,
  consultation: null,
  "commercial-request": null,
  "planned-work": null,
  "change-request": null,
  /** A project request (P-B: billed, and approved by the point of contact first). */
  project: null,
});
export type Category = t.TypeOf<typeof CategoryC>;

export const ChannelC = t.keyof({ email: null, web: null, phone: null, chat: null });
export type Channel = t.TypeOf<typeof ChannelC>;

export const RequesterC = t.intersection([
  t.type({ id: NonEmptyTextC }),
  t.partial({ name: t.string, email: t.string, phone: t.string }),
]);
export type Requester = t.TypeOf<typeof RequesterC>;

/**
 * An attachment is a reference, never the bytes: its name, size in bytes, media type, the
 * SHA-256 of its content and the `id` under which an `AttachmentStore` (store/attachments.ts)
 * keeps the bytes. Events written before the store existed have no `id` (and may lack the
 * checksum): they still decode, as metadata whose bytes Ticketfold never kept.
 */
export const AttachmentC = t.intersection([
  t.type({ name: t.string, size: t.number, contentType: t.string }),
  t.partial({ sha256: t.string, id: t.string }),
]);
export type Attachment = t.TypeOf<typeof AttachmentC>;

/** P-A's intake questions beyond the usual fields. */
export const IntakeC = t.partial({
  startedAt: t.string,
  troubleshooting: t.string,
  location: t.keyof({ remote: null, "on-site": null }),
  impactOnWork: t.string,
});
export type Intake = t.TypeOf<typeof IntakeC>;

export const TicketFieldsC = t.intersection([
  t.type({
    subject: NonEmptyTextC,
    description: NonEmptyTextC,
    category: CategoryC,
    channel: ChannelC,
    requester: RequesterC,
  }),
  t.partial({
    organisation: t.string,
    /** Contract / customer id (P-C: the service contract number). */
    contractId: t.string,
    /** Customer tier used for queue order and policy selection (P-B: `vip`). */
    customerTier: t.string,
    product: t.string,
    serialNumber: t.string,
    affectedUsers: t.number,
    totalUsers: t.number,
    intake: IntakeC,
    attachments: t.array(AttachmentC),
  }),
]);
export type TicketFields = t.TypeOf<typeof TicketFieldsC>;
