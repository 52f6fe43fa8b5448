#!/usr/bin/env bash
# Runs the built worker as `npm start` does: DATABASE_URL/REDIS_URL from scripts/services.sh
# (unless set), health and metrics on SEKUIRE_WORKER_PORT (default 4100), approval links to the
# console at SEKUIRE_CONSOLE_URL (default http://localhost:3000). Without SMTP settings,
# development mail is written as .eml files to .sekuire/mail/. Retention's checkpoints are
# signed with scripts/state-key.sh's keys.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PORT="${SEKUIRE_WORKER_PORT:-4100}"
export SEKUIRE_MAIL_DIR="${SEKUIRE_MAIL_DIR:-$root/.sekuire/mail}"
SEKUIRE_CHECKPOINT_KEY="$(bash "$root/scripts/state-key.sh" checkpoint-key SEKUIRE_CHECKPOINT_KEY)"
SEKUIRE_WEBHOOK_KEY="$(bash "$root/scripts/state-key.sh" webhook-key SEKUIRE_WEBHOOK_KEY)"
# npm start is a development stack: its webhooks may post to a receiver on this machine.
export SEKUIRE_CHECKPOINT_KEY SEKUIRE_WEBHOOK_KEY
export SEKUIRE_WEBHOOK_ALLOW_LOOPBACK="${SEKUIRE_WEBHOOK_ALLOW_LOOPBACK:-true}"
exec bash "$root/scripts/with-services.sh" node "$root/apps/worker/dist/main.js"
