/** Deterministic ticket ids for the benchmarks: the n-th ULID of a fixed time prefix. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const benchTicketId = (n: number): string => {
  let tail = "";
  for (let i = 0, rest = n; i < 16; i++, rest = Math.floor(rest / 32)) tail = CROCKFORD.charAt(rest % 32) + tail;
  return `01JNDG9Q00${tail}`;
};

export const benchCustomer = { kind: "requester", id: "customer" } as const;
export const benchAgent = { kind: "agent", id: "agent" } as const;
