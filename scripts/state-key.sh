#!/usr/bin/env bash
# Prints a key `npm start`'s processes share: the named variable's value when set, else the one
# kept in .sekuire/<file> (mode 0600, created once and reused: a new key would make what the
# old one signed or sealed unusable). SEKUIRE_STATE_DIR moves .sekuire/ (tests).
#   state-key.sh checkpoint-key SEKUIRE_CHECKPOINT_KEY   retention's checkpoints (worker signs, console verifies)
#   state-key.sh webhook-key SEKUIRE_WEBHOOK_KEY         webhook secrets at rest (console seals, both open)
set -euo pipefail
name="${1:?usage: state-key.sh <file> <VARIABLE>}"
var="${2:?usage: state-key.sh <file> <VARIABLE>}"
if [ -n "${!var:-}" ]; then
  printf '%s\n' "${!var}"
  exit 0
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${SEKUIRE_STATE_DIR:-$root/.sekuire}"
file="$state/$name"
if [ ! -s "$file" ]; then
  mkdir -p "$state"
  (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url") + "\n")' > "$file")
  echo "[start] generated $var in $file" >&2
fi
head -n 1 "$file"
