#!/usr/bin/env bash
# Serves the built decision API as `npm start` runs it: DATABASE_URL/REDIS_URL from
# scripts/services.sh (unless set), port SEKUIRE_DECISION_API_PORT (default 4000; the console
# keeps PORT). Client addresses come from the socket; SEKUIRE_TRUSTED_PROXIES lists proxies whose
# X-Forwarded-For is believed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PORT="${SEKUIRE_DECISION_API_PORT:-4000}"
exec bash "$root/scripts/with-services.sh" node "$root/apps/decision-api/dist/main.js"
