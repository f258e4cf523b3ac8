/**
 * Statistics in SQL, aggregated from the per-ticket facts of the active table set (the
 * `ticket_facts` and `metric_outcomes` views). `readStatistics` returns the core's
 * `CustomerStatistics` values — equal to the pure reducer's — and `readDurationSummaries`
 * computes count, total, mean and the nearest-rank p50/p90/p95/p99 (rank ⌈p·n/100⌉, in
 * integers) in the database, for reports that do not need every sample.
 */
import { type AttainmentRow, type CustomerStatistics, type DurationSummary, validateTenantId } from "@ticketfold/core";
import type { SqlExecutor } from "../driver.js";
import { DEFAULT_SCHEMA, storeSchema } from "../schema.js";
import { validateText } from "./errors.js";
import { readSideViews } from "./tables.js";

export interface StatisticsQuery {
  readonly tenant: string;
  /** Only this customer (`contract:<id>`, `organisation:<name>` or `none`). */
  readonly customer?: string;
  /** The store's PostgreSQL schema (default "ticketfold"). */
  readonly schema?: string;
}

const views = (q: StatisticsQuery) => readSideViews(storeSchema(q.schema ?? DEFAULT_SCHEMA));
/** The query's WHERE clause; a tenant or customer no store could hold is refused first. */
const scope = (q: StatisticsQuery) => {
  const invalid =
    validateTenantId(q.tenant, "query.tenant") ??
    (q.customer === undefined ? undefined : validateText(q.customer, "query.customer"));
  if (invalid) throw invalid;
  return {
    where: q.customer === undefined ? "tenant = $1" : "tenant = $1 AND customer = $2",
    params: q.customer === undefined ? [q.tenant] : [q.tenant, q.customer],
  };
};
const numbers = (a: unknown): number[] => (Array.isArray(a) ? a.map(Number) : []);

/** The statistics of a tenant's customers (or one customer), sorted by customer. */
export const readStatistics = async (db: SqlExecutor, q: StatisticsQuery): Promise<CustomerStatistics[]> => {
  const v = views(q);
  const { where, params } = scope(q);
  const groups = await db.query<Record<string, unknown>>(
    `SELECT customer, count(*) AS tickets, sum(minutes_billable) AS billable, sum(minutes_unbilled) AS unbilled,
      array_agg(response_ms ORDER BY response_ms) FILTER (WHERE response_ms IS NOT NULL) AS response,
      array_agg(resolution_ms ORDER BY resolution_ms) FILTER (WHERE resolution_ms IS NOT NULL) AS resolution
    FROM ${v.ticketFacts} WHERE ${where} GROUP BY customer ORDER BY customer`,
    params,
  );
  const counts = await db.query<{ customer: string; kind: string; key: string; n: unknown }>(
    `SELECT customer, 'status' AS kind, status AS key, count(*) AS n FROM ${v.ticketFacts} WHERE ${where} GROUP BY customer, status
    UNION ALL
    SELECT customer, 'priority', priority, count(*) FROM ${v.ticketFacts} WHERE ${where} GROUP BY customer, priority`,
    params,
  );
  const attainment = await db.query<{
    customer: string;
    metric: string;
    priority: string;
    month: string;
    met: unknown;
    breached: unknown;
  }>(
    `SELECT customer, metric, priority, month, count(*) FILTER (WHERE outcome = 'met') AS met,
      count(*) FILTER (WHERE outcome = 'breached') AS breached
    FROM ${v.metricOutcomes} WHERE ${where} GROUP BY customer, metric, priority, month ORDER BY customer, metric, priority, month`,
    params,
  );
  return groups.rows.map((g) => {
    const customer = g.customer as string;
    const byStatus: Record<string, number> = {};
    const byPriority: Record<string, number> = {};
    for (const c of counts.rows) {
      if (c.customer !== customer) continue;
      (c.kind === "status" ? byStatus : byPriority)[c.key] = Number(c.n);
    }
    return {
      tenant: q.tenant,
      customer,
      tickets: Number(g.tickets),
      byStatus,
      byPriority,
      attainment: attainment.rows
        .filter((a) => a.customer === customer)
        .map(
          ({ metric, priority, month, met, breached }): AttainmentRow => ({
            metric: metric as AttainmentRow["metric"],
            priority,
            month,
            met: Number(met),
            breached: Number(breached),
          }),
        ),
      responseTimes: numbers(g.response),
      resolutionTimes: numbers(g.resolution),
      minutesBillable: Number(g.billable),
      minutesUnbilled: Number(g.unbilled),
    };
  });
};

export interface CustomerDurations {
  readonly customer: string;
  readonly responseTime: DurationSummary;
  readonly resolutionTime: DurationSummary;
}

const PERCENTILES = [50, 90, 95, 99] as const;

const summaryOf = (row: Record<string, unknown>, alias: string): DurationSummary => {
  const n = Number(row[`${alias}_n`] ?? 0);
  const sum = Number(row[`${alias}_total`] ?? 0);
  const at = (p: number) => (n === 0 ? null : Number(row[`${alias}_p${p}`]));
  return { count: n, total: sum, mean: n === 0 ? null : sum / n, p50: at(50), p90: at(90), p95: at(95), p99: at(99) };
};

/** Response and resolution time summaries per customer, computed in SQL (percentiles by nearest rank). */
export const readDurationSummaries = async (db: SqlExecutor, q: StatisticsQuery): Promise<CustomerDurations[]> => {
  const v = views(q);
  const { where, params } = scope(q);
  const ranked = (column: string) => `SELECT customer, ${column} AS d,
      row_number() OVER (PARTITION BY customer ORDER BY ${column}) AS rn, count(*) OVER (PARTITION BY customer) AS n
    FROM ${v.ticketFacts} WHERE ${where} AND ${column} IS NOT NULL`;
  // Rank ⌈p·n/100⌉ in integers: (p·n + 99) / 100.
  const summary = (alias: string) =>
    `count(${alias}.d) AS ${alias}_n, sum(${alias}.d) AS ${alias}_total, ${PERCENTILES.map(
      (p) => `max(${alias}.d) FILTER (WHERE ${alias}.rn = (${p} * ${alias}.n + 99) / 100) AS ${alias}_p${p}`,
    ).join(", ")}`;
  const { rows } = await db.query<Record<string, unknown>>(
    `WITH c AS (SELECT DISTINCT customer FROM ${v.ticketFacts} WHERE ${where}),
      r AS (${ranked("response_ms")}), s AS (${ranked("resolution_ms")}),
      rs AS (SELECT c.customer, ${summary("r")} FROM c LEFT JOIN r ON r.customer = c.customer GROUP BY c.customer),
      ss AS (SELECT c.customer, ${summary("s")} FROM c LEFT JOIN s ON s.customer = c.customer GROUP BY c.customer)
    SELECT rs.*, ${["n", "total", ...PERCENTILES.map((p) => `p${p}`)].map((c) => `ss.s_${c}`).join(", ")}
    FROM rs JOIN ss USING (customer) ORDER BY customer`,
    params,
  );
  return rows.map((r) => ({
    customer: r.customer as string,
    responseTime: summaryOf(r, "r"),
    resolutionTime: summaryOf(r, "s"),
  }));
};
