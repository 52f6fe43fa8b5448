/**
 * A token's power rests on its creator's standing (issue 10, item 6; AWS and GitHub do the same
 * for keys and tokens): a token acts with the LOWER of its own role and its creator's CURRENT
 * role in the token's organization, and not at all once the creator is no longer a member (or
 * the user is gone and `createdById` is null). This is checked on every authorization, so even a
 * revocation that was missed (a row deleted by hand, a future code path) cannot leave a token
 * with more power than the person behind it.
 */
import type { Role } from "@sekuire/db";
import { lowerRole } from "../access/roles.js";
import { AppError } from "../errors/index.js";
import { adminTokenStatus } from "./admin-token-view.js";

/** The `details[].code` of the FORBIDDEN answer to a token whose creator has left. */
export const TOKEN_CREATOR_NOT_MEMBER = "token_creator_not_member";

/** What an authorization reads about a token: its row, and its creator's membership role. */
export interface TokenStandingRow {
  role: Role;
  revokedAt: Date | null;
  expiresAt: Date | null;
  createdById: string | null;
  /** the creator's role in the token's organization; null when they are not a member */
  creatorRole: Role | null;
}

export interface TokenStanding {
  /** the role the token acts with now */
  role: Role;
  /** the person whose membership the token's power rests on */
  creatorId: string;
}

/**
 * The token's effective role. UNAUTHORIZED for a revoked or expired token (the bearer is nobody);
 * FORBIDDEN, with TOKEN_CREATOR_NOT_MEMBER, for a live token whose creator is no longer a member.
 */
export function tokenStanding(row: TokenStandingRow | undefined, now: Date): TokenStanding {
  if (!row || adminTokenStatus(row, now) !== "active") {
    throw new AppError("UNAUTHORIZED", "This admin token has been revoked or has expired.");
  }
  if (!row.createdById || !row.creatorRole) throw creatorNotMember();
  return { role: lowerRole(row.role, row.creatorRole), creatorId: row.createdById };
}

function creatorNotMember(): AppError {
  const message =
    "This admin token's creator is no longer a member of the organization, so the token cannot act.";
  return new AppError("FORBIDDEN", message, [
    {
      pointer: "",
      message: "Ask a current admin for a new token.",
      code: TOKEN_CREATOR_NOT_MEMBER,
    },
  ]);
}
