// The consumer smoke test's import of every published package's root entry (and the test kit's
// laws and simulator), so that each one's published types are checked (skipLibCheck false) with
// only its declared dependencies installed.
import { decide } from "@ticketfold/core";
import { createHttpHandler } from "@ticketfold/http";
import { toNodeListener } from "@ticketfold/http/node";
import { parseInboundMail } from "@ticketfold/intake-email";
import { createEmailChannel } from "@ticketfold/notify-email";
import { verifySignature } from "@ticketfold/notify-webhook";
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { createPostgresEventStore } from "@ticketfold/store-postgres";
import { decisionSpec, given } from "@ticketfold/testing";
import { checkPolicyLaws } from "@ticketfold/testing/laws";
import { simulatePolicy } from "@ticketfold/testing/simulator";

export const entries = [
  decide,
  createHttpHandler,
  toNodeListener,
  parseInboundMail,
  createEmailChannel,
  verifySignature,
  createInMemoryEventStore,
  createPostgresEventStore,
  decisionSpec,
  given,
  checkPolicyLaws,
  simulatePolicy,
];
