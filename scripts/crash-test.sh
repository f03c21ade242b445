#!/usr/bin/env bash
# Crash test: publishes the portal in Release (ReadyToRun, as a production image would), seeds a collectivité on
# a new SQLite file, runs the portal as a process of its own while parents validate baskets, kills it with SIGKILL
# 10 times at random moments and starts it again each time (it must answer /health within 10 s), then checks
# the database: every basket answered as validated is fully there, none is partial, capacity and the day
# counters hold. A few minutes on 2 cores; not part of ./test.sh.
#   scripts/crash-test.sh [--cycles 10] [--parents 24] [--capacity 6] [--warm-up 20] [--seed N] [--folder DIR]
#                         [--database sqlite|postgresql] [--nodes N]
# --database postgresql: the collectivité on a throwaway PostgreSQL cluster (scripts/postgres-cluster.sh) instead
# of the SQLite file; --nodes N (more than one needs postgresql): N portal servers behind HAProxy
# (scripts/load-balancer.sh), one of them killed at random each time while the others go on answering; the
# summary gives the requests that failed during each kill.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
database=sqlite
arguments=()
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database="$2"; shift 2 ;;
    *) arguments+=("$1"); shift ;;
  esac
done
case "$database" in
  sqlite|postgresql) ;;
  *) echo "--database : sqlite ou postgresql" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
chmod 755 "$work"  # the PostgreSQL server runs as its own user
portal="$work/portal"
cluster=""
cleanup() {
  [ -z "$cluster" ] || scripts/postgres-cluster.sh stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
dotnet publish src/FamilyPortal.Web/FamilyPortal.Web.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$portal" -nologo -v quiet
dotnet build tools/FamilyPortal.CrashTest/FamilyPortal.CrashTest.csproj -c Release -nologo -v quiet
if [ "$database" = postgresql ]; then
  cluster="$work/pg"
  arguments+=(--postgresql "$(scripts/postgres-cluster.sh start "$cluster");Database=panne")
fi
dotnet tools/FamilyPortal.CrashTest/bin/Release/net10.0/FamilyPortal.CrashTest.dll --portal "$portal/FamilyPortal.Web.dll" \
  --load-balancer scripts/load-balancer.sh "${arguments[@]}"
