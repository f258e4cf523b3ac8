/** The organisations, where they are, and which of the five policies serves their new tickets. */
import { useState } from "preact/hooks";
import { ApiError, api, useNow } from "./api.js";
import { when } from "./format.js";
import type { Overview } from "./types.js";

export const Organisations = ({ overview, reload }: { overview: Overview; reload: () => void }) => {
  const now = useNow();
  const [message, setMessage] = useState<string | undefined>(undefined);
  const choose = async (organisation: string, policyId: string) => {
    try {
      await api(`/organisations/${encodeURIComponent(organisation)}`, { method: "PUT", body: { policyId } });
      setMessage(`${organisation}: new tickets now follow ${policyId}; open tickets keep their policy.`);
      reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section>
      <div class="page-head">
        <h1>Organisations</h1>
        <p class="muted">Each organisation's new tickets follow the policy chosen here.</p>
      </div>
      <table class="queue">
        <thead>
          <tr>
            <th>Organisation</th>
            <th>Where</th>
            <th>Local time</th>
            <th>People</th>
            <th>Policy</th>
          </tr>
        </thead>
        <tbody>
          {overview.organisations.map((o) => (
            <tr>
              <td>{o.name}</td>
              <td>
                {o.city} <span class="muted small">{o.timeZone}</span>
              </td>
              <td>{when(now, o.timeZone)}</td>
              <td class="small">
                {o.people.map((p) => (
                  <div>
                    <a href={`#/portal/${p.id}`}>{p.name}</a>
                    {p.vip && <span class="badge vip">VIP</span>}
                  </div>
                ))}
              </td>
              <td>
                <select
                  aria-label={`Policy of ${o.name}`}
                  value={o.policyId}
                  onChange={(e) => choose(o.name, (e.target as HTMLSelectElement).value)}
                >
                  {overview.policies.map((p) => (
                    <option value={p.id}>
                      {p.id.toUpperCase()} · {p.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p class="ok">{message}</p>}
    </section>
  );
};
