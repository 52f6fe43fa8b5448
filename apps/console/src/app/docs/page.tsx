import { ACTION_CATALOG, POLICY_VERSIONS } from "@sekuire/policy-engine";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/code-block";

export const metadata: Metadata = { title: "Policy language reference" };

const SECTIONS = [
  ["overview", "Overview"],
  ["structure", "Policy structure"],
  ["actions", "Actions"],
  ["resources", "Resources"],
  ["conditions", "Conditions"],
  ["limits", "Resource limits"],
  ["approvals", "Approvals"],
  ["audit", "Audit settings"],
  ["evaluation", "How a request is decided"],
  ["best-practices", "Best practices"],
  ["findings", "Errors and warnings"],
] as const;

const SERVICE_LABELS: Record<string, string> = {
  file: "File operations",
  db: "Database operations",
  api: "API operations",
  tool: "Tool operations",
  agent: "Agent operations",
  data: "Data operations",
};

/** Tools are open-ended (`tool:<name>:<verb>`); these are the product document's examples. */
const TOOL_EXAMPLES = ["tool:bash:execute", "tool:git:commit", "tool:docker:run"];

const RESOURCES: Array<[string, string]> = [
  ["file://workspace/*", "All files in the workspace directory"],
  ["file://workspace/tmp/*", "Only files in the temporary directory"],
  ["https://api.example.com/*", "All endpoints on api.example.com"],
  ["db://production/*", "All tables in the production database"],
  ["db://analytics/users", "Only the users table in the analytics database"],
  ["*", "All resources (use with caution)"],
];

const CONDITIONS: Array<{ op: string; what: string; example: string }> = [
  {
    op: "StringEquals",
    what: "Match exact string values",
    example: `"Condition": {\n  "StringEquals": {\n    "context.environment": "production"\n  }\n}`,
  },
  {
    op: "StringLike",
    what: "Match strings with wildcards",
    example: `"Condition": {\n  "StringLike": {\n    "resource.path": "/api/v*/users/*"\n  }\n}`,
  },
  {
    op: "IpAddress",
    what: "Match source IP address or CIDR range",
    example: `"Condition": {\n  "IpAddress": {\n    "source.ip": ["10.0.0.0/8", "172.16.0.0/12"]\n  }\n}`,
  },
  {
    op: "NumericLessThan",
    what: "Numeric comparison",
    example: `"Condition": {\n  "NumericLessThan": {\n    "context.cost": 100.00\n  }\n}`,
  },
  {
    op: "Bool",
    what: "Boolean condition check",
    example: `"Condition": {\n  "Bool": {\n    "encryption.enabled": true\n  }\n}`,
  },
  {
    op: "DateLessThan",
    what: "Date/time comparison",
    example: `"Condition": {\n  "DateLessThan": {\n    "time.current": "2024-12-31T23:59:59Z"\n  }\n}`,
  },
];

const OPERATOR_FAMILIES: Array<[string, string[]]> = [
  [
    "String",
    [
      "StringEquals",
      "StringNotEquals",
      "StringEqualsIgnoreCase",
      "StringNotEqualsIgnoreCase",
      "StringLike",
      "StringNotLike",
    ],
  ],
  [
    "Numeric",
    [
      "NumericEquals",
      "NumericNotEquals",
      "NumericLessThan",
      "NumericLessThanEquals",
      "NumericGreaterThan",
      "NumericGreaterThanEquals",
    ],
  ],
  [
    "Date",
    [
      "DateEquals",
      "DateNotEquals",
      "DateLessThan",
      "DateLessThanEquals",
      "DateGreaterThan",
      "DateGreaterThanEquals",
    ],
  ],
  ["Boolean", ["Bool"]],
  ["IP address", ["IpAddress", "NotIpAddress"]],
  ["Presence", ["Null"]],
];

const PLATFORM_KEYS: Array<[string, string]> = [
  ["source.ip", "The address the agent's request came from"],
  ["time.current", "The time of the request (RFC 3339)"],
  ["agent.id", "The agent making the request"],
  ["workspace.id", "The workspace the agent belongs to"],
  ["organization.id", "The organization that owns the workspace"],
  ["resource.path", "The canonical path of the requested resource, without the query"],
];

const LIMITS: Array<[string, string, string]> = [
  [
    "MaxExecutionTime",
    "Execution time per action",
    `"300s", "10m", "1h" or a whole number of seconds`,
  ],
  ["MaxTokens", "Tokens", "a whole number"],
  ["MaxCostPerHour", "Spend per hour", `"$5.00" (at most 6 decimals)`],
  ["MaxMemory", "Memory", `"4GB", "512MB", "2GiB" (powers of two)`],
  ["MaxStorage", "Storage", `"10GB" (powers of two)`],
  ["MaxConcurrentRequests", "Concurrent requests", "a whole number"],
  ["MaxApiCallsPerHour", "API calls per hour", "a whole number"],
];

const AUDIT_INCLUDE: Array<[string, string]> = [
  ["all_actions", "Every action an agent attempts, allowed or not"],
  ["outcomes", "The decision and its reason"],
  ["resources", "The resource each action touched"],
  ["timestamps", "When each action happened"],
  ["context", "The request context the decision was made on"],
];

const FINDINGS: Array<[string, "error" | "warning", string]> = [
  ["InvalidJson", "error", "The text is not JSON (comments and trailing commas included)."],
  ["DuplicateKey", "error", "A member name repeats in one object."],
  ["DocumentTooLarge", "error", "The document is over 256 KiB."],
  ["NestingTooDeep", "error", "Deeper than 64 levels."],
  ["InvalidType", "error", "A field has the wrong JSON type."],
  ["MissingField", "error", "A required field is missing."],
  [
    "UnknownField",
    "error",
    "A field that is not in the language, with a \u201cdid you mean\u201d hint.",
  ],
  ["EmptyValue", "error", "An empty list, Condition, operator block, Sid or pattern."],
  ["TooManyItems", "error", "Over 1,000 statements or 1,000 values in a list."],
  ["UnsupportedVersion", "error", "A Version other than 2024-12-02."],
  ["InvalidEffect", "error", "An Effect other than Allow or Deny."],
  ["ConflictingFields", "error", "Both Action and NotAction, or Resource and NotResource."],
  ["DuplicateSid", "error", "A Sid used twice in one policy."],
  [
    "InvalidActionPattern",
    "error",
    "An action pattern with an empty part, bad characters or more than 3 parts.",
  ],
  [
    "InvalidResourcePattern",
    "error",
    "Not *, no scheme, climbs above its root, a bad %-escape, user info or a fragment.",
  ],
  ["PatternTooLong", "error", "A pattern over 2,048 characters."],
  ["InvalidVariable", "error", "An unclosed \u0024{, or one that is not a variable name."],
  ["UnknownOperator", "error", "A condition operator that does not exist, with a hint."],
  ["InvalidOperatorModifier", "error", "An unknown set prefix, or IfExists or a prefix on Null."],
  ["InvalidConditionKey", "error", "An empty condition key, or one with a __proto__ segment."],
  [
    "InvalidConditionValue",
    "error",
    "A number, date, address, range or boolean that cannot be read.",
  ],
  [
    "InvalidLimit",
    "error",
    "A ResourceLimits value that is malformed, zero, negative or out of range.",
  ],
  ["InvalidApproverRole", "error", "An ApproverRole other than owner, admin or approver."],
  ["InvalidTimeout", "error", "TimeoutSeconds not a whole number from 1 to 604,800."],
  ["InvalidChannel", "error", "A notification channel that is not email or an https webhook."],
  ["InvalidRetention", "error", "RetentionDays not a whole number from 1 to 36,500."],
  ["InvalidInclude", "error", "An unknown AuditLog.Include value."],
  ["AllowAll", "warning", "An Allow of * on *."],
  [
    "ShadowedAllow",
    "warning",
    "An Allow fully covered by an unconditional Deny of the same policy.",
  ],
  [
    "ApprovalAlwaysDenied",
    "warning",
    "An approval action that an unconditional Deny on * always blocks.",
  ],
  [
    "ApprovalIgnoresConditions",
    "warning",
    "An approval action that a conditioned Allow also covers: approval applies regardless of the conditions.",
  ],
  ["MissingResourceLimits", "warning", "No ResourceLimits, or one that sets nothing."],
  ["AuditLogMissing", "warning", "No AuditLog."],
  ["AuditLogNotRequired", "warning", "AuditLog.Required is not true."],
  [
    "UnknownAction",
    "warning",
    "An action outside the catalog (custom tools are tool:<name>:<verb>).",
  ],
  [
    "UnknownReservedKey",
    "warning",
    "A key in source., time., agent., workspace., organization. or resource. that the platform never sets, or one of its keys in another case.",
  ],
  [
    "DenyOnAbsentKey",
    "warning",
    "A Deny conditioned by a positive operator on a key that may be absent, so it silently does not fire.",
  ],
  [
    "WildcardInHost",
    "warning",
    "An Allow resource with * in its host: * crosses /, so https://*.example.com/* also matches https://evil.example/x.example.com/.",
  ],
];

const STRUCTURE = `{
  "Version": "2024-12-02",
  "Description": "Human-readable description of this policy",
  "Statement": [
    {
      "Sid": "StatementID",
      "Effect": "Allow | Deny",
      "Action": "action | [actions]",
      "Resource": "resource | [resources]",
      "Condition": {}
    }
  ],
  "ResourceLimits": {},
  "RequireApproval": {},
  "AuditLog": {}
}`;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-20 border-t border-slate-200 pt-10"
    >
      <h2 id={`${id}-title`} className="text-2xl font-semibold tracking-tight text-slate-900">
        {title}
      </h2>
      <div className="mt-4 space-y-4 leading-relaxed text-slate-700">{children}</div>
    </section>
  );
}

function C({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.85em] text-slate-800">
      {children}
    </code>
  );
}

function Field({
  name,
  required,
  children,
}: {
  name: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="font-mono text-sm font-semibold text-slate-900">
        {name}
        <span
          className={`ml-2 rounded px-1.5 py-0.5 font-sans text-[11px] font-medium ${
            required ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600"
          }`}
        >
          {required ? "required" : "optional"}
        </span>
      </dt>
      <dd className="text-sm text-slate-700">{children}</dd>
    </div>
  );
}

function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-4 py-2.5 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static rows
            <tr key={i} className="align-top">
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static cells
                <td key={j} className="px-4 py-2.5">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function DocsPage() {
  return (
    <div className="mx-auto grid max-w-7xl gap-10 px-6 py-12 lg:grid-cols-[14rem_1fr]">
      <aside className="hidden lg:block">
        <nav aria-label="On this page" className="sticky top-24 text-sm">
          <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
            On this page
          </p>
          <ul className="space-y-1.5">
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`} className="text-slate-600 hover:text-brand-700">
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>

      <article className="min-w-0 max-w-4xl space-y-10">
        <header>
          <p className="text-sm font-semibold text-brand-600">Sekuire Policy System</p>
          <h1 className="mt-2 text-4xl font-semibold tracking-tight text-slate-900">
            Policy language reference
          </h1>
          <p className="mt-4 text-lg leading-relaxed text-slate-600">
            Define fine-grained governance policies for AI agents using AWS IAM-inspired syntax.
          </p>
          <p className="mt-4 text-sm text-slate-500">
            Try anything on this page in the{" "}
            <Link href="/validate" className="font-medium text-brand-600 hover:underline">
              validator
            </Link>
            .
          </p>
        </header>

        <Section id="overview" title="Overview">
          <p>
            Policies define what actions AI agents can perform, on which resources, and under what
            conditions. They use a familiar JSON structure inspired by AWS IAM policies.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold text-slate-900">Workspace-scoped</h3>
              <p className="mt-1 text-sm">
                Policies are assigned to workspaces, allowing different teams to have different
                governance rules within the same organization.
              </p>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold text-slate-900">Real-time enforcement</h3>
              <p className="mt-1 text-sm">
                Policies are evaluated in real time as agents attempt actions. Denied actions are
                blocked immediately and logged for audit.
              </p>
            </div>
          </div>
        </Section>

        <Section id="structure" title="Policy structure">
          <p>A Sekuire policy consists of the following top-level fields:</p>
          <CodeBlock code={STRUCTURE} />
          <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4">
            <Field name="Version" required>
              Format <C>YYYY-MM-DD</C>. Current version: <C>{POLICY_VERSIONS[0]}</C>. Any other
              value is an <C>UnsupportedVersion</C> error.
            </Field>
            <Field name="Description">Human-readable description of this policy.</Field>
            <Field name="Statement" required>
              Array of policy statements defining what is allowed or denied (a single statement
              object is accepted too). Each statement contains:
              <ul className="mt-2 list-disc space-y-1 pl-5">
                <li>
                  <C>Effect</C>: <C>Allow</C> or <C>Deny</C> (required)
                </li>
                <li>
                  <C>Action</C>: actions to allow or deny (string or array); or <C>NotAction</C>,
                  every action except these
                </li>
                <li>
                  <C>Resource</C>: resources the actions apply to (string or array); or{" "}
                  <C>NotResource</C>
                </li>
                <li>
                  <C>Condition</C>: optional conditions (object)
                </li>
                <li>
                  <C>Sid</C>: optional statement ID for documentation, unique within the policy
                </li>
              </ul>
            </Field>
            <Field name="ResourceLimits">
              Limits on agent resource usage: execution time, tokens, cost, memory, concurrent
              requests, API calls and storage.
            </Field>
            <Field name="RequireApproval">
              Actions that require human approval before execution, with the approver role, timeout
              and notification channels.
            </Field>
            <Field name="AuditLog">
              Audit logging: retention period, what to include, and PII redaction.
            </Field>
          </dl>
          <p className="text-sm text-slate-600">
            Field names are case-sensitive. A field that is not in the language is an error, with a
            suggestion when it looks like a typo (<C>Efect</C> → <C>Effect</C>).
          </p>
        </Section>

        <Section id="actions" title="Actions">
          <p>
            Actions follow the format <C>resource:action[:subaction]</C>. They match
            case-insensitively.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            {Object.entries(ACTION_CATALOG).map(([service, names]) => {
              const actions =
                service === "tool" ? TOOL_EXAMPLES : names.map((n) => `${service}:${n}`);
              return (
                <div
                  key={service}
                  data-service={service}
                  className="rounded-lg border border-slate-200 bg-white p-4"
                >
                  <h3 className="font-semibold text-slate-900">
                    {SERVICE_LABELS[service] ?? service}
                  </h3>
                  <ul className="mt-2 flex flex-wrap gap-1.5">
                    {[...actions, `${service}:*`].map((a) => (
                      <li key={a}>
                        <C>{a}</C>
                      </li>
                    ))}
                  </ul>
                  {service === "tool" ? (
                    <p className="mt-2 text-xs text-slate-500">
                      Tools are open-ended: <C>tool:&lt;name&gt;:&lt;verb&gt;</C>.
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          <p>
            <strong>Wildcards:</strong> use <C>*</C> to match all actions in a category (e.g.{" "}
            <C>file:*</C>) or all actions (<C>*</C>). <C>?</C> matches exactly one character. An
            action outside the catalog draws an <C>UnknownAction</C> warning.
          </p>
        </Section>

        <Section id="resources" title="Resources">
          <p>
            Resources use a URI-like format: <C>protocol://path/*</C>.
          </p>
          <Table
            head={["Pattern", "Matches"]}
            rows={RESOURCES.map(([p, d]) => [<C key="p">{p}</C>, d])}
          />
          <p className="text-sm text-slate-600">
            Requested resources are canonicalised before matching: dot segments resolved,{" "}
            <C>{"//"}</C> collapsed, unreserved <C>%</C>-escapes decoded, scheme and host
            lower-cased and default ports dropped. They then match case-sensitively. <C>*</C>{" "}
            matches any run of characters, <C>/</C> and <C>:</C> included, so avoid <C>*</C> in a
            host name.
          </p>
        </Section>

        <Section id="conditions" title="Conditions">
          <p>Conditions add contextual restrictions to policy statements.</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {CONDITIONS.map((c) => (
              <div key={c.op} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-mono text-sm font-semibold text-slate-900">{c.op}</h3>
                <p className="mt-1 text-sm text-slate-600">{c.what}</p>
                <CodeBlock code={c.example} />
              </div>
            ))}
          </div>
          <h3 className="pt-2 font-semibold text-slate-900">All operators</h3>
          <Table
            head={["Family", "Operators"]}
            rows={OPERATOR_FAMILIES.map(([family, ops]) => [
              family,
              <span key="ops" className="flex flex-wrap gap-1.5">
                {ops.map((o) => (
                  <C key={o}>{o}</C>
                ))}
              </span>,
            ])}
          />
          <ul className="list-disc space-y-1.5 pl-5 text-sm">
            <li>
              All operators and all keys in a <C>Condition</C> must hold. A positive operator holds
              when the value matches any of the listed values; a negated one (<C>StringNotEquals</C>
              , <C>NotIpAddress</C>, …) when it matches none.
            </li>
            <li>
              Add <C>IfExists</C> (<C>StringEqualsIfExists</C>) to hold when the key is absent, and{" "}
              <C>ForAnyValue:</C> or <C>ForAllValues:</C> to compare lists.
            </li>
            <li>
              An absent key makes a positive operator false: a Deny conditioned on it silently does
              not fire (the <C>DenyOnAbsentKey</C> warning).
            </li>
            <li>A test that cannot be evaluated never grants access.</li>
          </ul>
          <h3 className="pt-2 font-semibold text-slate-900">Keys the platform sets</h3>
          <Table
            head={["Key", "Value"]}
            rows={PLATFORM_KEYS.map(([k, v]) => [<C key="k">{k}</C>, v])}
          />
          <p className="text-sm text-slate-600">
            Any other key is read from the request context, first as a literal dotted key (
            <C>{'{"data.classification": "PHI"}'}</C>), then as a nested path.
          </p>
        </Section>

        <Section id="limits" title="Resource limits">
          <p>
            Set limits on agent resource usage. When several policies apply to a workspace, the
            strictest value of each limit wins.
          </p>
          <Table
            head={["Field", "Limits", "Format"]}
            rows={LIMITS.map(([f, what, fmt]) => [<C key="f">{f}</C>, what, fmt])}
          />
          <CodeBlock
            code={`"ResourceLimits": {\n  "MaxExecutionTime": "300s",\n  "MaxTokens": 10000,\n  "MaxCostPerHour": "$5.00",\n  "MaxMemory": "4GB",\n  "MaxConcurrentRequests": 5\n}`}
          />
        </Section>

        <Section id="approvals" title="Approvals">
          <p>
            Specify actions that require human approval before execution. An action listed here
            needs approval even when an Allow matches; a matching Deny still wins.
          </p>
          <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4">
            <Field name="Actions" required>
              The actions (string or array, wildcards allowed) that need approval.
            </Field>
            <Field name="ApproverRole">
              Who may approve: <C>owner</C>, <C>admin</C> or <C>approver</C>.
            </Field>
            <Field name="TimeoutSeconds">
              How long a request waits for a decision: 1 to 604,800 seconds (7 days).
            </Field>
            <Field name="NotificationChannels">
              The string <C>"email"</C> or <C>{'{"Type": "webhook", "Url": "https://…"}'}</C>.
            </Field>
          </dl>
          <CodeBlock
            code={`"RequireApproval": {\n  "Actions": ["db:Update", "db:Insert", "file:Write"],\n  "ApproverRole": "admin",\n  "TimeoutSeconds": 1800\n}`}
          />
        </Section>

        <Section id="audit" title="Audit settings">
          <p>Configure audit logging: retention period, what to include, and PII redaction.</p>
          <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4">
            <Field name="Required">
              <C>true</C> to require audit logging. Anything else draws the{" "}
              <C>AuditLogNotRequired</C> warning.
            </Field>
            <Field name="RetentionDays">How long records are kept: 1 to 36,500 days.</Field>
            <Field name="Include">What each record contains (see below).</Field>
            <Field name="RedactPII">
              <C>true</C> to redact personal data from the records.
            </Field>
          </dl>
          <Table
            head={["Include", "Records"]}
            rows={AUDIT_INCLUDE.map(([k, v]) => [<C key="k">{k}</C>, v])}
          />
        </Section>

        <Section id="evaluation" title="How a request is decided">
          <p>
            For one request (action, resource, context) against every policy assigned to a
            workspace:
          </p>
          <ol className="list-decimal space-y-2 pl-5">
            <li>
              An action that is not <C>service:name[:sub…]</C> (two or more parts) is{" "}
              <strong>Deny</strong> <C>InvalidAction</C>; a resource that is not <C>*</C> or an
              absolute URI, or that climbs above its root, is <strong>Deny</strong>{" "}
              <C>InvalidResource</C>.
            </li>
            <li>
              Any matching <C>Deny</C> statement: <strong>Deny</strong> <C>ExplicitDeny</C>.
            </li>
            <li>
              The action is listed in some policy&apos;s <C>RequireApproval.Actions</C>:{" "}
              <strong>RequireApproval</strong> <C>ApprovalRequired</C>, whether or not an Allow
              matches.
            </li>
            <li>
              Any matching <C>Allow</C>: <strong>Allow</strong> <C>ExplicitAllow</C>.
            </li>
            <li>
              Otherwise <strong>Deny</strong> <C>ImplicitDeny</C>. A workspace with no policy denies
              everything.
            </li>
          </ol>
        </Section>

        <Section id="best-practices" title="Best practices">
          <ul className="space-y-3">
            {[
              [
                "Use the principle of least privilege",
                "Grant only the minimum permissions needed for agents to perform their tasks. Start restrictive and expand as needed.",
                true,
              ],
              [
                "Use explicit Deny for critical resources",
                "Explicitly deny access to sensitive operations like deletions, schema changes, or access to production databases.",
                true,
              ],
              [
                "Require approval for high-risk actions",
                "Use the RequireApproval field for actions that modify critical data or systems.",
                true,
              ],
              [
                "Set resource limits",
                "Always set ResourceLimits to prevent runaway costs and resource exhaustion.",
                true,
              ],
              [
                "Don't use a wildcard allow-all in production",
                'Avoid "Action": "*", "Resource": "*", "Effect": "Allow" in production environments. This grants unlimited access.',
                false,
              ],
              [
                "Don't disable audit logs",
                "Always keep audit logs enabled for compliance and security incident investigation.",
                false,
              ],
            ].map(([title, body, good]) => (
              <li
                key={String(title)}
                className="flex gap-3 rounded-lg border border-slate-200 bg-white p-4"
              >
                <span
                  aria-hidden="true"
                  className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${
                    good ? "bg-emerald-500" : "bg-red-500"
                  }`}
                >
                  {good ? "✓" : "✕"}
                </span>
                <div>
                  <h3 className="font-semibold text-slate-900">
                    <span className="sr-only">{good ? "Do: " : "Avoid: "}</span>
                    {title}
                  </h3>
                  <p className="mt-1 text-sm text-slate-600">{body}</p>
                </div>
              </li>
            ))}
          </ul>
        </Section>

        <Section id="findings" title="Errors and warnings">
          <p>
            The validator reports every problem at once, at its place. Errors make a document
            invalid; warnings are best-practice advice. Codes are stable.
          </p>
          <Table
            head={["Code", "Severity", "Meaning"]}
            rows={FINDINGS.map(([code, sev, meaning]) => [
              <C key="c">{code}</C>,
              <span
                key="s"
                className={`rounded px-1.5 py-0.5 text-xs font-medium ${
                  sev === "error" ? "bg-red-50 text-red-700" : "bg-amber-50 text-amber-800"
                }`}
              >
                {sev}
              </span>,
              meaning,
            ])}
          />
        </Section>
      </article>
    </div>
  );
}
