-- CreateTable
CREATE TABLE "DecisionUsage" (
    "decisionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "tokens" INTEGER,
    "costMicros" BIGINT,
    "durationMs" INTEGER,
    "memoryBytes" BIGINT,
    "storageBytes" BIGINT,
    "overLimits" TEXT[],
    "released" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionUsage_pkey" PRIMARY KEY ("decisionId")
);

-- CreateIndex
CREATE INDEX "DecisionUsage_organizationId_workspaceId_createdAt_idx" ON "DecisionUsage"("organizationId", "workspaceId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "DecisionUsage" ADD CONSTRAINT "DecisionUsage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
