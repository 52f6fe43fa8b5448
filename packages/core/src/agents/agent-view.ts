export interface AgentView {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  frozen: boolean;
  /** when and by whom, while frozen */
  frozenAt: Date | null;
  frozenBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const agentSelect = {
  id: true,
  workspaceId: true,
  name: true,
  description: true,
  frozen: true,
  frozenAt: true,
  frozenBy: true,
  createdAt: true,
  updatedAt: true,
} as const;
