"use client";

import { useActionState, useState } from "react";
import type { RotatedSecret } from "@/app/app/[orgId]/workspaces/webhook-actions";
import { FormMessage } from "@/components/ui/form-message";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { buttonClass } from "@/components/ui/styles";

/** How a receiver checks a delivery (Node), shown beside a new secret. */
function verifyExample(secret: string): string {
  return [
    'import { createHmac, timingSafeEqual } from "node:crypto";',
    `const secret = "${secret}";`,
    "// header: the Sekuire-Signature request header; body: the raw request body",
    'const { t, v1 } = Object.fromEntries(header.split(",").map((p) => p.split("=")));',
    'const mac = createHmac("sha256", secret).update(t + "." + body).digest("hex");',
    "const ok = v1?.length === 64 && Math.abs(Date.now() / 1000 - Number(t)) < 300 &&",
    '  timingSafeEqual(Buffer.from(mac), Buffer.from(v1 ?? ""));',
  ].join("\n");
}

/**
 * Setting or rotating the signing secret: rotating asks first (receivers holding the old
 * secret fail the check until they are given the new one); the new secret is shown once.
 */
export function WebhookSecretForm({
  hasSecret,
  action,
}: {
  hasSecret: boolean;
  action: (previous: RotatedSecret | null) => Promise<RotatedSecret>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  const label = hasSecret ? "Rotate secret" : "Create secret";
  return (
    <div>
      {hasSecret && !confirming ? (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className={buttonClass("secondary", "sm")}
        >
          Rotate secret…
        </button>
      ) : (
        <form
          action={() => {
            setConfirming(false);
            submit();
          }}
          aria-label={label}
          className="flex flex-wrap items-center gap-2"
        >
          {hasSecret ? (
            <span className="text-sm text-slate-700">
              The current secret stops signing at once: receivers fail the check until they have the
              new one. Rotate?
            </span>
          ) : null}
          <button type="submit" disabled={pending} className={buttonClass("primary", "sm")}>
            {pending ? "Working…" : label}
          </button>
          {hasSecret ? (
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className={buttonClass("secondary", "sm")}
            >
              Cancel
            </button>
          ) : null}
        </form>
      )}
      {/* While a rotation is being confirmed, the secret shown last (about to be replaced) goes. */}
      {state?.ok && state.secret && !confirming ? (
        <SecretReveal
          key={state.secret}
          secret={state.secret}
          testId="new-webhook-secret"
          example={{
            label: "Check each delivery's signature with it:",
            code: verifyExample(state.secret),
          }}
        />
      ) : (
        <FormMessage state={state} />
      )}
    </div>
  );
}
