"use client";

import { useRouter } from "next/navigation";

export function OrgSwitcher({
  current,
  organizations,
}: {
  current: string;
  organizations: { id: string; name: string; role: string }[];
}) {
  const router = useRouter();
  return (
    <label className="block">
      <span className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Organization
      </span>
      <select
        aria-label="Organization"
        value={current}
        onChange={(e) => router.push(`/app/${e.target.value}/workspaces`)}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium"
      >
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </label>
  );
}
