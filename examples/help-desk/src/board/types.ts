/** What the board reads from the API (the server's shapes, as JSON). */
import type { Explanation } from "./explain.js";
import type { MetricSummary } from "./format.js";

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly vip?: boolean;
}

export interface Overview {
  readonly now: number;
  readonly frozen: boolean;
  readonly database: "postgresql" | "pglite";
  readonly tenant: string;
  readonly organisations: readonly {
    readonly name: string;
    readonly city: string;
    readonly timeZone: string;
    readonly policyId: string;
    readonly people: readonly Person[];
  }[];
  readonly policies: readonly {
    readonly id: string;
    readonly name: string;
    readonly priorities: readonly { id: string; name: string }[];
  }[];
  readonly agents: readonly { readonly id: string; readonly name: string }[];
  readonly peers: { readonly mails: number; readonly hooks: number; readonly verified: number } | null;
}

export interface Row {
  readonly ticketId: string;
  /** The ticket's version the row shows (its ETag). */
  readonly version: number;
  readonly policyId: string;
  readonly policyName: string;
  readonly status: string;
  readonly priority: string;
  readonly vip: boolean;
  readonly organisation: string | null;
  readonly requester: string;
  readonly assignee: string | null;
  readonly subject: string;
  readonly category: string;
  readonly openedAt: number;
  readonly updatedAt: number;
  readonly nextDeadline: number | null;
  readonly breached: boolean;
  readonly sla: Readonly<Record<string, MetricSummary>>;
  readonly warnings: Readonly<Record<string, number>>;
}

export interface TimelineEvent {
  readonly type: string;
  readonly at: number;
  readonly actor: { readonly kind: string; readonly id: string; readonly name?: string };
  readonly data: Record<string, unknown>;
}

export interface Detail {
  readonly now: number;
  readonly explanations: readonly Explanation[];
  readonly row: Row;
  readonly state: {
    readonly fields: {
      readonly description: string;
      readonly requester: { name?: string; email?: string; id: string };
    };
  };
  readonly events: readonly TimelineEvent[];
  readonly escalation: {
    readonly level: number;
    readonly roles: readonly string[];
    readonly next: { readonly level: number; readonly metric: string; readonly at: number | null } | null;
  } | null;
}
