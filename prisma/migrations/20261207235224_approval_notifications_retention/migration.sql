-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('requested', 'reminder', 'escalation');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "channels" JSONB,
ADD COLUMN     "escalatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "notifiedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "DecisionChain" ADD COLUMN     "prunedHash" TEXT,
ADD COLUMN     "prunedSeq" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "prunedSignature" TEXT;

-- CreateTable
CREATE TABLE "ApprovalNotification" (
    "id" TEXT NOT NULL DEFAULT ('ntf_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "organizationId" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApprovalNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApprovalNotification_organizationId_createdAt_idx" ON "ApprovalNotification"("organizationId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalNotification_approvalId_kind_channel_recipient_key" ON "ApprovalNotification"("approvalId", "kind", "channel", "recipient");

-- AddForeignKey
ALTER TABLE "ApprovalNotification" ADD CONSTRAINT "ApprovalNotification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalNotification" ADD CONSTRAINT "ApprovalNotification_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "ApprovalRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
