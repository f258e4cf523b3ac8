/**
 * The customer portal (P-D): a customer's own tickets and their organisation's, a ticket's
 * history as the customer may see it (the core's customer view: no internal note, no staff-only
 * field), a reply box and a new request form. Sign-in is a picker here: it is a demo.
 */
import { useState } from "preact/hooks";
import { ApiError, api, useLive } from "./api.js";
import { when } from "./format.js";
import type { Overview } from "./types.js";

interface CustomerRow {
  readonly ticketId: string;
  readonly subject: string;
  readonly status: string;
  readonly priority: string;
  readonly requester: string;
  readonly openedAt: number;
}

interface PortalLists {
  readonly customer: { readonly id: string; readonly name: string };
  readonly organisation: string;
  readonly mine: readonly CustomerRow[];
  readonly organisationTickets: readonly CustomerRow[];
}

interface HistoryItem {
  readonly type: string;
  readonly at: number;
  readonly by: { readonly kind: string; readonly id?: string; readonly name?: string };
  readonly data: Record<string, unknown>;
}

interface CustomerView {
  readonly ticketId: string;
  readonly status: string;
  readonly priority: string;
  readonly fields: { readonly subject: string; readonly description: string };
  readonly history: readonly HistoryItem[];
}

const historyLine = (h: HistoryItem, me: string): { title: string; body?: string; kind: string } => {
  const by =
    h.by.kind === "system"
      ? "The desk"
      : h.by.kind === "customer" && h.by.id === me
        ? "You"
        : (h.by.name ?? (h.by.kind === "agent" ? "Support" : "A colleague"));
  const d = h.data;
  switch (h.type) {
    case "opened":
      return { kind: "opened", title: `Request received (${d.channel})` };
    case "commented":
      return { kind: h.by.kind === "customer" ? "customer" : "reply", title: by, body: String(d.body) };
    case "awaiting-customer":
      return {
        kind: "pause",
        title: "Support is waiting for your answer",
        ...(d.question ? { body: String(d.question) } : {}),
      };
    case "resolved":
      return { kind: "resolved", title: "Resolved", body: String(d.resolution) };
    case "prioritised":
      return { kind: "event", title: `Priority changed to ${d.to}` };
    case "accepted":
      return { kind: "event", title: `${by} took your request` };
    case "customer-replied":
      return { kind: "event", title: "Your answer reached support" };
    default:
      return { kind: "event", title: `${h.type.replace(/-/g, " ")} · ${by}` };
  }
};

const List = ({
  title,
  rows,
  customer,
  testid,
  timeZone,
}: {
  title: string;
  rows: readonly CustomerRow[];
  customer: string;
  testid: string;
  timeZone: string;
}) => (
  <div class="card">
    <h3>{title}</h3>
    {rows.length === 0 && <p class="muted">None.</p>}
    <ul class="plain" data-testid={testid}>
      {rows.map((r) => (
        <li>
          <a href={`#/portal/${customer}/${r.ticketId}`}>{r.subject}</a>{" "}
          <span class={`status ${r.status}`}>{r.status}</span>
          <div class="muted small">
            {r.requester} · {when(r.openedAt, timeZone)}
          </div>
        </li>
      ))}
    </ul>
  </div>
);

const NewRequest = ({ customer, done }: { customer: string; done: (id: string) => void }) => {
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = async () => {
    try {
      const made = await api<{ ticketId: string }>(`/portal/${customer}/tickets`, {
        method: "POST",
        body: { subject, description },
      });
      setSubject("");
      setDescription("");
      done(made.ticketId);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div class="card">
      <h3>New request</h3>
      <input
        placeholder="Subject"
        value={subject}
        data-testid="new-subject"
        onInput={(e) => setSubject((e.target as HTMLInputElement).value)}
      />
      <textarea
        placeholder="What happened?"
        value={description}
        data-testid="new-description"
        onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)}
      />
      <button type="button" class="primary" data-testid="new-submit" onClick={submit}>
        Send request
      </button>
      {error && <p class="error small">{error}</p>}
    </div>
  );
};

const PortalTicket = ({ customer, id, timeZone }: { customer: string; id: string; timeZone: string }) => {
  const view = useLive(() => api<CustomerView>(`/portal/${customer}/tickets/${id}`), `${customer}/${id}`);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const v = view.data;
  if (view.error) return <p class="error">{view.error}</p>;
  if (!v) return <p class="muted">Loading…</p>;
  const reply = async () => {
    try {
      await api(`/portal/${customer}/tickets/${id}/reply`, { method: "POST", body: { body: text } });
      setText("");
      view.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section data-testid="portal-ticket">
      <a href={`#/portal/${customer}`} class="back">
        ← My tickets
      </a>
      <div class="page-head">
        <h1>{v.fields.subject}</h1>
        <p class="muted">
          <span class={`status ${v.status}`}>{v.status}</span> · priority {v.priority}
        </p>
      </div>
      <div class="columns">
        <div class="main-col card">
          <p>{v.fields.description}</p>
          <ol class="timeline" data-testid="portal-history">
            {v.history.map((h) => {
              const line = historyLine(h, customer);
              return (
                <li class={`tl ${line.kind}`}>
                  <div class="tl-head">
                    <span class="tl-title">{line.title}</span>
                    <time>{when(h.at, timeZone)}</time>
                  </div>
                  {line.body && <div class="tl-body">{line.body}</div>}
                </li>
              );
            })}
          </ol>
        </div>
        <div class="side-col card">
          <h3>Write to support</h3>
          <textarea
            value={text}
            data-testid="portal-reply-text"
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
          <button
            type="button"
            class="primary"
            data-testid="portal-reply"
            disabled={text.trim() === ""}
            onClick={reply}
          >
            Send
          </button>
          {error && <p class="error small">{error}</p>}
        </div>
      </div>
    </section>
  );
};

export const Portal = ({
  overview,
  customer,
  ticketId,
}: {
  overview: Overview;
  customer?: string | undefined;
  ticketId?: string | undefined;
}) => {
  const people = overview.organisations.flatMap((o) => o.people.map((p) => ({ ...p, organisation: o.name })));
  const current = customer ?? people[0]?.id ?? "";
  const timeZone = overview.organisations.find((o) => o.people.some((p) => p.id === current))?.timeZone ?? "UTC";
  const lists = useLive(() => api<PortalLists>(`/portal/${current}`), current);
  const picker = (
    <label class="agent">
      Signed in as{" "}
      <select
        data-testid="portal-customer"
        value={current}
        onChange={(e) => {
          location.hash = `#/portal/${(e.target as HTMLSelectElement).value}`;
        }}
      >
        {people.map((p) => (
          <option value={p.id}>
            {p.name} ({p.organisation})
          </option>
        ))}
      </select>
    </label>
  );
  if (ticketId)
    return (
      <>
        <div class="portal-bar">{picker}</div>
        <PortalTicket customer={current} id={ticketId} timeZone={timeZone} />
      </>
    );
  const l = lists.data;
  return (
    <section>
      <div class="portal-bar">{picker}</div>
      <div class="page-head">
        <h1>Hello{l ? `, ${l.customer.name.split(" ")[0]}` : ""}</h1>
        <p class="muted">{l?.organisation}</p>
      </div>
      {lists.error && <p class="error">{lists.error}</p>}
      <div class="columns">
        <div class="main-col">
          <List title="My tickets" rows={l?.mine ?? []} customer={current} testid="portal-mine" timeZone={timeZone} />
          <List
            title={`${l?.organisation ?? "My organisation"}'s tickets`}
            rows={l?.organisationTickets ?? []}
            customer={current}
            testid="portal-organisation"
            timeZone={timeZone}
          />
        </div>
        <div class="side-col">
          <NewRequest customer={current} done={(id) => (location.hash = `#/portal/${current}/${id}`)} />
        </div>
      </div>
    </section>
  );
};
