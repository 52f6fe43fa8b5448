#!/usr/bin/env bash
# Ensures Debian's chromium is installed for the console's browser tests and prints its path.
# Idempotent: returns at once when /usr/bin/chromium exists. Installing needs root (CI runs as root).
set -euo pipefail

BIN=/usr/bin/chromium

if [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing; install it as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q chromium >/dev/null 2>&1; then
  apt-get update -q >/dev/null
  apt-get install -y -q chromium >/dev/null
fi

if [ ! -x "$BIN" ]; then
  echo "chromium was installed but $BIN is missing" >&2
  exit 1
fi
echo "$BIN"
