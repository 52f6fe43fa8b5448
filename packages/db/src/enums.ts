// The schema's enums alone: safe to import from browser code (no pg, no Prisma runtime).
export * from "./generated/prisma/enums.js";
