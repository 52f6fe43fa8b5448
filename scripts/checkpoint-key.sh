#!/usr/bin/env bash
# Prints the key that signs audit retention's checkpoints, for `npm start`'s worker (which
# signs) and console (which verifies): SEKUIRE_CHECKPOINT_KEY when set, else the one kept in
# .sekuire/checkpoint-key (mode 0600, created once and reused: a new key would make every
# existing checkpoint unverifiable). SEKUIRE_STATE_DIR moves .sekuire/ (tests).
set -euo pipefail
if [ -n "${SEKUIRE_CHECKPOINT_KEY:-}" ]; then
  printf '%s\n' "$SEKUIRE_CHECKPOINT_KEY"
  exit 0
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${SEKUIRE_STATE_DIR:-$root/.sekuire}"
file="$state/checkpoint-key"
if [ ! -s "$file" ]; then
  mkdir -p "$state"
  (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url") + "\n")' > "$file")
  echo "[start] generated the retention checkpoint key in $file" >&2
fi
head -n 1 "$file"
