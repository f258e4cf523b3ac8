/** The workers benchmark's policy: 24×7, response 1 h; a breach escalates to the lead, and both notify. */
import { decodePolicy, type Policy } from "@ticketfold/core";

const LEAD = { address: "lead@desk.example", name: "Lee Lead" };
const decoded = decodePolicy({
  id: "bench-workers",
  name: "Workers benchmark",
  priorities: { levels: [{ id: "normal", name: "Normal" }], default: "normal" },
  sla: {
    metrics: { response: { targets: { normal: "1h" } }, resolution: { targets: { normal: "8h" } } },
    ladder: [{ metric: "response", multiple: 1, level: 1, roles: ["team-lead"] }],
  },
  notifications: { contacts: { managers: { "*": [LEAD] }, escalation: { "team-lead": [LEAD] } } },
});
if (decoded._tag === "Left") throw new Error(decoded.left.message);
export const benchPolicy: Policy = decoded.right;
