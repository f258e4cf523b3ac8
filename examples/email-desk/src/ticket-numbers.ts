/**
 * The desk's own ticket numbers (P-D: `[#10034]` in subjects). Ticket ids are ULIDs; the
 * number a customer sees is a per-tenant counter kept in a table of the app's own, next to the
 * store's. Notices need the number synchronously (the notification context), so the table is
 * read once at start and every new number is written through a cache.
 */
import type { SqlDriver } from "@ticketfold/store-postgres";

const FIRST_NUMBER = 10001;

export interface TicketNumbers {
  /** Gives `ticketId` the tenant's next number (or the one it already has). */
  assign(tenantId: string, ticketId: string): Promise<string>;
  numberOf(tenantId: string, ticketId: string): string | undefined;
  ticketOf(tenantId: string, number: string): string | undefined;
}

export const openTicketNumbers = async (driver: SqlDriver, schema = "email_desk"): Promise<TicketNumbers> => {
  const table = `"${schema}".ticket_numbers`;
  await driver.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await driver.query(`CREATE TABLE IF NOT EXISTS ${table} (
    tenant text NOT NULL, number bigint NOT NULL, ticket_id text NOT NULL,
    PRIMARY KEY (tenant, number), UNIQUE (tenant, ticket_id))`);
  const byTicket = new Map<string, string>();
  const byNumber = new Map<string, string>();
  const remember = (tenant: string, ticket: string, number: string) => {
    byTicket.set(`${tenant}/${ticket}`, number);
    byNumber.set(`${tenant}/${number}`, ticket);
  };
  const { rows } = await driver.query<{ tenant: string; number: string; ticket_id: string }>(
    `SELECT tenant, number::text AS number, ticket_id FROM ${table}`,
  );
  for (const r of rows) remember(r.tenant, r.ticket_id, r.number);
  return {
    async assign(tenantId, ticketId) {
      const known = byTicket.get(`${tenantId}/${ticketId}`);
      if (known !== undefined) return known;
      const inserted = await driver.query<{ number: string }>(
        `INSERT INTO ${table} (tenant, number, ticket_id)
        SELECT $1, coalesce(max(number) + 1, ${FIRST_NUMBER}), $2 FROM ${table} WHERE tenant = $1
        RETURNING number::text AS number`,
        [tenantId, ticketId],
      );
      const number = inserted.rows[0]?.number;
      if (number === undefined) throw new Error(`no ticket number was assigned to ${ticketId}`);
      remember(tenantId, ticketId, number);
      return number;
    },
    numberOf: (tenantId, ticketId) => byTicket.get(`${tenantId}/${ticketId}`),
    ticketOf: (tenantId, number) => byNumber.get(`${tenantId}/${number}`),
  };
};
