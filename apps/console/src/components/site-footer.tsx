import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-6 text-sm text-slate-500">
        <p>Sekuire: governance for AI agents.</p>
        <nav aria-label="Footer" className="flex gap-5">
          <Link href="/docs" className="hover:text-slate-800">
            Language reference
          </Link>
          <Link href="/templates" className="hover:text-slate-800">
            Templates
          </Link>
          <Link href="/validate" className="hover:text-slate-800">
            Validator
          </Link>
        </nav>
      </div>
    </footer>
  );
}
