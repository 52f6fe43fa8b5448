#!/usr/bin/env bash
# Postgres and Redis for development, tests and CI.
#
#   scripts/services.sh up       make Postgres and Redis available (idempotent)
#   scripts/services.sh env      print `export DATABASE_URL=… REDIS_URL=…` for eval
#   scripts/services.sh status   say what answers where and what this script started
#   scripts/services.sh down     stop the servers this script started (never others)
#                       down --purge   …and delete their data folder
#
# `up` uses DATABASE_URL / REDIS_URL when they are set (and answer), then the default
# URLs (postgresql://sekuire@127.0.0.1:5432/sekuire, redis://127.0.0.1:6379) when
# something answers there (e.g. `docker compose -f docker/compose.yml up -d postgres redis mailpit`), and
# otherwise starts private servers from the machine's binaries: PostgreSQL 15 as the
# `postgres` user with a trust-auth cluster (superuser `sekuire`), and redis-server
# without persistence, both on 127.0.0.1 only. As root it installs Debian's packages
# when the binaries are missing; otherwise it prints what to run instead.
# It writes the URLs in use to .sekuire/services.env (KEY=value lines to `source`).
# It never stops or reconfigures a server it did not start; it only creates the database
# named in the URL when the server answers but that database is missing.
#
# The private servers' data and this script's state live outside the checkout, in
# ${TMPDIR:-/tmp}/sekuire-services-<uid>/ (the postgres user cannot enter /root).
# Knobs (mostly for the tests): SEKUIRE_SERVICES_DIR (that folder),
# SEKUIRE_SERVICES_ENV_FILE (the env file), SEKUIRE_PG_PORT / SEKUIRE_REDIS_PORT
# (the default ports), SEKUIRE_PG_BINDIR, SEKUIRE_SERVICES_INSTALL=0 (never apt-get).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
UID_NOW=$(id -u)
PG_DEFAULT_PORT=${SEKUIRE_PG_PORT:-5432}
REDIS_DEFAULT_PORT=${SEKUIRE_REDIS_PORT:-6379}
PG_DB=sekuire
PG_USER=sekuire
ENV_FILE=${SEKUIRE_SERVICES_ENV_FILE:-$REPO/.sekuire/services.env}
COMPOSE_HINT="(cd '$REPO' && docker compose -f docker/compose.yml up -d postgres redis mailpit)"
APT_HINT="DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 redis-server"

log() { printf '%s\n' "$*"; }
warn() { printf 'services.sh: %s\n' "$*" >&2; }
die() {
  warn "$*"
  exit 1
}
is_root() { [ "$UID_NOW" -eq 0 ]; }

# ---------------------------------------------------------------- state folder

if [ -n "${SEKUIRE_SERVICES_DIR:-}" ]; then
  BASE=$SEKUIRE_SERVICES_DIR
else
  BASE=${TMPDIR:-/tmp}/sekuire-services-$UID_NOW
fi
STATE=$BASE/state
PGDATA_DIR=$BASE/postgres
REDIS_DIR=$BASE/redis

# Runs a command as the user that owns the Postgres cluster, from / (the postgres user
# may not be allowed into the current directory), without our lock's descriptor (a
# server that inherited it would hold the lock for its whole life).
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@") 9>&-
  else
    (cd / && "$@") 9>&-
  fi
}

prepare_base() {
  mkdir -p "$BASE"
  chmod 0755 "$BASE"
  if is_root && [ -z "${SEKUIRE_SERVICES_DIR:-}" ] && id postgres >/dev/null 2>&1 &&
    ! runuser -u postgres -- test -x "$BASE"; then
    # TMPDIR is somewhere postgres cannot reach (under /root, say): use /tmp.
    rmdir "$BASE" 2>/dev/null || true
    BASE=/tmp/sekuire-services-$UID_NOW
    STATE=$BASE/state
    PGDATA_DIR=$BASE/postgres
    REDIS_DIR=$BASE/redis
    mkdir -p "$BASE"
    chmod 0755 "$BASE"
  fi
}

# State: KEY=value lines, read without sourcing.
declare -A S=()
state_load() {
  S=()
  [ -f "$STATE" ] || return 0
  local k v
  while IFS='=' read -r k v; do
    case $k in '' | '#'*) continue ;; esac
    S[$k]=$v
  done <"$STATE"
}
state_get() { printf '%s' "${S[$1]:-}"; }
state_save() {
  local tmp k
  tmp=$STATE.tmp.$$
  {
    echo "# written by scripts/services.sh; do not edit while servers run"
    for k in $(printf '%s\n' "${!S[@]}" | sort); do
      printf '%s=%s\n' "$k" "${S[$k]}"
    done
  } >"$tmp"
  mv -f "$tmp" "$STATE"
}

lock() {
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$BASE/lock"
    flock -w 120 9 || die "another services.sh holds $BASE/lock"
  fi
}

# ---------------------------------------------------------------- helpers

port_busy() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# First free port from $1 on, skipping the ports given after it.
free_port() {
  local port=$1 skip
  shift
  while [ "$port" -lt 65535 ]; do
    local taken=0
    for skip in "$@"; do [ "$skip" = "$port" ] && taken=1; done
    if [ "$taken" = 0 ] && ! port_busy "$port"; then
      echo "$port"
      return 0
    fi
    port=$((port + 1))
  done
  die "no free port from $1 on"
}

apt_install() {
  if ! is_root || [ "${SEKUIRE_SERVICES_INSTALL:-1}" = 0 ]; then
    return 1
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  log "installing Debian packages: $* (as root, once)"
  local opts=(-y -q -o DPkg::Lock::Timeout=180)
  if ! DEBIAN_FRONTEND=noninteractive apt-get install "${opts[@]}" "$@" >"$BASE/apt.log" 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q -o DPkg::Lock::Timeout=180 >>"$BASE/apt.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install "${opts[@]}" "$@" >>"$BASE/apt.log" 2>&1 || {
      tail -n 20 "$BASE/apt.log" >&2
      return 1
    }
  fi
}

cannot_install() {
  warn "$1"
  cat >&2 <<EOF
services.sh: cannot start private servers here. Do one of:
  - run the services with Docker:
      $COMPOSE_HINT
    (then run this script again: it finds them on the default ports)
  - install the binaries (as root):
      $APT_HINT
  - set DATABASE_URL and REDIS_URL to servers you run.
EOF
  exit 1
}

# True while the process runs; a zombie (exited, not yet reaped: some container inits
# reap slowly) counts as gone.
proc_alive() {
  local st
  st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "${st%% *}" != Z ]
}

# ---------------------------------------------------------------- postgres

pg_bindir() {
  if [ -n "${SEKUIRE_PG_BINDIR:-}" ]; then
    echo "$SEKUIRE_PG_BINDIR"
  elif [ -x /usr/lib/postgresql/15/bin/postgres ]; then
    echo /usr/lib/postgresql/15/bin
  else
    # Another major version, if that is what the machine has.
    local d
    d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)
    echo "${d:-/usr/lib/postgresql/15/bin}"
  fi
}

need_psql() {
  command -v psql >/dev/null 2>&1 && return 0
  apt_install postgresql-client || cannot_install "psql not found"
}

# pg_probe URL [SECONDS]: prints "ok", "nodb" (server answers, database missing) or
# "down". Something that is not Postgres may hold the port and never answer: hence the
# connect timeout (2 s is libpq's minimum; 10 s for URLs given to us).
pg_probe() {
  local url=$1 err
  if err=$(PGCONNECT_TIMEOUT=${2:-10} psql -X -qtA -v ON_ERROR_STOP=1 -d "$url" -c 'select 1' 2>&1 >/dev/null); then
    echo ok
  elif [[ $err == *"database \""*"\" does not exist"* ]]; then
    echo nodb
  else
    echo down
  fi
}

# postgresql://auth@host:port/db?query -> the same URL with db replaced by $2
pg_url_with_db() {
  local url=$1 db=$2 scheme rest authority query=""
  scheme=${url%%://*}
  rest=${url#*://}
  authority=${rest%%/*}
  case $rest in *\?*) query="?${rest#*\?}" ;; esac
  printf '%s://%s/%s%s' "$scheme" "$authority" "$db" "$query"
}

pg_url_db() {
  local rest=${1#*://} db=""
  case $rest in */*) db=${rest#*/} ;; esac
  db=${db%%\?*}
  printf '%s' "${db:-$PG_USER}"
}

# Makes sure the database named in the URL exists (the server already answers).
pg_ensure_db() {
  local url=$1 db admin
  [ "$(pg_probe "$url")" = ok ] && return 0
  db=$(pg_url_db "$url")
  admin=$(pg_url_with_db "$url" postgres)
  log "postgres: creating database $db"
  psql -X -q -v ON_ERROR_STOP=1 -d "$admin" -c "CREATE DATABASE \"${db//\"/\"\"}\"" >/dev/null
  [ "$(pg_probe "$url")" = ok ] || die "postgres: could not create database $db at $url"
}

pg_our_url() { printf 'postgresql://%s@127.0.0.1:%s/%s' "$PG_USER" "$1" "$PG_DB"; }

# Prints the pid of our cluster's postmaster when it runs (a live pid in our data
# folder's postmaster.pid whose command line names that folder: never a reused pid).
pg_our_pid() {
  local pid pidfile=$PGDATA_DIR/postmaster.pid
  [ -f "$pidfile" ] || return 1
  pid=$(sed -n 1p "$pidfile")
  [ -n "$pid" ] && proc_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$PGDATA_DIR" || return 1
  echo "$pid"
}

# True when our cluster is running and answers on the port recorded in the state file.
pg_ours_running() {
  local port
  port=$(state_get PG_PORT)
  [ -n "$port" ] && pg_our_pid >/dev/null || return 1
  [ "$(sed -n 4p "$PGDATA_DIR/postmaster.pid")" = "$port" ] || return 1
  pg_isready -q -h 127.0.0.1 -p "$port" -t 2 >/dev/null 2>&1
}

pg_start_ours() {
  local bindir port
  bindir=$(pg_bindir)
  if [ ! -x "$bindir/postgres" ]; then
    apt_install postgresql-15 || apt_install postgresql ||
      cannot_install "PostgreSQL server binaries not found in $bindir"
    bindir=$(pg_bindir)
    [ -x "$bindir/postgres" ] || cannot_install "PostgreSQL server binaries not found in $bindir"
  fi
  if is_root && ! id postgres >/dev/null 2>&1; then
    die "postgres: running as root but there is no 'postgres' user to run the server as"
  fi
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    rm -rf "$PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    if is_root; then chown postgres:postgres "$PGDATA_DIR"; fi
    chmod 0700 "$PGDATA_DIR"
    if is_root && ! runuser -u postgres -- test -w "$PGDATA_DIR"; then
      die "postgres: the postgres user cannot reach $PGDATA_DIR (a parent folder is closed to it); set SEKUIRE_SERVICES_DIR to a folder under /tmp"
    fi
    log "postgres: initdb $PGDATA_DIR"
    if ! as_pg "$bindir/initdb" -D "$PGDATA_DIR" --auth=trust -U "$PG_USER" -E UTF8 \
      --locale=C.UTF-8 --no-sync >"$BASE/initdb.log" 2>&1; then
      cat "$BASE/initdb.log" >&2
      die "postgres: initdb failed"
    fi
  fi
  # The port it had, so URLs stay the same; else the default; else the next free one.
  port=$(state_get PG_PORT)
  if [ -z "$port" ] || port_busy "$port"; then
    port=$PG_DEFAULT_PORT
    port_busy "$port" && port=$(free_port $((PG_DEFAULT_PORT + 1)) "$REDIS_DEFAULT_PORT")
  fi
  # A postmaster.pid left by a server that died with the machine: its pid may now be
  # another process's, which would make Postgres refuse to start.
  # The same for the socket lock (our data folder is also the server's socket folder).
  if [ -f "$PGDATA_DIR/postmaster.pid" ] && ! pg_our_pid >/dev/null; then
    rm -f "$PGDATA_DIR/postmaster.pid" "$PGDATA_DIR"/.s.PGSQL.*.lock
  fi
  if ! as_pg "$bindir/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
    -o "-p $port -k '$PGDATA_DIR' -c listen_addresses=127.0.0.1" start >/dev/null; then
    tail -n 20 "$PGDATA_DIR/server.log" >&2 || true
    die "postgres: pg_ctl start failed (log: $PGDATA_DIR/server.log)"
  fi
  S[PG_PORT]=$port
  S[PG_STARTED]=yes
  S[PG_BINDIR]=$bindir
  S[PG_PID]=$(sed -n 1p "$PGDATA_DIR/postmaster.pid")
  state_save
  log "postgres: started a private server on 127.0.0.1:$port (pid ${S[PG_PID]}, data $PGDATA_DIR)"
  pg_ensure_db "$(pg_our_url "$port")"
}

pg_up() {
  local url probe ours_url=""
  need_psql
  [ -n "$(state_get PG_PORT)" ] && ours_url=$(pg_our_url "$(state_get PG_PORT)")
  # Ours died (a reboot, say): nothing of ours runs, whichever server we use now.
  if [ "$(state_get PG_STARTED)" = yes ] && ! pg_our_pid >/dev/null; then S[PG_STARTED]=no; fi
  # 1. DATABASE_URL, unless it is the URL of our own server (then it is handled below).
  if [ -n "${DATABASE_URL:-}" ] && [ "$DATABASE_URL" != "$ours_url" ]; then
    probe=$(pg_probe "$DATABASE_URL")
    [ "$probe" = down ] && die "postgres: DATABASE_URL is set but does not answer: $DATABASE_URL (unset it to let this script start a private server)"
    [ "$probe" = nodb ] && pg_ensure_db "$DATABASE_URL"
    S[DATABASE_URL]=$DATABASE_URL
    S[DATABASE_FROM]=DATABASE_URL
    log "postgres: using DATABASE_URL (not started by this script)"
    return 0
  fi
  # 2. our own server, already running.
  if [ "$(state_get PG_STARTED)" = yes ] && pg_ours_running; then
    url=$ours_url
    [ "$(pg_probe "$url")" = ok ] || pg_ensure_db "$url"
    S[DATABASE_URL]=$url
    S[DATABASE_FROM]=started
    log "postgres: already running (started by this script) at $url"
    return 0
  fi
  # 3. something answering at the default URL (docker compose, a developer's server).
  url=$(pg_our_url "$PG_DEFAULT_PORT")
  if [ -z "${DATABASE_URL:-}" ] && port_busy "$PG_DEFAULT_PORT"; then
    probe=$(pg_probe "$url" 2)
    if [ "$probe" != down ]; then
      [ "$probe" = nodb ] && pg_ensure_db "$url"
      S[DATABASE_URL]=$url
      S[DATABASE_FROM]=default
      log "postgres: using the server at $url (not started by this script)"
      return 0
    fi
    log "postgres: something else listens on port $PG_DEFAULT_PORT and does not answer $url; leaving it alone"
  fi
  # 4. our own server.
  pg_start_ours
  S[DATABASE_URL]=$(pg_our_url "${S[PG_PORT]}")
  S[DATABASE_FROM]=started
}

pg_down() {
  if [ "$(state_get PG_STARTED)" != yes ]; then
    return 0
  fi
  local bindir
  bindir=$(state_get PG_BINDIR)
  [ -n "$bindir" ] || bindir=$(pg_bindir)
  if pg_our_pid >/dev/null; then
    # pg_ctl acts on the postmaster of our data folder only.
    as_pg "$bindir/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    if pg_our_pid >/dev/null; then die "postgres: could not stop the server of $PGDATA_DIR"; fi
    log "postgres: stopped the server this script started (port $(state_get PG_PORT))"
  else
    log "postgres: the server this script started (port $(state_get PG_PORT)) was not running"
  fi
  S[PG_STARTED]=no
  S[PG_PID]=""
}

# ---------------------------------------------------------------- redis

redis_ping() {
  local url=$1
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(timeout 5 redis-cli --no-auth-warning -u "$url" ping 2>/dev/null)" = PONG ]
  else
    # No redis-cli: a plain PING over /dev/tcp (URLs without a password only).
    local hostport=${url#*://} reply=""
    hostport=${hostport##*@}
    hostport=${hostport%%/*}
    (
      exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" || exit 1
      printf 'PING\r\n' >&3
      IFS= read -r -t 3 reply <&3 || exit 1
      [ "${reply%$'\r'}" = "+PONG" ]
    ) 2>/dev/null
  fi
}

redis_our_url() { printf 'redis://127.0.0.1:%s' "$1"; }

# True when the redis-server we started answers on its port (same pid).
redis_ours_running() {
  local port pid
  port=$(state_get REDIS_PORT)
  pid=$(state_get REDIS_PID)
  [ -n "$port" ] && [ -n "$pid" ] || return 1
  command -v redis-cli >/dev/null 2>&1 || return 1
  [ "$(redis_pid_on "$port")" = "$pid" ]
}

redis_pid_on() {
  timeout 5 redis-cli -h 127.0.0.1 -p "$1" info server 2>/dev/null |
    sed -n 's/^process_id:\([0-9]*\).*/\1/p'
}

redis_start_ours() {
  local port i
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    apt_install redis-server || cannot_install "redis-server not found"
    command -v redis-server >/dev/null 2>&1 || cannot_install "redis-server not found"
  fi
  mkdir -p "$REDIS_DIR"
  port=$(state_get REDIS_PORT)
  if [ -z "$port" ] || port_busy "$port"; then
    port=$REDIS_DEFAULT_PORT
    port_busy "$port" && port=$(free_port $((REDIS_DEFAULT_PORT + 1)) "${S[PG_PORT]:-}")
  fi
  rm -f "$REDIS_DIR/redis.pid"
  (cd "$REDIS_DIR" && redis-server --daemonize yes --bind 127.0.0.1 --port "$port" \
    --save "" --appendonly no --dir "$REDIS_DIR" \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log") >/dev/null 9>&-
  for i in $(seq 1 100); do
    redis_ping "$(redis_our_url "$port")" && break
    [ "$i" = 100 ] && {
      tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
      die "redis: the server did not answer on port $port"
    }
    sleep 0.05
  done
  S[REDIS_PORT]=$port
  S[REDIS_STARTED]=yes
  S[REDIS_PID]=$(redis_pid_on "$port")
  state_save
  log "redis: started a private server on 127.0.0.1:$port (pid ${S[REDIS_PID]})"
}

redis_up() {
  local url ours_url=""
  [ -n "$(state_get REDIS_PORT)" ] && ours_url=$(redis_our_url "$(state_get REDIS_PORT)")
  if [ "$(state_get REDIS_STARTED)" = yes ] && ! redis_ours_running; then S[REDIS_STARTED]=no; fi
  if [ -n "${REDIS_URL:-}" ] && [ "$REDIS_URL" != "$ours_url" ]; then
    redis_ping "$REDIS_URL" ||
      die "redis: REDIS_URL is set but does not answer: $REDIS_URL (unset it to let this script start a private server)"
    S[REDIS_URL]=$REDIS_URL
    S[REDIS_FROM]=REDIS_URL
    log "redis: using REDIS_URL (not started by this script)"
    return 0
  fi
  if [ "$(state_get REDIS_STARTED)" = yes ] && redis_ours_running; then
    S[REDIS_URL]=$ours_url
    S[REDIS_FROM]=started
    log "redis: already running (started by this script) at $ours_url"
    return 0
  fi
  url=$(redis_our_url "$REDIS_DEFAULT_PORT")
  if [ -z "${REDIS_URL:-}" ] && port_busy "$REDIS_DEFAULT_PORT"; then
    if redis_ping "$url"; then
      S[REDIS_URL]=$url
      S[REDIS_FROM]=default
      log "redis: using the server at $url (not started by this script)"
      return 0
    fi
    log "redis: something else listens on port $REDIS_DEFAULT_PORT and does not answer PING; leaving it alone"
  fi
  redis_start_ours
  S[REDIS_URL]=$(redis_our_url "${S[REDIS_PORT]}")
  S[REDIS_FROM]=started
}

redis_down() {
  [ "$(state_get REDIS_STARTED)" = yes ] || return 0
  local port pid i stopping=0
  port=$(state_get REDIS_PORT)
  pid=$(state_get REDIS_PID)
  if [ -n "$pid" ] && [ "$(redis_pid_on "$port")" = "$pid" ]; then
    timeout 10 redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
    stopping=1
  elif [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "redis-server.*:$port"; then
    kill "$pid" 2>/dev/null || true
    stopping=1
  fi
  if [ "$stopping" = 1 ]; then
    for i in $(seq 1 100); do
      proc_alive "$pid" || break
      [ "$i" = 100 ] && die "redis: could not stop pid $pid"
      sleep 0.05
    done
    log "redis: stopped the server this script started (port $port)"
  else
    log "redis: the server this script started (port $port) was not running"
  fi
  S[REDIS_STARTED]=no
  S[REDIS_PID]=""
}

# ---------------------------------------------------------------- env file

env_value() {
  # bare when safe for `source` and dotenv readers, single-quoted otherwise
  if [[ $1 =~ ^[A-Za-z0-9@:/._%+=~,-]+$ ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//\'/\'\\\'\'}"
  fi
}

write_env_file() {
  mkdir -p "$(dirname "$ENV_FILE")"
  local tmp=$ENV_FILE.tmp.$$
  {
    echo "# written by scripts/services.sh up; source it, or: eval \"\$(scripts/services.sh env)\""
    printf 'DATABASE_URL=%s\n' "$(env_value "${S[DATABASE_URL]}")"
    printf 'REDIS_URL=%s\n' "$(env_value "${S[REDIS_URL]}")"
  } >"$tmp"
  mv -f "$tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------- commands

cmd_up() {
  prepare_base
  lock
  state_load
  pg_up
  redis_up
  state_save
  write_env_file
  log "DATABASE_URL=${S[DATABASE_URL]}"
  log "REDIS_URL=${S[REDIS_URL]}"
  log "(written to $ENV_FILE; state in $BASE)"
}

cmd_env() {
  [ -f "$ENV_FILE" ] || die "no $ENV_FILE: run scripts/services.sh up first"
  local k v
  while IFS='=' read -r k v; do
    case $k in DATABASE_URL | REDIS_URL) ;; *) continue ;; esac
    v=${v#\'}
    v=${v%\'}
    printf 'export %s=%q\n' "$k" "$v"
  done <"$ENV_FILE"
}

cmd_status() {
  prepare_base
  state_load
  local rc=0 url
  log "state folder: $BASE"
  url=$(state_get DATABASE_URL)
  if [ -n "$url" ]; then
    if [ "$(pg_probe "$url")" = ok ]; then log "postgres: $url answers (from: $(state_get DATABASE_FROM))"; else
      log "postgres: $url does NOT answer (from: $(state_get DATABASE_FROM))"
      rc=1
    fi
  else
    url=$(pg_our_url "$PG_DEFAULT_PORT")
    log "postgres: not brought up by this script; $url $([ "$(pg_probe "$url" 2)" = ok ] && echo answers || echo 'does not answer')"
    rc=1
  fi
  if [ "$(state_get PG_STARTED)" = yes ]; then
    if pg_ours_running; then
      log "  started by this script: pid $(sed -n 1p "$PGDATA_DIR/postmaster.pid"), port $(state_get PG_PORT), data $PGDATA_DIR"
    else
      log "  started by this script on port $(state_get PG_PORT), but it is not running (run up)"
      rc=1
    fi
  else
    log "  this script runs no postgres server"
  fi
  url=$(state_get REDIS_URL)
  if [ -n "$url" ]; then
    if redis_ping "$url"; then log "redis: $url answers (from: $(state_get REDIS_FROM))"; else
      log "redis: $url does NOT answer (from: $(state_get REDIS_FROM))"
      rc=1
    fi
  else
    url=$(redis_our_url "$REDIS_DEFAULT_PORT")
    log "redis: not brought up by this script; $url $(redis_ping "$url" && echo answers || echo 'does not answer')"
    rc=1
  fi
  if [ "$(state_get REDIS_STARTED)" = yes ]; then
    if redis_ours_running; then
      log "  started by this script: pid $(state_get REDIS_PID), port $(state_get REDIS_PORT)"
    else
      log "  started by this script on port $(state_get REDIS_PORT), but it is not running (run up)"
      rc=1
    fi
  else
    log "  this script runs no redis server"
  fi
  if [ -f "$ENV_FILE" ]; then log "env file: $ENV_FILE"; else log "env file: none (run up)"; fi
  return "$rc"
}

cmd_down() {
  local purge=0
  [ "${1:-}" = --purge ] && purge=1
  prepare_base
  lock
  state_load
  pg_down
  redis_down
  unset 'S[DATABASE_URL]' 'S[REDIS_URL]' 'S[DATABASE_FROM]' 'S[REDIS_FROM]'
  state_save
  rm -f "$ENV_FILE"
  if [ "$purge" = 1 ]; then
    # Only our own folder: it holds our state file.
    [ -f "$STATE" ] && rm -rf "$BASE" && log "removed $BASE"
  fi
  log "down: done (servers this script did not start were left alone)"
}

case "${1:-}" in
  up) cmd_up ;;
  env) cmd_env ;;
  status) cmd_status ;;
  down) cmd_down "${2:-}" ;;
  *)
    echo "usage: scripts/services.sh up|env|status|down [--purge]" >&2
    exit 2
    ;;
esac
