/**
 * A ticket as an agent sees it: SLA countdowns per metric, the escalation ladder, the actions,
 * and the timeline of everything that happened — comments, internal notes (marked), pauses,
 * re-targets, warnings, breaches and escalation steps.
 */
import { useState } from "preact/hooks";
import { ApiError, api, command, isStale, useLive, useNow } from "./api.js";
import { SlaExplain } from "./explain.js";
import { duration, when } from "./format.js";
import { SlaChips } from "./sla.js";
import type { Detail, Overview, TimelineEvent } from "./types.js";

const who = (e: TimelineEvent) => e.actor.name ?? e.actor.id;

/** An event as one timeline line: its kind (the CSS class), a title and details. */
export const describe = (e: TimelineEvent, timeZone = "UTC"): { kind: string; title: string; body?: string } => {
  const d = e.data;
  switch (e.type) {
    case "opened":
      return {
        kind: "opened",
        title: `Opened by ${who(e)} via ${d.channel} · priority ${d.priority}${d.priorityDefaulted ? " (default)" : ""}`,
        body: String(d.description ?? ""),
      };
    case "accepted":
      return { kind: "event", title: `Accepted by ${who(e)}` };
    case "assigned":
      return { kind: "event", title: d.assignee ? `Assigned to ${d.assignee}` : "Unassigned" };
    case "commented":
      if (d.visibility === "internal")
        return {
          kind: "internal",
          title: `Note by ${who(e)} · not shown to the customer`,
          body: String(d.body),
        };
      return {
        kind: d.author === "customer" ? "customer" : "reply",
        title: d.author === "customer" ? `${who(e)} wrote` : `Reply by ${who(e)}`,
        body: String(d.body),
      };
    case "awaiting-customer":
      return {
        kind: "pause",
        title: `Waiting for the customer (${d.reason}) · SLA clocks that pause while waiting are paused`,
        ...(d.question ? { body: String(d.question) } : {}),
      };
    case "customer-replied":
      return { kind: "resume", title: "The customer answered · paused clocks run again" };
    case "prioritised":
      return {
        kind: "retarget",
        title: `Re-targeted: priority ${d.from} → ${d.to} (${d.cause}) · SLA targets re-computed`,
        ...(d.reason ? { body: String(d.reason) } : {}),
      };
    case "policy-changed":
      return { kind: "retarget", title: `Policy changed ${d.from} → ${d.to} · SLA targets re-computed` };
    case "resolved":
      return { kind: "resolved", title: `Resolved by ${who(e)}`, body: String(d.resolution) };
    case "reopened":
      return { kind: "event", title: `Reopened from ${d.from} (${d.reason})` };
    case "closed":
      return { kind: "event", title: `Closed by ${d.by} (${d.reason})` };
    case "escalation-requested":
      return {
        kind: "escalation",
        title: `Escalation requested by ${who(e)} · level ${d.level}`,
        ...(d.reason ? { body: String(d.reason) } : {}),
      };
    case "escalation-level-reached":
      return {
        kind: "escalation",
        title: `Escalation step ${Number(d.step) + 1}: level ${d.level} on ${d.metric} · ${(d.roles as string[]).join(", ")} told`,
      };
    case "sla-warning-issued":
      return {
        kind: "warn",
        title: `SLA warning: ${d.metric} at ${d.warning} · due ${when(Number(d.deadline), timeZone)}`,
      };
    case "sla-breached":
      return {
        kind: "breach",
        title: `SLA breached: ${d.metric} · deadline was ${when(Number(d.deadline), timeZone)}`,
      };
    default:
      return { kind: "event", title: `${e.type} by ${who(e)}` };
  }
};

/**
 * The agent's actions. Each is sent with `If-Match`: the version the agent began writing at
 * (the first keystroke of the text), else the version on screen. When the ticket moved
 * meanwhile (the customer wrote, a colleague changed it), the API refuses with 412, the text
 * stays, the timeline shows what arrived, and the agent sends again once they have read it.
 */
const Actions = ({
  id,
  agent,
  priorities,
  current,
  status,
  version,
  done,
}: {
  id: string;
  agent: string;
  current: string;
  priorities: readonly { id: string; name: string }[];
  status: string;
  version: number;
  done: () => void;
}) => {
  const [text, setText] = useState("");
  const [writingSince, setWritingSince] = useState<number | undefined>(undefined);
  const [priority, setPriority] = useState(current);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const write = (value: string) => {
    setText(value);
    if (value === "") setWritingSince(undefined);
    else if (writingSince === undefined) setWritingSince(version);
  };
  const run = async (type: string, data: Record<string, unknown>, clear = true) => {
    const seen = text === "" ? version : (writingSince ?? version);
    try {
      await command(id, agent, type, data, seen);
      setMessage({ ok: true, text: `${type} done` });
      if (clear) write("");
      else setWritingSince(undefined);
      done();
    } catch (e) {
      if (isStale(e)) {
        // The reload shows what arrived; the next send is against the version then on screen.
        setWritingSince(undefined);
        setMessage({
          ok: false,
          text: "The ticket changed since you looked: read the new entries in the timeline, then send again.",
        });
        done();
        return;
      }
      setMessage({
        ok: false,
        text: e instanceof ApiError ? `${e.problem.code ?? e.problem.title}: ${e.message}` : String(e),
      });
    }
  };
  const needText = (f: () => void) => () =>
    text.trim() === "" ? setMessage({ ok: false, text: "Write something first." }) : f();
  return (
    <div class="actions card">
      <h3>Actions</h3>
      <textarea
        placeholder="Write a reply, an internal note, a question for the customer or a resolution…"
        value={text}
        data-testid="action-text"
        onInput={(e) => write((e.target as HTMLTextAreaElement).value)}
      />
      <div class="buttons">
        <button
          type="button"
          class="primary"
          data-testid="reply"
          onClick={needText(() => run("comment", { body: text }))}
        >
          Reply
        </button>
        <button
          type="button"
          class="note"
          data-testid="internal-note"
          onClick={needText(() => run("comment", { body: text, visibility: "internal" }))}
        >
          Internal note
        </button>
        <button
          type="button"
          data-testid="await-customer"
          onClick={() =>
            run("await-customer", { reason: "more-information", ...(text.trim() ? { question: text } : {}) })
          }
        >
          Await customer
        </button>
        <button type="button" data-testid="resolve" onClick={needText(() => run("resolve", { resolution: text }))}>
          Resolve
        </button>
      </div>
      <div class="buttons">
        {status === "new" && (
          <button type="button" data-testid="accept" onClick={() => run("accept", {}, false)}>
            Accept
          </button>
        )}
        <select
          aria-label="Priority"
          value={priority}
          onChange={(e) => setPriority((e.target as HTMLSelectElement).value)}
        >
          {priorities.map((p) => (
            <option value={p.id}>{p.name}</option>
          ))}
        </select>
        <button
          type="button"
          data-testid="change-priority"
          onClick={() => run("change-priority", { priority, reason: "Re-assessed by the desk" }, false)}
        >
          Change priority
        </button>
        <button
          type="button"
          class="danger"
          data-testid="escalate"
          onClick={() => run("request-escalation", text.trim() ? { reason: text } : {})}
        >
          Escalate
        </button>
      </div>
      {message && (
        <p class={message.ok ? "ok small" : "error small"} data-testid="action-message">
          {message.text}
        </p>
      )}
    </div>
  );
};

export const TicketPage = ({ id, overview, agent }: { id: string; overview: Overview; agent: string }) => {
  const detail = useLive(() => api<Detail>(`/board/tickets/${encodeURIComponent(id)}`), id);
  const now = useNow();
  const d = detail.data;
  if (detail.error) return <p class="error">{detail.error}</p>;
  if (!d) return <p class="muted">Loading…</p>;
  const r = d.row;
  const org = overview.organisations.find((o) => o.name === r.organisation);
  const policy = overview.policies.find((p) => p.id === r.policyId);
  const requester = d.state.fields.requester;
  return (
    <section class="ticket" data-testid="ticket">
      <a href="#/" class="back">
        ← Queue
      </a>
      <div class="page-head">
        <h1 data-testid="ticket-subject">
          {r.vip && <span class="badge vip">VIP</span>}
          {r.subject}
        </h1>
        <p class="muted">
          <span class={`status ${r.status}`} data-testid="ticket-status">
            {r.status}
          </span>{" "}
          · priority <b>{r.priority}</b> · {r.organisation} ({org?.city}, {org?.timeZone}) ·{" "}
          {requester.name ?? requester.id} &lt;{requester.email}&gt; · {policy?.name ?? r.policyId}
        </p>
      </div>
      <div class="columns">
        <div class="main-col">
          <div class="card">
            <h3>SLA</h3>
            <SlaChips sla={r.sla} warnings={r.warnings} now={now} large />
            {d.escalation && (
              <p class="ladder" data-testid="ladder">
                Escalation level <b>{d.escalation.level}</b>
                {d.escalation.roles.length > 0 && ` (${d.escalation.roles.join(", ")})`}
                {d.escalation.next &&
                  d.escalation.next.at !== null &&
                  ` · next: level ${d.escalation.next.level} on ${d.escalation.next.metric} in ${duration(d.escalation.next.at - now)}`}
              </p>
            )}
            {d.explanations.length > 0 && <SlaExplain explanations={d.explanations} now={now} />}
          </div>
          <div class="card">
            <h3>Timeline · {org?.timeZone ?? "UTC"} time</h3>
            <ol class="timeline" data-testid="timeline">
              {[...d.events].reverse().map((e) => {
                const line = describe(e, org?.timeZone);
                return (
                  <li class={`tl ${line.kind}`} data-type={e.type}>
                    <div class="tl-head">
                      <span class="tl-title">{line.title}</span>
                      <time>{when(e.at, org?.timeZone)}</time>
                    </div>
                    {line.body && <div class="tl-body">{line.body}</div>}
                  </li>
                );
              })}
            </ol>
          </div>
        </div>
        <div class="side-col">
          <Actions
            id={id}
            agent={agent}
            priorities={policy?.priorities ?? []}
            current={r.priority}
            status={r.status}
            version={r.version}
            done={detail.reload}
          />
          <div class="card small">
            <h3>Details</h3>
            <dl>
              <dt>Ticket</dt>
              <dd class="mono">{r.ticketId}</dd>
              <dt>Opened</dt>
              <dd>{when(r.openedAt, org?.timeZone)} (customer's time)</dd>
              <dt>Category</dt>
              <dd>{r.category}</dd>
              <dt>Policy</dt>
              <dd>
                {policy?.name} ({r.policyId})
              </dd>
            </dl>
            <a href={`#/portal/${r.requester}/${r.ticketId}`}>See it as the customer does →</a>
          </div>
        </div>
      </div>
    </section>
  );
};
