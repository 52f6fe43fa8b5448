-- DecisionLog gains NOT NULL seq and hash without defaults: nothing wrote to it before this
-- migration (the decision API arrives with it), so every installation has it empty.

-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "matched" JSONB,
ADD COLUMN     "requestHash" TEXT,
ALTER COLUMN "tokenHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "DecisionLog" ADD COLUMN     "approvalId" TEXT,
ADD COLUMN     "context" JSONB,
ADD COLUMN     "hash" TEXT NOT NULL,
ADD COLUMN     "matched" JSONB,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" BIGINT NOT NULL,
ALTER COLUMN "resource" DROP NOT NULL,
ALTER COLUMN "reason" DROP NOT NULL,
ALTER COLUMN "latencyUs" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "decisionStamp" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "frozen" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DecisionChain" (
    "workspaceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,
    "lastHash" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DecisionChain_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "DecisionChain_organizationId_idx" ON "DecisionChain"("organizationId");

-- CreateIndex
CREATE INDEX "DecisionLog_organizationId_decision_createdAt_idx" ON "DecisionLog"("organizationId", "decision", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "DecisionLog_workspaceId_seq_key" ON "DecisionLog"("workspaceId", "seq");

-- AddForeignKey
ALTER TABLE "DecisionChain" ADD CONSTRAINT "DecisionChain_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The decision stamp (Organization.decisionStamp) rises in the transaction of every change a
-- decision depends on, whoever writes it (a service, a script, a cascade): a new or deleted
-- policy version, any assignment change, a key revoked/expired/rotated or deleted, an agent or
-- workspace frozen, unfrozen or deleted. Decision API processes compare it with the stamp their
-- cached keys and policy sets were loaded under. lastUsedAt updates do not raise it.
CREATE FUNCTION "sekuire_raise_decision_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Organization" SET "decisionStamp" = "decisionStamp" + 1
  WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."organizationId" ELSE NEW."organizationId" END;
  RETURN NULL;
END $$;

CREATE TRIGGER "PolicyVersion_decision_stamp" AFTER INSERT OR DELETE ON "PolicyVersion"
  FOR EACH ROW EXECUTE FUNCTION "sekuire_raise_decision_stamp"();
CREATE TRIGGER "PolicyAssignment_decision_stamp" AFTER INSERT OR UPDATE OR DELETE ON "PolicyAssignment"
  FOR EACH ROW EXECUTE FUNCTION "sekuire_raise_decision_stamp"();
CREATE TRIGGER "ApiKey_decision_stamp" AFTER UPDATE OF "revokedAt", "expiresAt", "graceUntil" OR DELETE ON "ApiKey"
  FOR EACH ROW EXECUTE FUNCTION "sekuire_raise_decision_stamp"();
CREATE TRIGGER "Agent_decision_stamp" AFTER UPDATE OF "frozen" OR DELETE ON "Agent"
  FOR EACH ROW EXECUTE FUNCTION "sekuire_raise_decision_stamp"();
CREATE TRIGGER "Workspace_decision_stamp" AFTER UPDATE OF "frozen" OR DELETE ON "Workspace"
  FOR EACH ROW EXECUTE FUNCTION "sekuire_raise_decision_stamp"();
