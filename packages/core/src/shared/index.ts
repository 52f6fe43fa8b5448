// Helpers the domain services share; not part of any service's public surface.
export { invalidInput, parseInput, toPointer } from "./parse-input.js";
export { isUniqueViolation } from "./prisma-errors.js";
export * from "./schemas.js";
