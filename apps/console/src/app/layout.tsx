import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { CspNonceProvider } from "@/components/csp-nonce";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sekuire: governance for AI agents", template: "%s · Sekuire" },
  description:
    "Define what your AI agents may do, on which resources and under what conditions. Enforced in real time, audited.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which a per-request nonce needs: a page
  // rendered at build time would carry scripts without it, which the CSP then blocks.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <CspNonceProvider nonce={nonce}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
          >
            Skip to content
          </a>
          <SiteHeader />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </CspNonceProvider>
      </body>
    </html>
  );
}
