// The policy services take `input: unknown` and parse it themselves; these are the input types
// the client sees, taken from the same zod schemas core parses with.
import type { policyInputs } from "@sekuire/core/policies";
import type { z } from "zod";

type In<K extends keyof typeof policyInputs> = z.input<(typeof policyInputs)[K]>;

export type CreatePolicyInput = In<"createPolicyInput">;
export type OrgScopedInput = In<"orgScoped">;
export type PolicyRefInput = In<"policyRef">;
export type SaveDraftInput = In<"saveDraftInput">;
export type PublishInput = In<"publishInput">;
export type ListPublishRequestsInput = In<"listPublishRequestsInput">;
export type DecidePublishInput = In<"decidePublishInput">;
export type VersionRefInput = In<"versionRef">;
export type DiffInput = In<"diffInput">;
export type AssignInput = In<"assignInput">;
export type ChangeAssignmentInput = In<"changeAssignmentInput">;
export type AssignmentRefInput = In<"assignmentRef">;
export type WorkspaceRefInput = In<"workspaceRef">;
