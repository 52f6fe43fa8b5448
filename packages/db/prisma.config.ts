// Prisma 7 reads its settings here, not from the schema. The schema and migrations live in the
// repository's /prisma folder (the one schema location); this file sits in packages/db because
// the prisma CLI is this package's dependency and its scripts run from here.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  // `env("DATABASE_URL")` would throw when it is unset, even for `prisma generate`.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
