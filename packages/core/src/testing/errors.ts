import { expect } from "vitest";
import { AppError, type ErrorCode } from "../errors/index.js";

/** Runs `fn` and returns the AppError it threw; fails when it resolves or throws anything else. */
export async function appError(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

/** Awaits a promise that must fail with an AppError of this code; returns the error. */
export async function expectAppError(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<AppError> {
  const error = await appError(() => promise);
  expect(error.code, error.message).toBe(code);
  return error;
}
