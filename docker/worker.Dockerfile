# The background worker (apps/worker), for users who have Docker.
# Build from the repository root:  docker build -f docker/worker.Dockerfile -t sekuire-worker .
# Stateless: run as many as you like over one Postgres and one Redis.

FROM node:20-bookworm-slim AS build
WORKDIR /repo
ENV TURBO_TELEMETRY_DISABLED=1 \
    # prisma generate never runs the schema engine; any existing file will do.
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
RUN npm install -g pnpm@12.4.2 --allow-scripts=pnpm
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec turbo run build --filter=@sekuire/worker... \
 && pnpm deploy --filter=@sekuire/worker --prod --legacy /out

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=4100
# Only the worker and its production dependencies (pnpm deploy), as an unprivileged user.
COPY --from=build /out /app
USER node
EXPOSE 4100
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4100/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
