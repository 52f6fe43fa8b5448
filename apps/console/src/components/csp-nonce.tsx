"use client";

import { createContext, type ReactNode, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

/** This response's CSP nonce (from src/proxy.ts), for code that injects style tags. */
export function CspNonceProvider({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useCspNonce(): string | undefined {
  return useContext(NonceContext);
}
