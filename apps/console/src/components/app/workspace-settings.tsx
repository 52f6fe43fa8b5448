"use client";

import { useActionState, useState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { buttonClass, card } from "@/components/ui/styles";

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** Rename a workspace: name, slug (agents' URLs and logs use it) and description. */
export function WorkspaceSettingsForm({
  workspace,
  action,
}: {
  workspace: { name: string; slug: string; description: string | null };
  action: FormAction;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Workspace settings" className={card}>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Name</span>
          <input name="name" required defaultValue={workspace.name} className={input} />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Slug</span>
          <input
            name="slug"
            required
            defaultValue={workspace.slug}
            className={`${input} font-mono`}
          />
        </label>
        <label className="block text-sm sm:col-span-2">
          <span className="font-medium text-slate-700">Description</span>
          <input
            name="description"
            defaultValue={workspace.description ?? ""}
            placeholder="What runs here"
            className={input}
          />
        </label>
      </div>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass("primary", "md", "mt-4")}>
        {pending ? "Saving…" : "Save workspace"}
      </button>
    </form>
  );
}

/** Deleting takes the workspace's agents and keys with it, so the slug must be typed first. */
export function DeleteWorkspaceForm({ slug, action }: { slug: string; action: FormAction }) {
  const [state, submit, pending] = useActionState(action, null);
  const [typed, setTyped] = useState("");
  return (
    <form
      action={submit}
      aria-label="Delete workspace"
      className="rounded-lg border border-red-200 bg-white p-5 shadow-sm"
    >
      <h3 className="font-semibold text-red-800">Delete this workspace</h3>
      <p className="mt-1 text-sm text-slate-600">
        Its agents and their API keys go with it and stop working at once; assignments are removed;
        the decision log keeps its history. This cannot be undone.
      </p>
      <label className="mt-3 block text-sm">
        <span className="font-medium text-slate-700">
          Type <code className="font-mono">{slug}</code> to confirm
        </span>
        <input
          name="confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          className={`${input} block font-mono sm:w-80`}
        />
      </label>
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending || typed.trim() !== slug}
        className={buttonClass("destroy", "md", "mt-4 disabled:cursor-not-allowed")}
      >
        {pending ? "Deleting…" : "Delete workspace"}
      </button>
    </form>
  );
}
