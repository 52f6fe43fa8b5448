#!/usr/bin/env bash
# Serves the built console as `pnpm start` runs it: DATABASE_URL/REDIS_URL from
# scripts/services.sh (unless set), NEXTAUTH_URL (default http://localhost:$PORT), and an auth
# secret, and runs the console's own server (node-server/main.mjs, client addresses from the
# socket; SEKUIRE_TRUSTED_PROXIES lists proxies whose X-Forwarded-For is believed). It runs in production mode, where the console never makes up a secret, so
# unless NEXTAUTH_SECRET or AUTH_SECRET is set this keeps one in .sekuire/auth-secret (mode 0600,
# created once, reused so sessions survive restarts). SEKUIRE_STATE_DIR moves .sekuire/ (tests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${SEKUIRE_STATE_DIR:-$root/.sekuire}"
if [ -z "${NEXTAUTH_SECRET:-}${AUTH_SECRET:-}" ]; then
  file="$state/auth-secret"
  if [ ! -s "$file" ]; then
    mkdir -p "$state"
    (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url") + "\n")' > "$file")
    echo "[start] generated the console's auth secret in $file"
  fi
  NEXTAUTH_SECRET="$(head -n 1 "$file")"
  export NEXTAUTH_SECRET
fi
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT:-3000}}"
# The console verifies decision chains from retention's signed checkpoint: the worker's key.
SEKUIRE_CHECKPOINT_KEY="$(bash "$root/scripts/state-key.sh" checkpoint-key SEKUIRE_CHECKPOINT_KEY)"
SEKUIRE_WEBHOOK_KEY="$(bash "$root/scripts/state-key.sh" webhook-key SEKUIRE_WEBHOOK_KEY)"
# npm start is a development stack: its webhooks may post to a receiver on this machine.
export SEKUIRE_CHECKPOINT_KEY SEKUIRE_WEBHOOK_KEY
export SEKUIRE_WEBHOOK_ALLOW_LOOPBACK="${SEKUIRE_WEBHOOK_ALLOW_LOOPBACK:-true}"
exec bash "$root/scripts/with-services.sh" pnpm --filter @sekuire/console start
