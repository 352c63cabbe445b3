#!/usr/bin/env bash
# PostgreSQL for the store tests (tests/store/conftest.py).
#
#   bash scripts/pg_test_server.sh install     install the server binaries if missing (apt-get)
#   bash scripts/pg_test_server.sh start DIR   start a throwaway cluster in DIR, print its URL
#   bash scripts/pg_test_server.sh stop DIR    stop it and remove DIR
#
# The tests need only `install`: they start their own cluster when LAGEBILD_TEST_PG_URL is unset.
# `start` is for running the tests (or a demo) against one long-lived server:
#   export LAGEBILD_TEST_PG_URL=$(bash scripts/pg_test_server.sh start /tmp/lagebild-pg)
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

have_binaries() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

bindir() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  dirname "$initdb"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install() {
  if have_binaries; then
    echo "PostgreSQL present: $(bindir)"
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo="sudo"
    else
      echo "PostgreSQL is missing and this user cannot install it (not root, no sudo)." >&2
      echo "Install the 'postgresql' package or set LAGEBILD_TEST_PG_URL." >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    echo "PostgreSQL is missing and apt-get is not available: install PostgreSQL or set LAGEBILD_TEST_PG_URL." >&2
    return 1
  fi
  echo "Installing PostgreSQL (apt-get)..."
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  have_binaries || { echo "apt-get install postgresql did not provide initdb" >&2; return 1; }
  echo "PostgreSQL installed: $(bindir)"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir=${1:?usage: $0 start DIR}
  install >/dev/null
  local bin port
  bin=$(bindir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
      || as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  fi
  port=$(free_port)
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null
  echo "$port" >"$dir/port"
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
    -c "CREATE DATABASE lagebild_test" >/dev/null 2>&1 || true
  echo "postgresql://postgres@127.0.0.1:$port/lagebild_test"
}

stop() {
  local dir=${1:?usage: $0 stop DIR}
  if [ -f "$dir/data/PG_VERSION" ]; then
    as_postgres "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-install}" in
  install) install ;;
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 [install | start DIR | stop DIR]" >&2; exit 2 ;;
esac
