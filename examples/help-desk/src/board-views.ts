/**
 * The board's views in front of the ticket API: the page that loads the bundle, the queue's
 * filters from a query string, and a queue row with what the board needs to colour its
 * countdowns (the policy's name, each metric's first warning threshold).
 */
import type { Status, TicketListFilter, TicketListRow } from "@ticketfold/core";
import { compiledPolicy, deskPolicies } from "./organisations.js";

const OPEN: Status[] = ["new", "open", "awaiting-customer"];
const ALL: Status[] = ["new", "open", "awaiting-customer", "resolved", "closed"];

/** The queue's filters from the query string. */
export const queueFilter = (q: URLSearchParams): TicketListFilter => {
  const status = q.get("status");
  const filter: { -readonly [K in keyof TicketListFilter]: TicketListFilter[K] } = {
    status: status === "all" ? ALL : status && ALL.includes(status as Status) ? [status as Status] : OPEN,
  };
  const organisation = q.get("organisation");
  if (organisation) filter.organisation = organisation;
  const priority = q.get("priority");
  if (priority) filter.priority = [priority];
  if (q.get("breached") === "1") filter.breached = true;
  if (q.get("vip") === "1") filter.customerTier = "vip";
  return filter;
};

/** A queue row with what the board needs to colour its countdowns. */
export const boardRow = (row: TicketListRow) => ({
  ...row,
  policyName: deskPolicies.find((p) => p.id === row.policyId)?.name ?? row.policyId,
  warnings: Object.fromEntries(
    (compiledPolicy(row.policyId)?.metrics ?? []).flatMap((m) => {
      const p = m.warnings.flatMap((w) => ("percent" in w.threshold ? [w.threshold.percent] : []));
      return p.length > 0 ? [[m.name, Math.min(...p)]] : [];
    }),
  ),
});

export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ticketfold help desk</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/board.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/assets/board.js"></script>
</body>
</html>`;
