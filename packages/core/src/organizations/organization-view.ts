import type { Role } from "@sekuire/db";

/** An organization as its members see it, with the caller's own role in it. */
export interface OrganizationView {
  id: string;
  name: string;
  requireFourEyes: boolean;
  role: Role;
  createdAt: Date;
}
