#!/usr/bin/env bash
# HAProxy in front of several portal servers on the loopback, for the load run and the crash test, without systemd:
#   scripts/load-balancer.sh start DIR FRONT_PORT NODE_PORT...   round robin over the nodes, no stickiness; prints
#                                                                 the front address
#   scripts/load-balancer.sh stop DIR                             stops it (DIR is kept: it holds the log)
# Each answer names the server that made it (X-Portal-Node: node1, node2, …), so that a run can see every parent's
# requests spread over the servers. A server is taken out of the rotation after one failed /health check (every
# 500 ms) and back after one success; a request whose connection a dead server refuses is sent to another one, and
# so is a GET the server died while answering.
# No X-Forwarded-For is added: the clients' own header (one address per simulated parent) reaches the portal,
# which trusts a proxy on the loopback. Installs Debian's haproxy package when missing (as root).
set -euo pipefail

usage() { echo "usage: $0 start DIR FRONT_PORT NODE_PORT... | stop DIR" >&2; exit 2; }

haproxy_bin() {
  if ! command -v haproxy >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installation de HAProxy (paquet haproxy)" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
    else
      echo "HAProxy manque : installez-le (sudo apt-get install haproxy) puis relancez." >&2
      exit 1
    fi
  fi
  command -v haproxy
}

start() {
  local dir="$1" front="$2" bin maxconn n=0
  shift 2
  [ $# -gt 0 ] || usage
  bin="$(haproxy_bin)"
  mkdir -p "$dir"
  # Two descriptors per connection (client and server side), within what this shell may open.
  ulimit -n 65536 2>/dev/null || true
  maxconn=$(( ($(ulimit -n) - 200) / 2 ))
  {
    cat <<CONF
global
  maxconn $maxconn
  pidfile $dir/haproxy.pid

defaults
  mode http
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout http-request 30s
  retries 3
  option redispatch 1

frontend portal
  bind 127.0.0.1:$front
  default_backend nodes

backend nodes
  balance roundrobin
  option httpchk GET /health
  # A page read cut by its server's death (connection closed, no answer) is sent to another server; anything
  # else may have been done before the death (« Valider » twice would be two validations): never sent again.
  retry-on conn-failure empty-response response-timeout
  http-request disable-l7-retry if !METH_GET !METH_HEAD
  http-response set-header X-Portal-Node %[srv_name]
CONF
    for port in "$@"; do
      n=$((n + 1))
      echo "  server node$n 127.0.0.1:$port check inter 500ms fall 1 rise 1"
    done
  } >"$dir/haproxy.cfg"
  "$bin" -c -q -f "$dir/haproxy.cfg"
  "$bin" -D -f "$dir/haproxy.cfg"
  echo "http://127.0.0.1:$front"
}

stop() {
  local dir="$1"
  if [ -f "$dir/haproxy.pid" ]; then
    kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
    rm -f "$dir/haproxy.pid"
  fi
}

case "${1:-}" in
  start) [ $# -ge 4 ] || usage; shift; start "$@" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac
