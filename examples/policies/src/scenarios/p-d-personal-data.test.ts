/**
 * P-D "web ticket system" (seeds/003, German) on personal data. The document: "Aufgrund unserer
 * Datenschutzbestimmungen dürfen Support-Anfragen im Regelfall keine vertraulichen und/oder
 * personenbezogenen Daten enthalten. In Ausnahmefällen […] muss die Übermittlung der Daten
 * verschlüsselt erfolgen", and such data "können an unterschiedlichsten Stellen auftauchen".
 * A desk with personal data on (docs/personal-data.md) keeps what a requester writes sealed
 * under the requester's key, and after an erasure request keeps the ticket, its reaction and
 * restoration deadlines and its history, with the personal values read as `[erased]`.
 */
import { ERASED, loadTicket, tenantId, ticketId } from "@ticketfold/core";
import { createInMemoryDesk, createInMemoryKeyStore } from "@ticketfold/store-memory";
import { describe, expect, it } from "vitest";
import { pD } from "../index.js";

const T0 = Date.parse("2025-03-03T09:00Z");
const TENANT = tenantId("p-d");
const TICKET = ticketId("01JQPD0000000000000000000D");
const REQUESTER = "kunde-4711";
const personal = {
  name: "Hannelore Beispiel",
  email: "h.beispiel@kunde.example",
  phone: "+49 351 555 0199",
  description: "Composer startet nicht; Testdaten nicht möglich, Kundin Hannelore Beispiel, Ringstraße 5",
};

const deskWithTicket = async () => {
  let now = T0;
  const desk = createInMemoryDesk({
    policies: pD,
    clock: () => now,
    personalData: { keyStore: createInMemoryKeyStore() },
  });
  const opened = await desk.handle({
    type: "open",
    ticketId: TICKET,
    tenantId: TENANT,
    actor: { kind: "requester", id: REQUESTER, name: personal.name },
    data: {
      subject: "Composer startet nicht nach Visio-Update",
      description: personal.description,
      category: "incident",
      channel: "web",
      priority: "high",
      requester: { id: REQUESTER, name: personal.name, email: personal.email, phone: personal.phone },
    },
  });
  expect(opened._tag).toBe("Right");
  return { desk, later: (ms: number) => (now += ms) };
};

describe("P-D: personal data in tickets", () => {
  it.each([
    ["the requester's name", personal.name],
    ["the requester's address", personal.email],
    ["the requester's telephone number", personal.phone],
    ["the text the requester wrote", personal.description],
  ])("verschlüsselt erfolgen: %s is logged sealed, read back as written", async (_, value) => {
    const { desk } = await deskWithTicket();
    // The log (a pending notice keeps the address it goes to until it is sent or its subject forgotten).
    expect(desk.store.events.heldData()).not.toContain(value);
    const ticket = await loadTicket(desk.store, TENANT, TICKET);
    expect(JSON.stringify(ticket.state.fields)).toContain(value);
  });

  it("Datenschutzbestimmungen: after an erasure request the ticket keeps its deadlines and history, its personal values erased", async () => {
    const { desk, later } = await deskWithTicket();
    const before = await desk.queries.getTicket(TENANT, TICKET, T0);
    later(60_000);
    await desk.forget(TENANT, REQUESTER);
    const after = await desk.queries.getTicket(TENANT, TICKET, T0);
    expect(after?.subject).toBe(ERASED);
    expect(after?.sla).toEqual(before?.sla);
    expect(after?.nextDeadline).toBe(before?.nextDeadline);
    const ticket = await loadTicket(desk.store, TENANT, TICKET);
    expect(ticket.state.fields?.requester).toEqual({ id: REQUESTER, name: ERASED, email: ERASED, phone: ERASED });
    expect(ticket.state.fields?.description).toBe(ERASED);
    expect(ticket.events.map((e) => e.type)).toEqual(["opened"]);
    for (const value of Object.values(personal)) expect(desk.store.heldData()).not.toContain(value);
  });
});
