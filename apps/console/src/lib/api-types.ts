/** What the tRPC procedures return, as the console's components receive it (plain JSON). */
import type { AppRouter } from "@sekuire/api";
import type { inferRouterOutputs } from "@trpc/server";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
