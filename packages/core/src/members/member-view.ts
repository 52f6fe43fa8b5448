import type { Role } from "@sekuire/db";

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}
