#!/usr/bin/env bash
# End-to-end test of scripts/services.sh: starts real private Postgres and Redis
# servers on free ports of its own (never the default ones, which a developer's or CI's
# `services.sh up` may be using), with its own state folder and env file, and checks
# up / up again / env / status / down, and that servers it did not start are used and
# left alone. Ends with the line `N passed, N failed`; exits non-zero on a failure.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SVC=$HERE/services.sh
unset DATABASE_URL REDIS_URL SEKUIRE_SERVICES_DIR SEKUIRE_SERVICES_ENV_FILE \
  SEKUIRE_PG_PORT SEKUIRE_REDIS_PORT SEKUIRE_PG_BINDIR SEKUIRE_SERVICES_INSTALL

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sekuire-services-test.XXXXXX")
chmod 0755 "$WORK" # the postgres user must get through to the clusters inside
ROOT_COPY=""
FOREIGN_PIDS=()
STATE_DIRS=()

passed=0
failed=0
ok() {
  passed=$((passed + 1))
  printf 'ok   %s\n' "$1"
}
not_ok() {
  failed=$((failed + 1))
  printf 'FAIL %s\n' "$1"
  [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/     | /'
}
# check NAME COMMAND...: passes when the command succeeds
check() {
  local name=$1
  shift
  if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name" "${OUT:-}"; fi
}

port_busy() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
NEXT_PORT=$((20000 + RANDOM % 30000))
# free_port VAR: puts a free port in VAR, never the same one twice (no $(...): the
# counter must live in this shell)
free_port() {
  while port_busy "$NEXT_PORT"; do NEXT_PORT=$((NEXT_PORT + 1)); done
  printf -v "$1" '%s' "$NEXT_PORT"
  NEXT_PORT=$((NEXT_PORT + 1))
}

# svc STATE_NAME ARGS...: runs services.sh with a state folder and env file of the test's;
# output in $OUT, exit code in $RC.
svc() {
  local name=$1
  shift
  case " ${STATE_DIRS[*]} " in *" $name "*) ;; *) STATE_DIRS+=("$name") ;; esac
  OUT=$(SEKUIRE_SERVICES_DIR=$WORK/$name SEKUIRE_SERVICES_ENV_FILE=$WORK/$name.env \
    bash "$SVC" "$@" 2>&1)
  RC=$?
}
has() { grep -qF -- "$1" <<<"$OUT"; }
lacks() { ! grep -qF -- "$1" <<<"$OUT"; }
pg_answers() { psql -X -qtA -d "$1" -c 'select 1' >/dev/null 2>&1; }
redis_answers() { [ "$(redis-cli -u "$1" ping 2>/dev/null)" = PONG ]; }
# a zombie (exited, not yet reaped by a slow container init) counts as gone
alive() {
  local st
  st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "${st%% *}" != Z ]
}
gone() { ! alive "$1"; }
env_of() { sed -n "s/^$2=//p" "$WORK/$1.env"; }
ms() { echo $(($(date +%s%N) / 1000000)); }

cleanup() {
  local name
  for name in "${STATE_DIRS[@]}"; do
    SEKUIRE_SERVICES_DIR=$WORK/$name SEKUIRE_SERVICES_ENV_FILE=$WORK/$name.env \
      bash "$SVC" down --purge >/dev/null 2>&1 || true
  done
  if [ -n "$ROOT_COPY" ]; then
    TMPDIR=$WORK bash "$ROOT_COPY/scripts/services.sh" down --purge >/dev/null 2>&1 || true
    rm -rf "$ROOT_COPY"
  fi
  for pid in "${FOREIGN_PIDS[@]}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
  done
  for _ in $(seq 1 40); do # wait until they are gone
    alive_any=0
    for pid in "${FOREIGN_PIDS[@]}"; do [ -n "$pid" ] && alive "$pid" && alive_any=1; done
    [ "$alive_any" = 0 ] && break
    sleep 0.05
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

redis_pid() { redis-cli -p "$1" info server 2>/dev/null | sed -n 's/^process_id:\([0-9]*\).*/\1/p'; }
start_foreign_redis() { # PORT VAR: a server the script did not start; its pid in VAR
  redis-server --daemonize yes --bind 127.0.0.1 --port "$1" --save "" --appendonly no \
    --dir "$WORK" --logfile "$WORK/foreign-$1.log" >/dev/null
  local _
  for _ in $(seq 1 100); do
    redis_answers "redis://127.0.0.1:$1" && break
    sleep 0.05
  done
  printf -v "$2" '%s' "$(redis_pid "$1")"
  [ -n "${!2}" ] && FOREIGN_PIDS+=("${!2}")
}

export SEKUIRE_PG_PORT SEKUIRE_REDIS_PORT
free_port SEKUIRE_PG_PORT
free_port SEKUIRE_REDIS_PORT
PGP=$SEKUIRE_PG_PORT
RP=$SEKUIRE_REDIS_PORT

echo "# 1. up from nothing (ports $PGP and $RP stand in for 5432 and 6379)"
t0=$(ms)
svc main up
echo "#    cold up took $(($(ms) - t0)) ms"
check "up exits 0" test "$RC" = 0
check "up starts postgres on the default port" has "postgres: started a private server on 127.0.0.1:$PGP"
check "up starts redis on the default port" has "redis: started a private server on 127.0.0.1:$RP"
DB_URL=$(env_of main DATABASE_URL)
R_URL=$(env_of main REDIS_URL)
check "env file has DATABASE_URL" test "$DB_URL" = "postgresql://sekuire@127.0.0.1:$PGP/sekuire"
check "env file has REDIS_URL" test "$R_URL" = "redis://127.0.0.1:$RP"
check "database sekuire answers" pg_answers "$DB_URL"
check "redis answers PONG" redis_answers "$R_URL"
check "data folder belongs to postgres, mode 0700" \
  test "$(stat -c '%a' "$WORK/main/postgres")" = 700
PG_PID=$(sed -n 1p "$WORK/main/postgres/postmaster.pid")
R_PID=$(redis_pid "$RP")

echo "# 2. up again is a no-op"
t0=$(ms)
svc main up
dt=$(($(ms) - t0))
echo "#    warm up took $dt ms"
check "second up exits 0" test "$RC" = 0
check "second up starts nothing" lacks "started a private server"
check "second up says both are already running" test "$(grep -c 'already running' <<<"$OUT")" = 2
check "same postgres process" test "$(sed -n 1p "$WORK/main/postgres/postmaster.pid")" = "$PG_PID"
check "same redis process" test "$(redis_pid "$RP")" = "$R_PID"
check "second up takes under a second" test "$dt" -lt 1000

echo "# 3. env"
svc main env
ENV_OUT=$OUT
check "env exits 0" test "$RC" = 0
check "env prints export lines" has "export DATABASE_URL="
check "psql works with the eval'd DATABASE_URL" bash -c "eval \"\$1\"; psql -X -v ON_ERROR_STOP=1 -qtA -d \"\$DATABASE_URL\" -c 'create table kept(x int); insert into kept values (42)'" _ "$ENV_OUT"
check "redis-cli works with the eval'd REDIS_URL" bash -c "eval \"\$1\"; [ \"\$(redis-cli -u \"\$REDIS_URL\" set k v)\" = OK ]" _ "$ENV_OUT"
check "the env file can be sourced" bash -c "set -a; . \"\$1\"; [ \"\$DATABASE_URL\" = \"\$2\" ]" _ "$WORK/main.env" "$DB_URL"
check "up with the eval'd URLs exported starts nothing" bash -c "eval \"\$1\"; SEKUIRE_SERVICES_DIR=\$2 SEKUIRE_SERVICES_ENV_FILE=\$2.env bash \"\$3\" up | grep -c 'already running' | grep -qx 2" _ "$ENV_OUT" "$WORK/main" "$SVC"

echo "# 4. status"
svc main status
check "status exits 0 when both answer" test "$RC" = 0
check "status shows postgres answering" has "postgres: $DB_URL answers"
check "status shows redis answering" has "redis: $R_URL answers"
check "status says what this script started" test "$(grep -c 'started by this script: pid' <<<"$OUT")" = 2

echo "# 5. down stops ours"
svc main down
check "down exits 0" test "$RC" = 0
check "postgres stopped" bash -c "! pg_isready -q -h 127.0.0.1 -p $PGP"
check "postgres process gone" gone "$PG_PID"
check "redis stopped" gone "$R_PID"
check "env file removed" test ! -e "$WORK/main.env"
svc main env
check "env fails after down" test "$RC" != 0
svc main status
check "status fails after down" test "$RC" != 0

echo "# 6. up after down restarts on the same ports and keeps the data"
t0=$(ms)
svc main up
echo "#    restart took $(($(ms) - t0)) ms"
check "restart exits 0" test "$RC" = 0
check "restart keeps the URL" test "$(env_of main DATABASE_URL)" = "$DB_URL"
check "restart keeps the data" test "$(psql -X -qtA -d "$DB_URL" -c 'select x from kept' 2>&1)" = 42
PG_PID=$(sed -n 1p "$WORK/main/postgres/postmaster.pid")
redis-cli -p "$RP" shutdown nosave >/dev/null 2>&1 # our redis dies behind the script's back
svc main up
check "up restarts a server of ours that died" has "redis: started a private server on 127.0.0.1:$RP"
check "and leaves the running one alone" test "$(sed -n 1p "$WORK/main/postgres/postmaster.pid")" = "$PG_PID"
svc main down

echo "# 7. servers it did not start: used and left alone"
free_port FR_PORT # a redis on the default redis port
free_port FX_PORT # something that is not postgres on the default postgres port
FR_PID=""
FX_PID=""
start_foreign_redis "$FR_PORT" FR_PID
start_foreign_redis "$FX_PORT" FX_PID
check "foreign servers started" bash -c "[ -n '$FR_PID' ] && [ -n '$FX_PID' ] && [ '$FR_PID' != '$FX_PID' ]"
SEKUIRE_PG_PORT=$FX_PORT SEKUIRE_REDIS_PORT=$FR_PORT svc foreign up
check "up exits 0 next to foreign servers" test "$RC" = 0
check "up uses the redis that answers on the default port" has "redis: using the server at redis://127.0.0.1:$FR_PORT (not started by this script)"
check "up starts no redis" lacks "redis: started"
check "env file points at the foreign redis" test "$(env_of foreign REDIS_URL)" = "redis://127.0.0.1:$FR_PORT"
check "up leaves the non-postgres listener alone" has "something else listens on port $FX_PORT"
FDB=$(env_of foreign DATABASE_URL)
check "postgres got another port" bash -c "[ -n \"$FDB\" ] && [ \"$FDB\" != postgresql://sekuire@127.0.0.1:$FX_PORT/sekuire ]"
check "that postgres answers" pg_answers "$FDB"
svc foreign status
check "status names the redis as not ours" has "this script runs no redis server"
svc foreign down
check "down after foreign use exits 0" test "$RC" = 0
check "down keeps the foreign redis running" alive "$FR_PID"
check "which still answers" redis_answers "redis://127.0.0.1:$FR_PORT"
check "down keeps the other listener running" alive "$FX_PID"
check "down stops our postgres" bash -c "! psql -X -qtA -d '$FDB' -c 'select 1'"

echo "# 8. REDIS_URL / DATABASE_URL given"
REDIS_URL=redis://127.0.0.1:$FX_PORT svc foreign up
check "up uses REDIS_URL" has "redis: using REDIS_URL (not started by this script)"
check "env file has the given REDIS_URL" test "$(env_of foreign REDIS_URL)" = "redis://127.0.0.1:$FX_PORT"
svc foreign down
check "down keeps the REDIS_URL server" alive "$FX_PID"
NEXT_PORT=$((NEXT_PORT + 100)) # clear of the ports the script picked for itself above
free_port DEAD
DATABASE_URL=postgresql://sekuire@127.0.0.1:$DEAD/sekuire svc foreign up
check "up fails when DATABASE_URL does not answer" test "$RC" != 0
check "and says so" has "DATABASE_URL is set but does not answer"
check "and starts nothing there" bash -c "! pg_isready -q -h 127.0.0.1 -p $DEAD"

echo "# 9. no binaries and no install: says what to run"
free_port NOBIN_PORT
SEKUIRE_PG_PORT=$NOBIN_PORT SEKUIRE_PG_BINDIR=/nonexistent SEKUIRE_SERVICES_INSTALL=0 svc nobin up
check "up fails without binaries" test "$RC" != 0
check "and prints the docker compose command" has "docker compose -f docker/compose.yml up -d"
check "and the apt-get command" has "apt-get install -y postgresql-15 redis-server"

echo "# 10. two ups at once start one set of servers"
free_port SEKUIRE_PG_PORT
free_port SEKUIRE_REDIS_PORT
STATE_DIRS+=(race)
(SEKUIRE_SERVICES_DIR=$WORK/race SEKUIRE_SERVICES_ENV_FILE=$WORK/race.env bash "$SVC" up >"$WORK/race1.log" 2>&1) &
r1=$!
(SEKUIRE_SERVICES_DIR=$WORK/race SEKUIRE_SERVICES_ENV_FILE=$WORK/race.env bash "$SVC" up >"$WORK/race2.log" 2>&1) &
r2=$!
wait "$r1"
rc1=$?
wait "$r2"
rc2=$?
check "both exit 0" test "$rc1$rc2" = 00
check "one postgres started" test "$(cat "$WORK/race1.log" "$WORK/race2.log" | grep -c 'postgres: started')" = 1
check "one redis started" test "$(cat "$WORK/race1.log" "$WORK/race2.log" | grep -c 'redis: started')" = 1
svc race down --purge
check "down --purge removes the state folder" test ! -e "$WORK/race"

if [ "$(id -u)" = 0 ] && [ -d /root ] && ! runuser -u postgres -- test -x /root 2>/dev/null; then
  echo "# 11. a checkout under /root, run from another folder"
  ROOT_COPY=$(mktemp -d /root/sekuire-services-test.XXXXXX)
  mkdir -p "$ROOT_COPY/scripts"
  cp "$SVC" "$ROOT_COPY/scripts/services.sh"
  free_port SEKUIRE_PG_PORT
  free_port SEKUIRE_REDIS_PORT
  OUT=$(cd "$ROOT_COPY/scripts" && TMPDIR=$WORK bash ./services.sh up 2>&1)
  RC=$?
  check "up works from a checkout under /root" test "$RC" = 0
  check "its data lives outside the checkout" test -f "$WORK/sekuire-services-$(id -u)/postgres/PG_VERSION"
  check "its env file is in the checkout's .sekuire/" test -f "$ROOT_COPY/.sekuire/services.env"
  check "its postgres answers" pg_answers "$(sed -n 's/^DATABASE_URL=//p' "$ROOT_COPY/.sekuire/services.env")"
  OUT=$(cd / && TMPDIR=$WORK bash "$ROOT_COPY/scripts/services.sh" down --purge 2>&1)
  check "down from / works" test $? = 0
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
