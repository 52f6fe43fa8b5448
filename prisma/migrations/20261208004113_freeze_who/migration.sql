-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "frozenAt" TIMESTAMPTZ(3),
ADD COLUMN     "frozenBy" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "frozenAt" TIMESTAMPTZ(3),
ADD COLUMN     "frozenBy" TEXT;
