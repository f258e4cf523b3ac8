/** The work queue: open tickets, VIP first, then the nearest deadline; filters; live countdowns. */
import { useState } from "preact/hooks";
import { api, useLive, useNow } from "./api.js";
import { when } from "./format.js";
import { SlaChips } from "./sla.js";
import type { Overview, Row } from "./types.js";

export const Queue = ({ overview }: { overview: Overview }) => {
  const [organisation, setOrganisation] = useState("");
  const [status, setStatus] = useState("");
  const [breached, setBreached] = useState(false);
  const [vip, setVip] = useState(false);
  const [text, setText] = useState("");
  const query = new URLSearchParams({
    ...(organisation ? { organisation } : {}),
    ...(status ? { status } : {}),
    ...(breached ? { breached: "1" } : {}),
    ...(vip ? { vip: "1" } : {}),
  }).toString();
  const queue = useLive(() => api<{ rows: Row[] }>(`/queue?${query}`), query);
  const now = useNow();
  const needle = text.trim().toLowerCase();
  const rows = (queue.data?.rows ?? []).filter(
    (r) => needle === "" || `${r.subject} ${r.requester} ${r.organisation}`.toLowerCase().includes(needle),
  );
  const breachedCount = rows.filter((r) => r.breached).length;
  return (
    <section>
      <div class="page-head">
        <h1>Work queue</h1>
        <p class="muted">
          {rows.length} tickets · {breachedCount} breached · VIP first, then the nearest deadline
        </p>
      </div>
      <div class="filters">
        <input
          type="search"
          placeholder="Search subject, requester…"
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <select
          aria-label="Organisation"
          value={organisation}
          onChange={(e) => setOrganisation((e.target as HTMLSelectElement).value)}
        >
          <option value="">All organisations</option>
          {overview.organisations.map((o) => (
            <option value={o.name}>{o.name}</option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">Open work</option>
          <option value="new">New</option>
          <option value="open">Open</option>
          <option value="awaiting-customer">Awaiting customer</option>
          <option value="resolved">Resolved</option>
          <option value="all">All, closed too</option>
        </select>
        <label class="check">
          <input
            type="checkbox"
            checked={breached}
            onChange={(e) => setBreached((e.target as HTMLInputElement).checked)}
          />{" "}
          Breached
        </label>
        <label class="check">
          <input type="checkbox" checked={vip} onChange={(e) => setVip((e.target as HTMLInputElement).checked)} /> VIP
        </label>
      </div>
      {queue.error && <p class="error">{queue.error}</p>}
      <table class="queue">
        <thead>
          <tr>
            <th>Ticket</th>
            <th>Organisation</th>
            <th>Priority</th>
            <th>Status</th>
            <th>SLA</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.breached ? "row breached" : "row"} data-testid="queue-row" data-ticket={r.ticketId}>
              <td>
                <a href={`#/ticket/${r.ticketId}`} class="subject">
                  {r.vip && <span class="badge vip">VIP</span>}
                  {r.subject}
                </a>
                <div class="muted small">
                  {r.requester} · opened {when(r.openedAt)}
                </div>
              </td>
              <td>
                {r.organisation}
                <div class="muted small">{r.policyName}</div>
              </td>
              <td>
                <span class="badge">{r.priority}</span>
              </td>
              <td>
                <span class={`status ${r.status}`}>{r.status}</span>
              </td>
              <td>
                <SlaChips sla={r.sla} warnings={r.warnings} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {queue.data && rows.length === 0 && <p class="muted">Nothing here.</p>}
    </section>
  );
};
