import Link from "next/link";
import { notice } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import type { ActionResult } from "@/server/api";
import { RestoreButton } from "./restore-button";

interface DiffLine {
  kind: "added" | "removed" | "unchanged";
  text: string;
  oldLine?: number;
  newLine?: number;
}

interface Row {
  left?: DiffLine;
  right?: DiffLine;
  /** a run of unchanged lines folded away, with its length */
  folded?: number;
}

/** Pairs each run of removed lines with the run of added lines after it, for side by side. */
export function sideBySide(lines: readonly DiffLine[]): Row[] {
  const rows: Row[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++)
      rows.push({ left: removed[i], right: added[i] });
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.kind === "removed") removed.push(line);
    else if (line.kind === "added") added.push(line);
    else {
      flush();
      rows.push({ left: line, right: line });
    }
  }
  flush();
  return rows;
}

function changed(row: Row): boolean {
  return row.left?.kind !== "unchanged" || row.right?.kind !== "unchanged";
}

/** Keeps `context` rows around each change and folds longer unchanged runs into one row. */
export function foldUnchanged(rows: readonly Row[], context = 3): Row[] {
  const keep = rows.map(() => false);
  rows.forEach((row, i) => {
    if (!changed(row)) return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++)
      keep[j] = true;
  });
  const out: Row[] = [];
  let hidden = 0;
  rows.forEach((row, i) => {
    if (keep[i]) {
      if (hidden > 0) out.push({ folded: hidden });
      hidden = 0;
      out.push(row);
    } else hidden++;
  });
  if (hidden > 0) out.push({ folded: hidden });
  return out;
}

const CELL: Record<DiffLine["kind"], string> = {
  added: "bg-emerald-50 text-emerald-900",
  removed: "bg-red-50 text-red-900",
  unchanged: "text-slate-700",
};

/** A side-by-side diff; `from`/`to` name the two sides ("version 2", "the request"). */
export function DiffView({
  from,
  to,
  added,
  removed,
  lines,
}: {
  from: string;
  to: string;
  added: number;
  removed: number;
  lines: readonly DiffLine[];
}) {
  const rows = foldUnchanged(sideBySide(lines));
  return (
    <section
      aria-label={`Changes from ${from} to ${to}`}
      data-testid="diff"
      className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2 text-sm">
        <span className="inline-block font-semibold first-letter:uppercase">
          {from} → {to}
        </span>
        <span className="text-xs">
          <span className="text-emerald-700">+{added}</span>{" "}
          <span className="text-red-700">−{removed}</span>
        </span>
      </header>
      <div className="max-h-[32rem] overflow-auto">
        <table className="w-full table-fixed border-collapse font-mono text-xs">
          <tbody>
            {rows.map((row, i) =>
              row.folded ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place.
                <tr key={i}>
                  <td colSpan={4} className="bg-slate-50 px-3 py-1 text-center text-slate-500">
                    ⋯ {row.folded} unchanged line{row.folded === 1 ? "" : "s"}
                  </td>
                </tr>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place.
                <tr key={i}>
                  <td className="w-10 select-none px-2 text-right text-slate-400">
                    {row.left?.oldLine ?? ""}
                  </td>
                  <td
                    className={`whitespace-pre-wrap break-all border-r border-slate-200 px-2 ${row.left ? CELL[row.left.kind] : ""}`}
                  >
                    {row.left?.text ?? ""}
                  </td>
                  <td className="w-10 select-none px-2 text-right text-slate-400">
                    {row.right?.newLine ?? ""}
                  </td>
                  <td
                    className={`whitespace-pre-wrap break-all px-2 ${row.right ? CELL[row.right.kind] : ""}`}
                  >
                    {row.right?.text ?? ""}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface VersionItem {
  id: string;
  number: number;
  changeNote: string | null;
  createdAt: Date | string;
  createdBy: { name?: string | null; email?: string | null } | null;
}

export function VersionHistory({
  versions,
  base,
  canWrite,
  restore,
}: {
  versions: VersionItem[];
  base: string;
  canWrite: boolean;
  restore: (versionId: string) => Promise<ActionResult>;
}) {
  if (versions.length === 0)
    return (
      <p className={notice}>
        No published versions yet. Write a change note and publish to create version 1.
      </p>
    );
  return (
    <ul
      aria-label="Versions"
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      {versions.map((v, i) => {
        const previous = versions[i + 1];
        return (
          // id: decision records link a matched statement's version here (#v3).
          <li
            key={v.id}
            id={`v${v.number}`}
            className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm target:bg-amber-50"
          >
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold">
              v{v.number}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate">{v.changeNote ?? "No change note"}</span>
              <span className="text-xs text-slate-500">
                {v.createdBy?.name ?? v.createdBy?.email ?? "Someone"} ·{" "}
                {formatDateTime(v.createdAt)}
              </span>
            </span>
            {previous ? (
              <Link
                href={`${base}?from=${previous.id}&to=${v.id}#history`}
                className="text-xs font-medium text-brand-700 hover:underline"
              >
                Compare with v{previous.number}
              </Link>
            ) : null}
            {canWrite ? (
              <RestoreButton number={v.number} restore={restore.bind(null, v.id)} base={base} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
