#!/usr/bin/env bash
# The import boundaries of ARCHITECTURE.md, proven to bite: for each rule, a file that breaks it
# is planted where the rule applies and Biome must refuse it (and a file that keeps it must
# pass). Also: the console's code holds no database query of its own. Ends with the line
# `N passed, N failed`; exits non-zero on a failure.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
BIOME="$ROOT/node_modules/.bin/biome"
passed=0
failed=0
PLANTED=()
cleanup() { for f in "${PLANTED[@]}"; do rm -f "$f"; done; }
trap cleanup EXIT

# expect refused|allowed DIR MODULE
expect() {
  local want=$1 dir=$2 module=$3 file got
  mkdir -p "$dir"
  file="$dir/zz-boundary-probe-$$.ts"
  PLANTED+=("$file")
  printf 'import { probe } from "%s";\n\nexport const value = probe;\n' "$module" >"$file"
  if "$BIOME" lint --only=style/noRestrictedImports "$file" >/dev/null 2>&1; then got=allowed; else got=refused; fi
  rm -f "$file"
  if [ "$got" = "$want" ]; then
    passed=$((passed + 1))
    printf 'ok   %s imports %s: %s\n' "$dir" "$module" "$want"
  else
    failed=$((failed + 1))
    printf 'FAIL %s imports %s: %s, expected %s\n' "$dir" "$module" "$got" "$want"
  fi
}

expect refused packages/policy-engine/src @sekuire/contracts
expect refused packages/policy-engine/src/compile @sekuire/core
expect refused packages/contracts/src @sekuire/policy-engine
expect allowed packages/contracts/src zod
expect refused packages/env/src @sekuire/db
expect refused packages/core/src ioredis
expect refused packages/core/src bullmq
expect refused packages/core/src @sekuire/redis
expect refused packages/core/src/accounts next/headers
expect refused packages/core/src @sekuire/api
expect allowed packages/core/src @sekuire/db
expect refused apps/console/src @sekuire/db
expect refused apps/console/src/app/api @sekuire/db/enums
expect refused apps/console/src/server @sekuire/email
expect refused apps/console/node-server @sekuire/db
expect allowed apps/console/src @sekuire/core/accounts
expect allowed apps/console/e2e @sekuire/db
expect refused apps/decision-api/src @sekuire/db
expect refused apps/worker/src @sekuire/email
expect refused packages/sdk/src @sekuire/core
expect allowed packages/sdk/src @sekuire/contracts
# Folders made only for a probe go again.
rmdir -p apps/decision-api/src apps/worker/src packages/sdk/src 2>/dev/null

# The console hands core the process's handle (platformDb) but never queries through it.
queries=$(grep -rnE '\b(db|platformDb|tx)\s*\.\s*(\$transaction|\$unscoped|\$queryRaw|\$executeRaw|[a-z][A-Za-z]*\s*\.\s*(find|create|update|upsert|delete|count|aggregate|groupBy))' \
  apps/console/src apps/console/node-server 2>/dev/null)
if [ -z "$queries" ]; then
  passed=$((passed + 1))
  echo "ok   the console's code holds no database query"
else
  failed=$((failed + 1))
  echo "FAIL the console queries the database itself:"
  printf '%s\n' "$queries" | sed 's/^/     | /'
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
