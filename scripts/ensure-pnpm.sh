#!/usr/bin/env bash
# Installs the pnpm version pinned in package.json when it is missing or different.
# corepack fails its signature check on these machines, so we use npm (TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(node -p 'require("./package.json").packageManager.split("@")[1]')
have=$(pnpm --version 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "installing pnpm@$want (found: ${have:-none})" >&2
  npm install -g "pnpm@$want" --allow-scripts=pnpm >&2
fi
