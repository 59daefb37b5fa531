#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and CI.
#
#   scripts/pg-cluster.sh start <dir> <port>   init + start a cluster in <dir> on 127.0.0.1:<port>;
#                                              prints postgres://postgres@127.0.0.1:<port> as the last
#                                              line of stdout (everything else goes to stderr)
#   scripts/pg-cluster.sh replica <dir> <port> <primary port>
#                                              a streaming replica of the cluster on 127.0.0.1:<primary
#                                              port>, in <dir> on 127.0.0.1:<port>; prints its URL likewise
#   scripts/pg-cluster.sh stop <dir>           fast-stop it and remove <dir>
#   scripts/pg-cluster.sh bindir               print the PostgreSQL bin dir (createdb, psql, ...)
#
# Binaries: initdb/pg_ctl on PATH, else the highest /usr/lib/postgresql/*/bin; if none and we are
# root, `apt-get install postgresql` (Debian). As root the cluster runs as the `postgres` OS user
# (initdb refuses root); otherwise as the current user. Auth is trust, fsync is off: test use only.
set -euo pipefail
shopt -s inherit_errexit   # prepare_dir runs in $(...), where errexit would be off otherwise

MARKER=".pg-cluster"   # file that marks a dir as created by this script (so `stop` may delete it)

log() { echo "pg-cluster: $*" >&2; }
die() { echo "pg-cluster: error: $*" >&2; exit 1; }
usage() { die "usage: $0 start <dir> <port> | replica <dir> <port> <primary port> | stop <dir> | bindir"; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Print the bin dir holding initdb and pg_ctl, or nothing.
find_bindir() {
  local initdb d
  if initdb=$(command -v initdb 2>/dev/null) && command -v pg_ctl >/dev/null 2>&1; then
    d=$(dirname "$(readlink -f "$initdb")")
    if [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  fi
  local best=""
  # shellcheck disable=SC2012
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then best=$d; fi
  done
  [ -n "$best" ] && echo "$best"
  return 0
}

install_postgresql() {
  is_root || die "PostgreSQL (initdb, pg_ctl) not found, and not root to apt-get install it"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL not found and apt-get not available"
  log "PostgreSQL not found: installing Debian's postgresql package..."
  local aptlog
  aptlog=$(mktemp /tmp/pg-cluster-apt.XXXXXX.log)
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
              -o Dpkg::Use-Pty=0 postgresql; } </dev/null >"$aptlog" 2>&1; then
    tail -n 40 "$aptlog" >&2
    die "apt-get install postgresql failed (full log: $aptlog)"
  fi
  rm -f "$aptlog"
}

bindir_or_install() {
  local d
  d=$(find_bindir)
  if [ -z "$d" ]; then
    install_postgresql
    d=$(find_bindir)
    [ -n "$d" ] || die "postgresql installed, but initdb/pg_ctl still not found"
  fi
  echo "$d"
}

# Run a command as the postgres OS user (runuser, else su).
as_postgres() {
  local r
  for r in "$(command -v runuser 2>/dev/null || true)" /usr/sbin/runuser /sbin/runuser; do
    if [ -n "$r" ] && [ -x "$r" ]; then "$r" -u postgres -- "$@"; return; fi
  done
  su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
}

# Run a command as the cluster's OS user (postgres when root), from inside <dir>.
as_owner() {
  local dir=$1; shift
  if is_root; then
    (cd "$dir" && as_postgres "$@")
  else
    (cd "$dir" && "$@")
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_running() {  # <bindir> <dir>
  [ -f "$2/data/postmaster.pid" ] && as_owner "$2" "$1/pg_ctl" status -D "$2/data" >/dev/null 2>&1
}

# Checks <dir> and <port> and prepares <dir> for a cluster; prints the bin dir.
prepare_dir() {
  local dir=$1 port=$2 bindir
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1024 ] && [ "$port" -le 65535 ] || die "bad port: $port"
  [ "$dir" != "/" ] || die "refusing to use /"
  # unix socket path ($dir/.s.PGSQL.<port>) must fit in sun_path (107 bytes)
  [ $(( ${#dir} + 12 + ${#port} )) -le 107 ] || die "dir path too long for a unix socket: $dir"

  bindir=$(bindir_or_install)

  if [ -e "$dir" ]; then
    [ -d "$dir" ] || die "$dir exists and is not a directory"
    if [ -f "$dir/$MARKER" ]; then
      if is_running "$bindir" "$dir"; then
        die "a cluster is already running in $dir (stop it first: $0 stop $dir)"
      fi
      log "reusing $dir: wiping the old, stopped cluster"
      find "$dir" -mindepth 1 -delete
    elif [ -n "$(ls -A "$dir")" ]; then
      die "$dir is not empty and was not created by this script; refusing to use it"
    fi
  fi
  port_in_use "$port" && die "port $port on 127.0.0.1 is already in use"

  if is_root && ! id postgres >/dev/null 2>&1; then
    log "creating the postgres OS user"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin postgres
  fi

  mkdir -p "$dir"
  touch "$dir/$MARKER"
  if is_root; then chown -R postgres:postgres "$dir"; fi
  chmod 0700 "$dir"
  if is_root && ! as_postgres test -w "$dir"; then
    die "the postgres user cannot write to $dir (a parent directory is not traversable?); use e.g. /tmp"
  fi
  echo "$bindir"
}

# Settings of a throwaway cluster, appended to <dir>/data/postgresql.conf.
throwaway_settings() {
  local dir=$1 port=$2
  local qdir=${dir//\'/\'\'}
  cat >>"$dir/data/postgresql.conf" <<CONF

# --- pg-cluster.sh: throwaway test cluster ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$qdir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

start_cluster() {  # <bindir> <dir> <port>
  local bindir=$1 dir=$2 port=$3
  log "starting on 127.0.0.1:$port (log: $dir/postgres.log)"
  if ! as_owner "$dir" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
         start >/dev/null 2>&1 </dev/null; then
    tail -n 40 "$dir/postgres.log" >&2 2>/dev/null || true
    die "pg_ctl start failed"
  fi
  echo "postgres://postgres@127.0.0.1:$port"
}

cmd_start() {
  [ $# -eq 2 ] || usage
  local dir port bindir locale
  dir=$(realpath -m "$1"); port=$2
  bindir=$(prepare_dir "$dir" "$port")

  if locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then locale=C.UTF-8; else locale=C; fi

  log "initdb ($bindir, locale $locale) in $dir/data"
  if ! as_owner "$dir" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
         --locale="$locale" --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi

  throwaway_settings "$dir" "$port"
  start_cluster "$bindir" "$dir" "$port"
}

# A physical copy of the primary (pg_basebackup), replaying its WAL as it streams: a hot standby
# that answers reads. The primary's initdb allows replication connections from 127.0.0.1 (trust).
cmd_replica() {
  [ $# -eq 3 ] || usage
  local dir port primary bindir
  dir=$(realpath -m "$1"); port=$2; primary=$3
  [[ "$primary" =~ ^[0-9]+$ ]] || die "bad primary port: $primary"
  bindir=$(prepare_dir "$dir" "$port")
  log "pg_basebackup from 127.0.0.1:$primary into $dir/data"
  if ! as_owner "$dir" "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$dir/data" \
         -R -X stream -c fast >"$dir/basebackup.log" 2>&1; then
    cat "$dir/basebackup.log" >&2
    die "pg_basebackup failed"
  fi
  # The copy carries the primary's settings; the last line of a setting wins.
  throwaway_settings "$dir" "$port"
  start_cluster "$bindir" "$dir" "$port"
}

cmd_stop() {
  [ $# -eq 1 ] || usage
  local dir bindir pid
  dir=$(realpath -m "$1")
  if [ ! -d "$dir" ]; then log "$dir does not exist: nothing to stop"; return 0; fi
  [ -f "$dir/$MARKER" ] || die "$dir was not created by this script; refusing to stop/remove it"
  if [ -f "$dir/data/postmaster.pid" ]; then
    bindir=$(find_bindir)
    if [ -n "$bindir" ]; then
      as_owner "$dir" "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
        || log "pg_ctl stop failed (server not running?)"
    else
      pid=$(head -n 1 "$dir/data/postmaster.pid")
      kill -INT "$pid" 2>/dev/null || true   # SIGINT = fast shutdown
      for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  replica) shift; cmd_replica "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  bindir) bindir_or_install ;;
  *) usage ;;
esac
