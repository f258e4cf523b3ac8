/**
 * The agent board and the customer portal: one Preact app, routed by the URL's hash.
 * `#/` the work queue · `#/ticket/:id` a ticket · `#/organisations` · `#/portal[/:customer[/:id]]`.
 */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, syncClock, useLive, useNow } from "./api.js";
import { when } from "./format.js";
import { Organisations } from "./organisations.js";
import { Portal } from "./portal.js";
import { Queue } from "./queue.js";
import { TicketPage } from "./ticket.js";
import type { Overview } from "./types.js";

const useHash = (): string => {
  const [hash, setHash] = useState(location.hash || "#/");
  useEffect(() => {
    const on = () => setHash(location.hash || "#/");
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return hash;
};

const ClockBar = ({ overview, reload, controls }: { overview: Overview; reload: () => void; controls: boolean }) => {
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const advance = async (by: string) => {
    setBusy(true);
    try {
      const moved = await api<{ now: number }>("/test/clock", { method: "POST", body: { advance: by } });
      syncClock(moved.now, true);
      reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="clock" data-testid="clock">
      <span class="clock-now" title="the desk's clock">
        {when(now)} UTC{overview.frozen ? " · test clock" : ""}
      </span>
      {overview.frozen &&
        controls &&
        ["15m", "1h", "4h", "1d"].map((by) => (
          <button type="button" class="small" disabled={busy} data-testid={`advance-${by}`} onClick={() => advance(by)}>
            +{by}
          </button>
        ))}
    </div>
  );
};

const App = () => {
  const hash = useHash();
  const overview = useLive(() => api<Overview>("/overview"), "overview");
  const [agent, setAgent] = useState("ana");
  const o = overview.data;
  useEffect(() => {
    if (o) syncClock(o.now, o.frozen);
  }, [o]);
  const path = hash.slice(1).split("/").filter(Boolean).map(decodeURIComponent);
  const portal = path[0] === "portal";
  let page = <p class="muted">Loading…</p>;
  if (o) {
    if (portal) page = <Portal overview={o} customer={path[1]} ticketId={path[2]} />;
    else if (path[0] === "ticket" && path[1]) page = <TicketPage id={path[1]} overview={o} agent={agent} />;
    else if (path[0] === "organisations") page = <Organisations overview={o} reload={overview.reload} />;
    else page = <Queue overview={o} />;
  }
  return (
    <div class={portal ? "shell portal-shell" : "shell"}>
      <header class="top">
        <a class="brand" href={portal ? "#/portal" : "#/"}>
          Ticketfold <span>{portal ? "Customer portal" : "Help desk"}</span>
        </a>
        {portal ? (
          <nav>
            <a href="#/portal" class="on">
              Portal
            </a>
            <a href="#/">← Agent board</a>
          </nav>
        ) : (
          <nav>
            <a href="#/" class={path[0] !== "organisations" ? "on" : ""}>
              Queue
            </a>
            <a href="#/organisations" class={path[0] === "organisations" ? "on" : ""}>
              Organisations
            </a>
            <a href="#/portal">Customer portal</a>
          </nav>
        )}
        <div class="spacer" />
        {o && !portal && (
          <label class="agent">
            Acting as{" "}
            <select value={agent} onChange={(e) => setAgent((e.target as HTMLSelectElement).value)}>
              {o.agents.map((a) => (
                <option value={a.id}>{a.name}</option>
              ))}
            </select>
          </label>
        )}
        {o && <ClockBar overview={o} reload={overview.reload} controls={!portal} />}
      </header>
      {overview.error && <p class="error">{overview.error}</p>}
      <main>{page}</main>
      {o && !portal && (
        <footer class="foot">
          {o.database === "postgresql" ? "PostgreSQL" : "embedded PGlite"} · tenant {o.tenant}
          {o.peers &&
            ` · mail catcher: ${o.peers.mails} notices · webhook receiver: ${o.peers.hooks} deliveries, ${o.peers.verified} signatures verified`}
        </footer>
      )}
    </div>
  );
};

const root = document.getElementById("app");
if (root) render(<App />, root);
