# The admin console (Next.js) with the tRPC API, for users who have Docker.
# Build from the repository root:  docker build -f docker/console.Dockerfile -t sekuire-console .
# The same image runs migrations and the demo seed (see compose.yml's `migrate` service).

FROM node:20-bookworm-slim AS build
WORKDIR /repo
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 \
    # prisma generate never runs the schema engine; any existing file will do.
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
RUN npm install -g pnpm@12.4.2 --allow-scripts=pnpm
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec turbo run build --filter=@sekuire/console...

FROM node:20-bookworm-slim
WORKDIR /repo
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
RUN npm install -g pnpm@12.4.2 --allow-scripts=pnpm
# The workspace as built: node_modules are pnpm symlinks into the store inside /repo.
COPY --from=build /repo /repo
EXPOSE 3000
CMD ["pnpm", "--filter", "@sekuire/console", "start"]
