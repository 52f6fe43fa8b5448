export interface WorkspaceView {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  /** the kill switch: every decision for the workspace is Deny while set */
  frozen: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const workspaceSelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  frozen: true,
  createdAt: true,
  updatedAt: true,
} as const;
