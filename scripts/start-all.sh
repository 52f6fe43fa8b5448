#!/usr/bin/env bash
# What `npm start` serves once it has built, migrated and seeded: the decision API (:4000), the
# worker (:4100, health and metrics) and the console (:3000) side by side. Ctrl-C or SIGTERM
# stops them all; when one exits, the others are stopped too, so a half-running stack never
# looks healthy.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
set -m # each server in a process group of its own, so stopping it reaches every child
bash "$root/scripts/start-decision-api.sh" &
api=$!
bash "$root/scripts/start-worker.sh" &
worker=$!
bash "$root/scripts/start-console.sh" &
console=$!
stop() {
  trap - INT TERM EXIT
  kill -TERM -- "-$api" "-$worker" "-$console" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT
status=0
wait -n "$api" "$worker" "$console" || status=$?
echo "[start] a server exited (status $status): stopping the others" >&2
exit "$status"
