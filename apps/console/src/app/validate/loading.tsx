export default function Loading() {
  return (
    <div className="mx-auto max-w-7xl px-6 py-6" aria-busy="true">
      <div className="mb-4 h-8 w-56 animate-pulse rounded bg-slate-200" />
      <div className="mb-4 h-4 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex h-[calc(100vh-13rem)] min-h-[28rem] items-center justify-center rounded-xl border border-slate-200 bg-white text-sm text-slate-500">
          Loading the validator…
        </div>
        <div className="hidden h-64 animate-pulse rounded-xl border border-slate-200 bg-white xl:block" />
      </div>
    </div>
  );
}
