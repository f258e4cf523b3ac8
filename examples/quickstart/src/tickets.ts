/**
 * The tickets of the demo, each a script of its life under its policy:
 * - P-C contract desk: a malformed priority becomes 4 (Low); the desk asks the customer,
 *   the customer answers, the ticket is resolved, reopened by a comment, resolved and closed;
 *   a later comment is refused because under P-C closed is final.
 * - P-D web ticket system: the same life, closed at the end by the system (auto-close of a
 *   resolved ticket, as the document describes).
 * - P-B VIP help desk: a change request cannot be accepted before the customer's point of
 *   contact approves it; its logged time is billable.
 */
import type { Actor } from "./desk.js";
import type { Step } from "./script.js";

const irina: Actor = { kind: "requester", id: "irina.sokolova", name: "Irina Sokolova" };
const olga: Actor = { kind: "agent", id: "olga", name: "Olga (2nd line)" };
const jonas: Actor = { kind: "requester", id: "jonas.weber", name: "Jonas Weber" };
const max: Actor = { kind: "agent", id: "max", name: "Max (support)" };
const autoClose: Actor = { kind: "system", id: "auto-close" };
const dana: Actor = { kind: "requester", id: "dana.reyes", name: "Dana Reyes (point of contact)" };
const sam: Actor = { kind: "agent", id: "sam", name: "Sam (ATS)" };

export const contractDeskTicket: readonly Step[] = [
  {
    after: "0m",
    by: irina,
    type: "open",
    data: {
      subject: "Licence server does not start after update",
      description: "After installing update 7.2 the licence service stops at start-up.",
      category: "incident",
      channel: "email",
      requester: { id: "irina.sokolova", name: "Irina Sokolova", email: "irina@example.org" },
      contractId: "SC-2024-0117",
      product: "LM-7",
      priority: "urgent!!",
    },
  },
  { after: "20m", by: olga, type: "accept", data: {} },
  { after: "5m", by: olga, type: "assign", data: { assignee: "olga", group: "2nd line" } },
  {
    after: "40m",
    by: olga,
    type: "await-customer",
    data: { reason: "more-information", question: "Please send the service log." },
  },
  { after: "2h", by: irina, type: "comment", data: { body: "Log attached: licence.log." } },
  {
    after: "10m",
    by: olga,
    type: "comment",
    data: { body: "Port 27000 taken by the backup agent.", visibility: "internal" },
  },
  { after: "30m", by: olga, type: "comment", data: { body: "The backup agent holds the licence port; moving it." } },
  { after: "1h", by: olga, type: "resolve", data: { resolution: "Backup agent moved to port 27010." } },
  { after: "1d", by: irina, type: "comment", data: { body: "It stopped again after the nightly reboot." } },
  { after: "2h", by: olga, type: "resolve", data: { resolution: "Port setting made persistent across reboots." } },
  { after: "1h", by: irina, type: "close", data: {} },
  {
    after: "2d",
    by: irina,
    type: "comment",
    data: { body: "One more question…" },
    refusedWith: "REOPEN_WINDOW_EXPIRED",
  },
];

export const webTicket: readonly Step[] = [
  {
    after: "0m",
    by: jonas,
    type: "open",
    data: {
      subject: "Composer does not start after Visio update",
      description: "Since this morning's Visio update the Composer closes right after start.",
      category: "incident",
      channel: "web",
      requester: { id: "jonas.weber", name: "Jonas Weber", email: "jonas@example.de" },
      organisation: "Weber Logistik",
      priority: 42,
    },
  },
  { after: "15m", by: max, type: "accept", data: {} },
  { after: "1m", by: max, type: "assign", data: { assignee: "max", group: "support" } },
  {
    after: "30m",
    by: max,
    type: "await-customer",
    data: { reason: "more-information", question: "Which Visio build?" },
  },
  { after: "3h", by: jonas, type: "comment", data: { body: "Visio 16.0.18129." } },
  { after: "5m", by: max, type: "comment", data: { body: "Known issue in 16.0.18129.", visibility: "internal" } },
  { after: "20m", by: max, type: "comment", data: { body: "Please install Composer hotfix 3; link below." } },
  { after: "10m", by: max, type: "resolve", data: { resolution: "Hotfix 3 fixes the start-up crash." } },
  { after: "1d", by: jonas, type: "comment", data: { body: "Hotfix installed, but the stencil panel is empty." } },
  { after: "4h", by: max, type: "resolve", data: { resolution: "Stencil cache cleared; panel shows again." } },
  { after: "7d", by: autoClose, type: "close", data: {} },
];

export const changeRequest: readonly Step[] = [
  {
    after: "0m",
    by: dana,
    type: "open",
    data: {
      subject: "Add a mailbox for the new office manager",
      description: "Please create a mailbox and add it to the staff distribution list.",
      category: "change-request",
      channel: "email",
      requester: { id: "dana.reyes", name: "Dana Reyes", email: "dana@example.com" },
      customerTier: "vip",
    },
  },
  { after: "30m", by: sam, type: "accept", data: {}, refusedWith: "APPROVAL_REQUIRED" },
  { after: "1h", by: dana, type: "approve-change", data: {} },
  { after: "10m", by: sam, type: "accept", data: {} },
  { after: "45m", by: sam, type: "log-time", data: { minutes: 45, note: "Mailbox and list membership" } },
];
