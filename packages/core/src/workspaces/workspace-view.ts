export interface WorkspaceView {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  /** the kill switch: every decision for the workspace is Deny while set */
  frozen: boolean;
  /** when and by whom, while frozen */
  frozenAt: Date | null;
  frozenBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const workspaceSelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  frozen: true,
  frozenAt: true,
  frozenBy: true,
  createdAt: true,
  updatedAt: true,
} as const;
