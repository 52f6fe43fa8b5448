export interface AgentView {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  frozen: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const agentSelect = {
  id: true,
  workspaceId: true,
  name: true,
  description: true,
  frozen: true,
  createdAt: true,
  updatedAt: true,
} as const;
