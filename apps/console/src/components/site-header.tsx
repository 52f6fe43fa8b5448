import Link from "next/link";
import { AccountNav } from "./account-nav";
import { NavLink } from "./nav-link";

export const NAV = [
  { href: "/docs", label: "Language" },
  { href: "/templates", label: "Templates" },
  { href: "/validate", label: "Validator" },
] as const;

export function Logo() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="h-6 w-6">
      <path
        d="M12 2.5 4 5.5v6c0 4.7 3.3 8.9 8 10 4.7-1.1 8-5.3 8-10v-6l-8-3Z"
        className="fill-brand-600"
      />
      <path
        d="m8.5 12.2 2.4 2.4 4.6-4.8"
        fill="none"
        stroke="white"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-8 px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
          <Logo />
          <span className="text-[17px]">Sekuire</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          {NAV.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <AccountNav />
        </div>
      </div>
    </header>
  );
}
