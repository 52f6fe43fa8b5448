import {
  createAgentAction,
  createApiKeyAction,
  deleteAgentAction,
  revokeApiKeyAction,
  rotateApiKeyAction,
  setAgentFrozenAction,
} from "@/app/app/[orgId]/workspaces/agent-actions";
import { AgentControls, CreateAgentForm } from "@/components/app/agent-forms";
import { CreateKeyForm, KeyControls } from "@/components/app/api-key-forms";
import { card, notice } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { decisionApiUrl } from "@/server/config";

interface KeyRow {
  id: string;
  display: string;
  status: "active" | "rotating" | "rotated" | "revoked" | "expired";
  expiresAt: string | Date | null;
  graceUntil: string | Date | null;
  lastUsedAt: string | Date | null;
}

export interface AgentRow {
  id: string;
  name: string;
  frozen: boolean;
  frozenAt: string | Date | null;
  frozenBy: string | null;
  keys: KeyRow[];
}

const STATUS_STYLE: Record<KeyRow["status"], string> = {
  active: "bg-emerald-50 text-emerald-700",
  rotating: "bg-amber-50 text-amber-800",
  rotated: "bg-slate-100 text-slate-600",
  revoked: "bg-slate-100 text-slate-600",
  expired: "bg-slate-100 text-slate-600",
};

function when(value: string | Date | null): string {
  return value ? formatDateTime(value) : "";
}

function keyNote(key: KeyRow): string {
  const parts = [key.lastUsedAt ? `Last used ${when(key.lastUsedAt)}` : "Never used"];
  if (key.status === "rotating") parts.push(`old secret works until ${when(key.graceUntil)}`);
  else if (key.expiresAt && key.status === "active") parts.push(`expires ${when(key.expiresAt)}`);
  return parts.join(" · ");
}

export function AgentsSection({
  orgId,
  workspaceId,
  agents,
  canWrite,
}: {
  orgId: string;
  workspaceId: string;
  agents: AgentRow[];
  canWrite: boolean;
}) {
  const apiUrl = decisionApiUrl();
  return (
    <section aria-labelledby="agents-title" className="space-y-3">
      <h2 id="agents-title" className="text-lg font-semibold">
        Agents and API keys
      </h2>
      <p className="text-sm text-slate-600">
        Each agent calls the decision API with its own keys. Keys are listed by prefix and last four
        characters; the secret is shown once, when created or rotated.
      </p>
      {agents.length === 0 ? (
        <div className={notice}>
          No agents yet.{canWrite ? " Create one, then give it an API key." : ""}
        </div>
      ) : (
        <ul aria-label="Agents" className="space-y-3">
          {agents.map((agent) => (
            <li key={agent.id} aria-label={agent.name} className={card}>
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div>
                  <p className="font-medium">{agent.name}</p>
                  <p
                    className={`text-xs ${agent.frozen ? "font-medium text-red-700" : "text-slate-500"}`}
                  >
                    {agent.frozen
                      ? `Frozen${agent.frozenBy ? ` by ${agent.frozenBy}` : ""}${
                          agent.frozenAt ? ` on ${formatDateTime(agent.frozenAt)}` : ""
                        }: every decision is Deny`
                      : "Active"}
                  </p>
                </div>
                {canWrite ? (
                  <AgentControls
                    name={agent.name}
                    frozen={agent.frozen}
                    setFrozen={setAgentFrozenAction.bind(
                      null,
                      orgId,
                      workspaceId,
                      agent.id,
                      !agent.frozen,
                    )}
                    remove={deleteAgentAction.bind(null, orgId, workspaceId, agent.id)}
                  />
                ) : null}
              </div>
              <KeyList
                orgId={orgId}
                workspaceId={workspaceId}
                agent={agent}
                canWrite={canWrite}
                apiUrl={apiUrl}
              />
              {canWrite ? (
                <div className="mt-3 border-t border-slate-100 pt-3">
                  <CreateKeyForm
                    agentName={agent.name}
                    decisionApiUrl={apiUrl}
                    action={createApiKeyAction.bind(null, orgId, workspaceId, agent.id)}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <CreateAgentForm action={createAgentAction.bind(null, orgId, workspaceId)} />
      ) : null}
    </section>
  );
}

function KeyList({
  orgId,
  workspaceId,
  agent,
  canWrite,
  apiUrl,
}: {
  orgId: string;
  workspaceId: string;
  agent: AgentRow;
  canWrite: boolean;
  apiUrl: string;
}) {
  if (agent.keys.length === 0) return <p className="mt-3 text-sm text-slate-500">No API keys.</p>;
  return (
    <ul aria-label={`API keys of ${agent.name}`} className="mt-3 divide-y divide-slate-100 text-sm">
      {agent.keys.map((key) => {
        const usable = key.status === "active" || key.status === "rotating";
        return (
          <li key={key.id} className="flex flex-wrap items-center gap-3 py-2">
            <code className="font-mono text-xs">{key.display}</code>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[key.status]}`}
            >
              {key.status}
            </span>
            <span className="text-xs text-slate-500">{keyNote(key)}</span>
            {canWrite ? (
              <div className="ml-auto">
                <KeyControls
                  display={key.display}
                  canRotate={key.status === "active"}
                  canRevoke={usable}
                  decisionApiUrl={apiUrl}
                  rotate={rotateApiKeyAction.bind(null, orgId, workspaceId, key.id)}
                  revoke={revokeApiKeyAction.bind(null, orgId, workspaceId, key.id)}
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
