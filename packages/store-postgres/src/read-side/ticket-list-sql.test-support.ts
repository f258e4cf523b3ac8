/**
 * A table set filled with synthetic list rows for plan checks: `count` tickets of tenant t1
 * (and a tenth as many of t2) spread over statuses, 50 organisations, 400 requesters, 20 agents
 * (a third unassigned), four priorities, a VIP in twenty, deadlines on the open ones; each
 * with a snapshot row, then ANALYZE. Plans depend on the rows' statistics, not their states.
 */
import { WORKLOAD_START } from "@ticketfold/testing/workload";
import type { PostgresEventStore } from "../store.js";
import { readSideTables } from "./tables.js";

export const fillSyntheticList = async (store: PostgresEventStore, count: number): Promise<void> => {
  const t = readSideTables(store.schema, 1);
  const start = WORKLOAD_START;
  await store.driver.query(
    `INSERT INTO ${t.tickets} (tenant, ticket_id, version, policy_id, status, priority, priority_rank, customer_tier,
      vip, organisation, contract_id, requester, assignee, group_name, subject, category, opened_ms, updated_ms,
      resolved_ms, closed_ms, next_deadline_ms, next_deadline_metric, breached, tier_rank)
    SELECT CASE WHEN i % 11 = 0 THEN 't2' ELSE 't1' END, 'T' || lpad(i::text, 25, '0'), 5, 'resume',
      (ARRAY['new','open','awaiting-customer','resolved','closed','closed','closed'])[1 + i % 7],
      (ARRAY['urgent','high','normal','low'])[1 + i % 4], i % 4,
      CASE WHEN i % 20 = 0 THEN 'vip' END, i % 20 = 0, 'org-' || (i % 50), NULL, 'req-' || (i % 400),
      CASE WHEN i % 3 = 0 THEN NULL ELSE 'agent-' || (i % 20) END, NULL, 'subject ' || i, 'incident',
      $1::bigint + i * 60000, $1::bigint + i * 60000 + (i % 97) * 3600000, NULL, NULL,
      CASE WHEN i % 7 < 3 THEN $1::bigint + i * 60000 + (i % 13) * 3600000 END, NULL, i % 17 = 0,
      CASE WHEN i % 20 = 0 THEN 0 ELSE 1 END
    FROM generate_series(1, $2::integer) AS i`,
    [start, count],
  );
  await store.driver.query(
    `INSERT INTO ${t.ticketState} (tenant, ticket_id, version, shape, state)
    SELECT tenant, ticket_id, version, 1, '{}'::jsonb FROM ${t.tickets}`,
  );
  await store.driver.query(`ANALYZE ${t.tickets}`);
  await store.driver.query(`ANALYZE ${t.ticketState}`);
};
