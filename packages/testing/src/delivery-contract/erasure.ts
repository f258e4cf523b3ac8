/**
 * The desk's erasure contract (docs/personal-data.md), for every adapter's desk with personal
 * data enabled: after `desk.forget(subject)` the subject's tickets still load and keep their SLA
 * history and figures, the read model shows `[erased]` where the subject's values were, no plain
 * copy of them is left in anything the store holds (`dump`: for SQL, every text and jsonb column
 * of every table), the subject is not written to again, and other subjects are untouched.
 */
import { type Desk, ERASED, type Instant, loadTicket, type TicketListRow, tenantId, ticketId } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import type { DeskHarnessOptions } from "./desk.js";
import { manualClock } from "./desk.js";
import { deskPolicies, recordingChannel, T0 } from "./fixtures.js";

export interface ErasureHarness {
  readonly desk: Desk;
  /** Everything the desk's store holds, as text. */
  dump(): Promise<string>;
  /** Brings the read model up to the end of the log (PostgreSQL: the read side's catch-up). */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

const TENANT = tenantId("erasure");
const HOUR = 3_600_000;

interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly subject: string;
  readonly body: string;
  readonly ticket: string;
}

const person = (who: string, n: number): Person => ({
  id: `requester-${who.toLowerCase()}`,
  name: `${who} Zeugnisname${n}`,
  email: `${who.toLowerCase()}.postfach${n}@example.org`,
  phone: `+43 1 5550${n}${n}`,
  subject: `${who}'s invoice address Mozartgasse ${n} is wrong`,
  body: `${who} writes: my new address is Mozartgasse ${n}, door ${n}`,
  ticket: `01JQERA5E${"0".repeat(16)}${n}`,
});

const valuesOf = (p: Person): string[] => [p.name, p.email, p.phone, p.subject, p.body];

const open = (desk: Desk, p: Person, at: Instant) =>
  desk.handle({
    type: "open",
    ticketId: ticketId(p.ticket),
    tenantId: TENANT,
    at,
    actor: { kind: "requester", id: p.id, name: p.name },
    data: {
      subject: p.subject,
      description: `${p.body} (phone ${p.phone})`,
      category: "incident",
      channel: "email",
      requester: { id: p.id, name: p.name, email: p.email, phone: p.phone },
    },
  });

const comment = (desk: Desk, p: Person, at: Instant) =>
  desk.handle({
    type: "comment",
    ticketId: ticketId(p.ticket),
    tenantId: TENANT,
    at,
    actor: { kind: "requester", id: p.id, name: p.name },
    data: { body: p.body, visibility: "public" },
  });

const agentAct = (desk: Desk, p: Person, type: "accept" | "resolve", at: Instant) =>
  desk.handle({
    type,
    ticketId: ticketId(p.ticket),
    tenantId: TENANT,
    at,
    actor: { kind: "agent", id: "agent-9" },
    ...(type === "resolve" ? { data: { resolution: "Address corrected." } } : {}),
  } as Parameters<Desk["handle"]>[0]);

/** The row without what erasure may change: its subject. */
const impersonal = (row: TicketListRow | null) => {
  if (row === null) return null;
  const { subject: _, ...rest } = row;
  return rest;
};

export const describeDeskErasureContract = (
  name: string,
  harness: (o: DeskHarnessOptions) => Promise<ErasureHarness>,
): void => {
  describe(`desk erasure contract: ${name}`, () => {
    it("forgets a subject: tickets, SLA and figures stay; no plain copy is left; nothing more is sent to it", async () => {
      const clock = manualClock(T0);
      const mail = recordingChannel("mail");
      const h = await harness({ clock: clock.now, policies: deskPolicies, channels: [mail] });
      try {
        const [greta, otto] = [person("Greta", 3), person("Otto", 4)];
        for (const p of [greta, otto]) {
          expect((await open(h.desk, p, T0))._tag).toBe("Right");
          expect((await agentAct(h.desk, p, "accept", T0 + HOUR / 2))._tag).toBe("Right");
          expect((await comment(h.desk, p, T0 + HOUR))._tag).toBe("Right");
        }
        clock.set(T0 + 2 * HOUR);
        await h.desk.dispatch();
        const sentToGreta = mail.seen.filter((i) => i.ticketId === greta.ticket).length;
        expect(sentToGreta).toBeGreaterThan(0);
        await h.catchUp();
        const rowBefore = await h.desk.queries.getTicket(TENANT, greta.ticket, T0 + 2 * HOUR);
        expect(rowBefore?.subject).toBe(greta.subject);

        const fact = await h.desk.forget(TENANT, greta.id);
        expect(fact).toEqual({ type: "subject-forgotten", tenantId: TENANT, subject: greta.id, at: T0 + 2 * HOUR });

        // The ticket still loads; its state differs only in personal values.
        const loaded = await loadTicket(h.desk.store, TENANT, greta.ticket);
        expect(loaded.state.fields?.subject).toBe(ERASED);
        expect(loaded.state.fields?.requester).toEqual({ id: greta.id, name: ERASED, email: ERASED, phone: ERASED });
        expect(loaded.state.statusHistory.length).toBeGreaterThan(0);
        // The read model: same row, SLA and figures, subject erased.
        await h.catchUp();
        const rowAfter = await h.desk.queries.getTicket(TENANT, greta.ticket, T0 + 2 * HOUR);
        expect(rowAfter?.subject).toBe(ERASED);
        expect(impersonal(rowAfter)).toEqual(impersonal(rowBefore));
        const otherRow = await h.desk.queries.getTicket(TENANT, otto.ticket, T0 + 2 * HOUR);
        expect(otherRow?.subject).toBe(otto.subject);

        // Later events of the ticket: handled, their notices to the requester never sent.
        expect((await agentAct(h.desk, greta, "resolve", T0 + 3 * HOUR))._tag).toBe("Right");
        clock.set(T0 + 4 * HOUR);
        await h.desk.dispatch();
        expect(mail.seen.filter((i) => i.ticketId === greta.ticket).length).toBe(sentToGreta);
        for (const i of mail.seen) expect(i.recipients.map((r) => r.address)).not.toContain(ERASED);
        await h.catchUp();

        const stored = await h.dump();
        for (const value of valuesOf(greta)) expect(stored).not.toContain(value);
        // The scan sees what is there: the other subject's notices name its address.
        expect(stored).toContain(otto.email);
        const exported = await h.desk.exportSubject(TENANT, greta.id);
        expect(exported.forgottenAt).not.toBeNull();
        expect(JSON.stringify(exported)).not.toContain(greta.email);
      } finally {
        await h.close();
      }
    }, 120_000);
  });
};
