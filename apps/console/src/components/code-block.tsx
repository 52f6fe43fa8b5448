export function CodeBlock({ code, label }: { code: string; label?: string }) {
  return (
    <figure className="my-4 overflow-hidden rounded-lg border border-slate-800 bg-slate-900">
      {label ? (
        <figcaption className="border-b border-slate-800 px-4 py-2 font-mono text-xs text-slate-400">
          {label}
        </figcaption>
      ) : null}
      <pre className="overflow-x-auto p-4 font-mono text-[13px] leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
