/**
 * What a typed client sees: core's input types, and outputs as they arrive over the wire (dates
 * as ISO strings). Checked by `tsc` (the typecheck task) as much as by vitest.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { describe, expectTypeOf, it } from "vitest";
import type { AppRouter } from "../src/router.js";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

describe("AppRouter types", () => {
  it("declares dates as ISO strings in outputs", () => {
    expectTypeOf<Outputs["workspaces"]["list"][number]["createdAt"]>().toEqualTypeOf<string>();
    expectTypeOf<Outputs["apiKeys"]["create"]["key"]["expiresAt"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Outputs["policies"]["getVersion"]["createdAt"]>().toEqualTypeOf<string>();
  });

  it("declares core's inputs", () => {
    expectTypeOf<Inputs["workspaces"]["create"]>().toExtend<{
      organizationId: string;
      name: string;
    }>();
    expectTypeOf<Inputs["policies"]["publish"]>().toExtend<{
      organizationId: string;
      policyId: string;
      changeNote: string;
    }>();
    expectTypeOf<Inputs["members"]["invitations"]["accept"]>().toEqualTypeOf<{ token: string }>();
  });
});
