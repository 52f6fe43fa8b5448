"use client";

import { useActionState, useState } from "react";
import type { FormAction } from "@/components/ui/form-message";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass, card } from "@/components/ui/styles";

export interface TemplateChoice {
  id: string;
  title: string;
  description: string;
}

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/**
 * Name, description and where to start (a template or blank). Choosing a template fills the
 * name and description until the user edits them; a refusal shows at its field.
 */
export function NewPolicyForm({
  action,
  templates,
}: {
  action: FormAction;
  templates: readonly TemplateChoice[];
}) {
  const [state, submit, pending] = useActionState(action, null);
  const [start, setStart] = useState("");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [edited, setEdited] = useState({ name: false, description: false });
  const choose = (id: string) => {
    setStart(id);
    const t = templates.find((x) => x.id === id);
    if (!edited.name) setName(t?.title ?? "");
    if (!edited.description) setDescription(t?.description ?? "");
  };
  const nameError =
    state?.ok === false ? state.details?.find((d) => d.pointer === "/name") : undefined;
  const others =
    state?.ok === false && state.details ? state.details.filter((d) => d !== nameError) : [];
  return (
    <form action={submit} aria-label="New policy" className="space-y-6">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Start from</legend>
        <ul aria-label="Templates" className="mt-2 grid gap-4 md:grid-cols-3">
          {templates.map((t) => (
            <li key={t.id} className={card}>
              <label className="flex cursor-pointer gap-3">
                <input
                  type="radio"
                  name="templateId"
                  value={t.id}
                  checked={start === t.id}
                  onChange={() => choose(t.id)}
                  aria-label={`Template: ${t.title}`}
                  className="mt-1"
                />
                <span>
                  <span className="block font-semibold">{t.title}</span>
                  <span className="mt-2 block text-sm text-slate-600">{t.description}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <label className="mt-4 flex cursor-pointer items-center gap-3 text-sm">
          <input
            type="radio"
            name="templateId"
            value=""
            checked={start === ""}
            onChange={() => choose("")}
            aria-label="A blank policy"
          />
          <span>
            A blank policy: one narrow read permission, everything else denied, to fill in
          </span>
        </label>
      </fieldset>
      <div className={`${card} grid gap-4 sm:grid-cols-2`}>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Name</span>
          <input
            name="name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setEdited((x) => ({ ...x, name: true }));
            }}
            placeholder="Production agents"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "policy-name-error" : undefined}
            className={field}
          />
          {nameError ? (
            <span id="policy-name-error" role="alert" className="mt-1 block text-sm text-red-700">
              {nameError.message}
            </span>
          ) : null}
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Description (optional)</span>
          <input
            name="description"
            value={description}
            onChange={(e) => {
              setDescription(e.target.value);
              setEdited((x) => ({ ...x, description: true }));
            }}
            placeholder="What this policy is for"
            className={field}
          />
        </label>
      </div>
      {state?.ok === false && !nameError ? <FormMessage state={state} /> : null}
      {nameError && others.length > 0 ? (
        <FormMessage state={{ ok: false, details: others }} />
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass("primary", "md")}>
        {pending ? "Creating…" : "Create policy"}
      </button>
    </form>
  );
}
