/**
 * Prisma's known request errors are recognised by their code rather than by class: the class
 * lives in the generated client, and driver adapters surface the same codes.
 */

/** A unique constraint refused the write (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}
