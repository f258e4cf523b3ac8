/**
 * What a customer's new request carries. The portal asks for a subject and a description; the
 * rest comes from who the customer is (their organisation, contract, tier, phone) and from
 * sensible intake answers, so a request is complete under whichever of the five policies
 * serves the organisation at the moment (P-A asks the dispatch questions, P-C the contract).
 */
import type { Organisation, Person } from "./organisations.js";

export interface Request {
  readonly subject: string;
  readonly description: string;
  readonly priority?: string;
  readonly category?: "incident" | "consultation" | "change-request" | "warranty";
  readonly channel?: "email" | "web" | "phone" | "chat";
}

export const openingData = (org: Organisation, person: Person, request: Request) => ({
  subject: request.subject,
  description: request.description,
  category: request.category ?? "incident",
  channel: request.channel ?? "web",
  requester: {
    id: person.id,
    name: person.name,
    email: person.email,
    ...(person.phone === undefined ? {} : { phone: person.phone }),
  },
  organisation: org.name,
  contractId: org.contractId,
  ...(person.vip ? { customerTier: "vip" } : {}),
  affectedUsers: 1,
  totalUsers: 20,
  intake: {
    startedAt: "today",
    troubleshooting: "Restarted the computer; no change.",
    location: "remote" as const,
    impactOnWork: "Work is slowed down.",
  },
  ...(request.priority === undefined ? {} : { priority: request.priority }),
});
