"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

const STYLES = {
  /** the public header's links */
  top: {
    base: "rounded-md px-3 py-1.5 font-medium transition-colors",
    active: "bg-slate-100 text-slate-900",
    idle: "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
  },
  /** the console's side navigation */
  side: {
    base: "block rounded-md px-3 py-2 text-sm font-medium transition-colors",
    active: "bg-brand-50 text-brand-700",
    idle: "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
  },
} as const;

/** A link marked as the current page (aria-current) when the path is it or below it. */
export function NavLink({
  href,
  children,
  variant = "top",
}: {
  href: string;
  children: ReactNode;
  variant?: keyof typeof STYLES;
}) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  const style = STYLES[variant];
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`${style.base} ${active ? style.active : style.idle}`}
    >
      {children}
    </Link>
  );
}
