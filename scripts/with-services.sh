#!/usr/bin/env bash
# Runs a command with DATABASE_URL and REDIS_URL from `scripts/services.sh up`
# (.sekuire/services.env), unless the environment already sets them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
env_file="${SEKUIRE_SERVICES_ENV_FILE:-$root/.sekuire/services.env}"
if [ -f "$env_file" ]; then
  while IFS='=' read -r key value; do
    case "$key" in
      DATABASE_URL | REDIS_URL) [ -n "${!key:-}" ] || export "$key=$value" ;;
    esac
  done < "$env_file"
fi
exec "$@"
