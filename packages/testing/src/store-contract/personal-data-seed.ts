/**
 * Seeded personal data for the personal-data contract: two data subjects of one tenant, each with
 * a ticket whose events carry every kind of personal value (name, e-mail, telephone, free text,
 * the requester's name as actor). The values are distinctive, so a scan of everything a store
 * holds finds any copy left in plain text.
 */
import { type Actor, type NewEvent, type TicketCommand, type TicketEvent, toTracedEvent } from "@ticketfold/core";
import { commandOf, openTicket, T0, TENANT, text } from "../fixtures/commands.js";
import { impactPolicy } from "../fixtures/policies.js";
import { historyOf } from "../fixtures/tickets.js";

export interface SeededSubject {
  readonly subject: string;
  readonly ticketId: string;
  /** Every personal value of the subject's ticket, as a person wrote it. */
  readonly values: readonly string[];
  /** The ticket's events as the handler writes them (subject in the metadata). */
  readonly events: readonly NewEvent[];
  readonly ticketEvents: readonly TicketEvent[];
}

const seed = (n: number, who: string, ticketId: string): SeededSubject => {
  const subject = `subject-${who.toLowerCase()}-${n}`;
  const name = `${who} Personenname${n}`;
  const email = `${who.toLowerCase()}.mailbox${n}@example.org`;
  const phone = `+49 30 5550${n}${n}${n}`;
  const subjectLine = `${who}'s laptop stolen from Lindenallee ${n}`;
  const description = `${who} reports the theft at home, Lindenallee ${n}, flat ${n}B`;
  const body = `${who} asks to be called back on ${phone} about claim ${n}`;
  const resolution = `${who} was sent a replacement to Lindenallee ${n}`;
  const actor: Actor = { kind: "requester", id: subject, name };
  const at = (h: number) => ({ at: T0 + h * 3_600_000, ticketId: ticketId as never, tenantId: TENANT });
  const commands: TicketCommand[] = [
    openTicket(
      {
        subject: text(subjectLine),
        description: text(description),
        requester: { id: text(subject), name, email, phone },
      },
      { ...at(0), actor },
    ),
    commandOf("accept", {}, at(1)),
    commandOf("comment", { visibility: "public", body: text(body) }, { ...at(2), actor }),
    commandOf("resolve", { resolution: text(resolution) }, at(3)),
  ];
  const ticketEvents = historyOf(impactPolicy, commands);
  const events = ticketEvents.map((e) => toTracedEvent(e, {}, subject));
  return {
    subject,
    ticketId,
    values: [name, email, phone, subjectLine, description, body, resolution],
    events,
    ticketEvents,
  };
};

/** The subject to forget and the one to keep, with their tickets. */
export const seededSubjects = (): { readonly forgotten: SeededSubject; readonly kept: SeededSubject } => ({
  forgotten: seed(7, "Greta", "01J0GDPR00000000000000000A"),
  kept: seed(8, "Otto", "01J0GDPR00000000000000000B"),
});
