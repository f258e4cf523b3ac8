/**
 * A realistic week before the clock's "now": about thirty tickets from the five organisations,
 * opened in each one's office hours in its own time zone, with what people did (accepts,
 * replies, internal notes, questions to the customer and their answers, re-prioritised tickets,
 * escalations, resolutions, a reopen) and what time did through the policies (warnings,
 * breaches, ladder steps, auto-closes), run by the real timer worker as the seeding clock walks
 * the week. Deterministic: the same start gives the same tickets (ids, times, text).
 */
import { DAY, type Instant, MINUTE } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { monotonicFactory } from "ulid";
import type { HelpDesk } from "./desk.js";
import { openingData } from "./opening.js";
import { agents, type Organisation, organisations, type Person } from "./organisations.js";

/** A small deterministic PRNG (mulberry32). */
export const prng = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** The offset of `timeZone` from UTC at `at`, in milliseconds. */
const zoneOffset = (timeZone: string, at: number): number => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - Math.floor(at / 1000) * 1000
  );
};

/** The instant of a local wall time, `daysBack` days before `now`'s date in `timeZone`. */
const localTime = (now: Instant, timeZone: string, daysBack: number, minutes: number): Instant => {
  const local = now + zoneOffset(timeZone, now);
  let midnight = Math.floor(local / DAY) * DAY - daysBack * DAY;
  // Customers write on working days: a Saturday or Sunday becomes the Friday before.
  const weekday = new Date(midnight).getUTCDay();
  if (weekday === 6 || weekday === 0) midnight -= (weekday === 6 ? 1 : 2) * DAY;
  const wall = midnight + minutes * MINUTE;
  return (wall - zoneOffset(timeZone, wall)) as Instant;
};

type Kind =
  | "resolved" // answered and resolved; the customer confirms some
  | "waiting" // a question to the customer, unanswered: the clocks pause
  | "answered-back" // a question, the customer's answer, work goes on
  | "fresh" // opened in the last hours, nobody has answered yet: a live countdown
  | "forgotten" // opened days ago and never answered: breached, the ladder climbs
  | "noted" // accepted, an internal note, a public reply; still open
  | "retargeted" // the priority raised after intake: the targets re-computed
  | "escalated" // the customer asks for escalation
  | "reopened"; // resolved, then the customer writes again

interface Template {
  readonly subject: string;
  readonly description: string;
  readonly kind: Kind;
  readonly priority?: string;
  readonly category?: "incident" | "consultation" | "change-request" | "warranty";
  readonly channel?: "email" | "web" | "phone" | "chat";
  /** Days before now it was opened. */
  readonly daysBack: number;
}

const templates: Record<string, readonly Template[]> = {
  "Prairie Dental Group": [
    {
      subject: "X-ray viewer crashes when opening panoramic images",
      description: "Since this morning the imaging viewer closes as soon as a panoramic X-ray is opened.",
      kind: "resolved",
      daysBack: 6,
    },
    {
      subject: "Front desk cannot print appointment cards",
      description: "The reception printer prints blank cards for every appointment.",
      kind: "noted",
      daysBack: 1,
    },
    {
      subject: "Practice management system slow for all operatories",
      description: "Every chart takes half a minute to open in all six operatories.",
      kind: "retargeted",
      daysBack: 0,
    },
    {
      subject: "New hygienist needs an account",
      description: "Please create an account for our new hygienist starting Monday.",
      kind: "waiting",
      category: "consultation",
      daysBack: 3,
    },
    {
      subject: "Phones drop calls after 10 minutes",
      description: "Patient calls are cut off after exactly ten minutes.",
      kind: "fresh",
      daysBack: 0,
    },
  ],
  "Hudson & Pike LLP": [
    {
      subject: "Partner's mailbox compromised: suspicious forwarding rule",
      description: "Eleanor found a rule forwarding all mail to an outside address.",
      kind: "resolved",
      priority: "emergency",
      channel: "phone",
      daysBack: 5,
    },
    {
      subject: "Document management search returns nothing",
      description: "Full-text search in the DMS finds no documents since the update.",
      kind: "answered-back",
      priority: "same-day",
      daysBack: 2,
    },
    {
      subject: "Add a second monitor for the new associate",
      description: "Please order and set up a second monitor for desk 14.",
      kind: "waiting",
      daysBack: 4,
    },
    {
      subject: "VPN certificate expires Friday",
      description: "The VPN client warns that the certificate expires on Friday.",
      kind: "fresh",
      daysBack: 0,
    },
    {
      subject: "Court filing portal rejects our scanner's PDFs",
      description: "The e-filing portal says our scanned PDFs are not PDF/A.",
      kind: "escalated",
      priority: "same-day",
      daysBack: 1,
    },
  ],
  "Nordwerk AG": [
    {
      subject: "Production line 2 stopped: MES server down",
      description: "The MES server does not answer; line 2 stands still.",
      kind: "resolved",
      priority: "1",
      channel: "phone",
      daysBack: 6,
    },
    {
      subject: "Nightly backup of the ERP database fails",
      description: "The backup job ends with 'target quota exceeded' every night.",
      kind: "forgotten",
      priority: "2",
      channel: "phone",
      daysBack: 2,
    },
    {
      subject: "Label printers in the warehouse print offset",
      description: "All labels are printed 5 mm too far to the left.",
      kind: "answered-back",
      priority: "3",
      daysBack: 3,
    },
    {
      subject: "Request: documentation for the new scanner API",
      description: "We need the documentation of the scanner integration API.",
      kind: "waiting",
      priority: "4",
      category: "consultation",
      daysBack: 1,
    },
    {
      subject: "Operator terminals freeze on shift change",
      description: "At each shift change the operator terminals freeze for minutes.",
      kind: "noted",
      priority: "2",
      daysBack: 0,
    },
  ],
  "Weber Logistik GmbH": [
    {
      subject: "Label printer offline after driver update",
      description: "The warehouse label printer stays offline since the driver update.",
      kind: "reopened",
      daysBack: 6,
    },
    {
      subject: "Tracking page shows wrong delivery dates",
      description: "Customers see delivery dates one day too late on the tracking page.",
      kind: "retargeted",
      daysBack: 2,
    },
    {
      subject: "Scanner app crashes on the new handhelds",
      description: "The scanner app closes when a pallet label is scanned.",
      kind: "noted",
      priority: "high",
      daysBack: 1,
    },
    {
      subject: "Please add two drivers to the dispatch system",
      description: "Two new drivers start next week and need dispatch accounts.",
      kind: "resolved",
      priority: "low",
      category: "consultation",
      daysBack: 4,
    },
    {
      subject: "Invoices exported twice to accounting",
      description: "Since Monday every invoice appears twice in the accounting export.",
      kind: "fresh",
      daysBack: 0,
    },
  ],
  "Lumen Studio": [
    {
      subject: "Render farm jobs stuck in the queue",
      description: "Render jobs stay queued and never start since last night.",
      kind: "forgotten",
      priority: "high",
      daysBack: 3,
    },
    {
      subject: "VPN drops every few minutes",
      description: "The VPN disconnects every few minutes for everybody working from home.",
      kind: "answered-back",
      priority: "high",
      daysBack: 4,
    },
    {
      subject: "Nobody can log in to accounting",
      description: "The accounting software says the licence is invalid.",
      kind: "resolved",
      priority: "critical",
      daysBack: 2,
    },
    {
      subject: "Colour profiles missing on the new monitors",
      description: "The new monitors show no calibrated colour profile.",
      kind: "escalated",
      priority: "medium",
      daysBack: 1,
    },
    {
      subject: "Shared drive almost full",
      description: "The project share is at 97 %.",
      kind: "fresh",
      priority: "low",
      daysBack: 0,
    },
  ],
};

interface Step {
  readonly at: Instant;
  readonly ticketId: string;
  readonly actor: { kind: "requester" | "agent"; id: string; name: string; organisation?: string };
  readonly type: string;
  readonly data: unknown;
}

const agentFor = (org: Organisation) => {
  const byCity: Record<string, string> = {
    Chicago: "sam",
    "New York": "sam",
    Yekaterinburg: "olga",
    Berlin: "max",
    London: "ana",
  };
  const agent = agents.find((a) => a.id === byCity[org.city]) ?? agents[0];
  return { kind: "agent" as const, id: agent?.id ?? "ana", name: agent?.name ?? "Ana Lima" };
};

const customer = (person: Person, org: Organisation) => ({
  kind: "requester" as const,
  id: person.id,
  name: person.name,
  organisation: org.name,
});

/** The steps of one ticket, from its template. */
const stepsOf = (
  t: Template,
  org: Organisation,
  person: Person,
  ticketId: string,
  openedAt: Instant,
  rand: () => number,
  now: Instant,
): Step[] => {
  const agent = agentFor(org);
  const who = customer(person, org);
  const steps: Step[] = [];
  let at = openedAt;
  const later = (minMinutes: number, maxMinutes: number) => {
    at = (at + Math.round(minMinutes + rand() * (maxMinutes - minMinutes)) * MINUTE) as Instant;
    return at;
  };
  const step = (by: Step["actor"], type: string, data: unknown) => {
    if (at < now) steps.push({ at, ticketId, actor: by, type, data });
  };
  step(who, "open", openingData(org, person, t));
  if (t.kind === "fresh" || t.kind === "forgotten") return steps;
  later(10, 40);
  step(agent, "accept", {});
  later(5, 25);
  step(agent, "comment", {
    body: `Hello ${person.name.split(" ")[0]}, thanks for reporting this. We are looking into it.`,
  });
  switch (t.kind) {
    case "resolved":
      later(60, 300);
      step(agent, "comment", { body: "Found the cause; the fix is being rolled out.", visibility: "public" });
      later(30, 240);
      step(agent, "resolve", { resolution: "Fixed and verified with the customer." });
      if (rand() < 0.5) {
        later(30, 600);
        step(who, "close", { reason: "confirmed" });
      }
      break;
    case "waiting":
      later(20, 120);
      step(agent, "await-customer", {
        reason: "more-information",
        question: "Could you send us a screenshot of the error and the time it happened?",
      });
      break;
    case "answered-back":
      later(20, 120);
      step(agent, "await-customer", {
        reason: "more-information",
        question: "Which version is installed on the machines?",
      });
      later(120, 900);
      step(who, "comment", { body: "Version 5.2.1 everywhere, installed last Tuesday." });
      later(15, 90);
      step(agent, "comment", {
        body: "Internal: matches the known issue in 5.2.1, vendor ticket open.",
        visibility: "internal",
      });
      break;
    case "noted":
      later(10, 60);
      step(agent, "comment", {
        body: "Internal: the customer's firmware is two releases behind; check the maintenance contract before offering an on-site visit.",
        visibility: "internal",
      });
      break;
    case "retargeted": {
      later(20, 90);
      const levels = { "p-a": "1", "p-d": "high", "p-b": "emergency", "p-c": "1", "p-e": "critical" };
      step(agent, "change-priority", {
        priority: levels[org.policyId as keyof typeof levels],
        reason: "More users affected than first reported.",
      });
      break;
    }
    case "escalated":
      later(120, 400);
      step(who, "request-escalation", { reason: "This blocks our work; please involve a senior engineer." });
      later(5, 30);
      step(agent, "comment", { body: "Internal: escalated to 2nd line, Olga takes over.", visibility: "internal" });
      break;
    case "reopened":
      later(60, 300);
      step(agent, "resolve", { resolution: "Driver 4.1 restored; printer online." });
      later(1_440, 2_880);
      step(who, "comment", { body: "The printer is offline again since this morning." });
      break;
  }
  return steps;
};

/** The week's steps, in time order. */
export const weekSteps = (now: Instant, seed = 20_260_306): Step[] => {
  const rand = prng(seed);
  const ids = monotonicFactory(rand);
  const steps: Step[] = [];
  for (const org of organisations) {
    for (const [i, t] of (templates[org.name] ?? []).entries()) {
      const person = org.people[i % org.people.length] as Person;
      // In office hours where the customer sits: 08:30–16:30 local, a fresh one in the last hours.
      const minutes = t.kind === "fresh" ? undefined : 510 + Math.floor(rand() * 480);
      const openedAt =
        minutes === undefined
          ? ((now - (20 + Math.floor(rand() * 100)) * MINUTE) as Instant)
          : localTime(now, org.timeZone, t.daysBack === 0 ? 1 : t.daysBack, minutes);
      const ticketId = ids(openedAt);
      steps.push(...stepsOf(t, org, person, ticketId, openedAt, rand, now));
    }
  }
  return steps.sort((a, b) => a.at - b.at || a.ticketId.localeCompare(b.ticketId));
};

/**
 * Plays the week through the desk: the clock walks to each step, the timer worker does what
 * became due before it, then the step is handled. Ends at `now` with the workers caught up.
 */
export const seedWeek = async (desk: HelpDesk, now: Instant): Promise<{ tickets: number; steps: number }> => {
  const steps = weekSteps(now);
  const first = steps[0];
  if (first === undefined) return { tickets: 0, steps: 0 };
  desk.clock.set(first.at);
  // Time does its work up to `until`: the clock jumps from wake-up to wake-up, so each warning,
  // breach and ladder step is recorded when it happens.
  const runUntil = async (until: Instant) => {
    for (let i = 0; i < 2_000; i++) {
      const due = await desk.nextWakeUp();
      if (due === null || due > until) break;
      if (due > desk.clock.now()) desk.clock.set(due);
      await desk.settle({ dispatch: false, readSide: false });
    }
    if (until > desk.clock.now()) desk.clock.set(until);
  };
  for (const s of steps) {
    if (s.at > desk.clock.now()) await runUntil(s.at);
    const done = await desk.command(s.ticketId, s.actor, s.type, s.data, { readSide: false });
    if (E.isLeft(done)) throw new Error(`seeding ${s.type} on ${s.ticketId}: ${done.left.message}`);
  }
  await runUntil(now);
  await desk.settle();
  return { tickets: new Set(steps.map((s) => s.ticketId)).size, steps: steps.length };
};
