/** The tRPC HTTP handler's environment, read when a handler is built (tests set it per server). */
import { parseEnv } from "@sekuire/env";
import { z } from "zod";

const schema = z.object({
  /** proxies in front of the handler whose X-Forwarded-For is believed (see origin.ts) */
  SEKUIRE_TRUST_PROXY: z.string().optional(),
});

export function apiEnv(): z.output<typeof schema> {
  return parseEnv("@sekuire/api", schema);
}
