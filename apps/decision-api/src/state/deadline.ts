/**
 * A store call with a deadline: past it, or when the store fails, the decision path gets
 * `Unavailable` (a 503 Deny) instead of waiting on a connection that may never answer.
 */
import { Unavailable } from "../http/errors.js";

export async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Unavailable(`${what} did not answer within ${ms} ms.`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    if (error instanceof Unavailable) throw error;
    throw new Unavailable(`${what} failed.`, error);
  } finally {
    clearTimeout(timer);
  }
}
