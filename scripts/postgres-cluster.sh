#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the load runs, without systemd:
#   scripts/postgres-cluster.sh start [DIR]   creates and starts a cluster in DIR (a new temporary folder when
#                                             omitted) on a free loopback port, prints its connection string
#   scripts/postgres-cluster.sh stop DIR      stops the cluster and deletes DIR
# Installs Debian's postgresql package when missing (as root). The server runs as the postgres user when the
# script runs as root (PostgreSQL refuses to run as root), as the current user otherwise. It is tuned for
# throwaway data: no fsync, no synchronous commit.
set -euo pipefail

usage() { echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2; }

bin_dir() {
  local latest
  latest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$latest" ] || [ ! -x "$latest/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installation de PostgreSQL (paquet postgresql)" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      latest="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    else
      echo "PostgreSQL manque : installez-le (sudo apt-get install postgresql) puis relancez." >&2
      exit 1
    fi
  fi
  echo "$latest"
}

# Runs a PostgreSQL program as the user that owns the cluster.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir="${1:-}" bin port password
  bin="$(bin_dir)"
  if [ -z "$dir" ]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/familyportal-pg.XXXXXX")"
    echo "Arrêt : $0 stop $dir" >&2
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  chmod 700 "$dir"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -w "$dir"; then
    echo "Le dossier $dir est hors de portée de l'utilisateur postgres (un dossier parent lui est fermé) : choisissez-en un autre." >&2
    exit 1
  fi
  port="$("$(dirname "$0")/free-port.sh")"
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  printf '%s\n' "$password" >"$dir/password"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/password"
  # C.UTF-8 sorts text by code point, as SQLite does; UTF-8 for French names.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/password" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 400
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "$port" >"$dir/port"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
}

stop() {
  local dir="${1:-}"
  [ -n "$dir" ] || usage
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) usage ;;
esac
