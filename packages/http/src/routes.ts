/**
 * The routes, as data: the router matches against this table and the OpenAPI document is
 * written from it, so a route cannot exist without being documented (a test checks both ways
 * against the live handler).
 */

export type Operation = "openTicket" | "listTickets" | "getTicket" | "handleCommand" | "getCustomerView";

export interface Route {
  readonly method: "GET" | "POST";
  /** OpenAPI path template: `{ticketId}` is the one parameter. */
  readonly path: string;
  readonly operation: Operation;
}

export const routes: readonly Route[] = [
  { method: "POST", path: "/tickets", operation: "openTicket" },
  { method: "GET", path: "/tickets", operation: "listTickets" },
  { method: "GET", path: "/tickets/{ticketId}", operation: "getTicket" },
  { method: "POST", path: "/tickets/{ticketId}/commands", operation: "handleCommand" },
  { method: "GET", path: "/tickets/{ticketId}/customer-view", operation: "getCustomerView" },
];

export type RouteMatch =
  | { readonly kind: "matched"; readonly operation: Operation; readonly ticketId?: string }
  | { readonly kind: "method-not-allowed"; readonly allow: readonly string[] }
  | { readonly kind: "not-found" };

const segmentsOf = (path: string): string[] | undefined => {
  const parts = path.split("/").filter((s, i) => i > 0 || s !== "");
  if (parts.at(-1) === "") parts.pop();
  try {
    return parts.map(decodeURIComponent);
  } catch {
    return undefined;
  }
};

/** Matches a path (below the base path) and method against the table. */
export const matchRoute = (method: string, path: string): RouteMatch => {
  const segments = segmentsOf(path.startsWith("/") ? path : `/${path}`);
  if (segments === undefined) return { kind: "not-found" };
  const allow: string[] = [];
  for (const route of routes) {
    const template = route.path.split("/").slice(1);
    if (template.length !== segments.length) continue;
    let ticketId: string | undefined;
    const fits = template.every((part, i) => {
      if (part === "{ticketId}") {
        ticketId = segments[i];
        return true;
      }
      return part === segments[i];
    });
    if (!fits) continue;
    if (route.method === method)
      return { kind: "matched", operation: route.operation, ...(ticketId === undefined ? {} : { ticketId }) };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: "method-not-allowed", allow } : { kind: "not-found" };
};
