#!/usr/bin/env bash
# Crash test: publishes the portal in Release (ReadyToRun, as a production image would), seeds a collectivité on
# a new SQLite file, runs the portal as a process of its own while parents validate baskets, kills it with SIGKILL
# 10 times at random moments and starts it again each time (it must answer /health within 10 s), then checks
# the database: every basket answered as validated is fully there, none is partial, capacity and the day
# counters hold. A few minutes on 2 cores; not part of ./test.sh.
#   scripts/crash-test.sh [--cycles 10] [--parents 24] [--capacity 6] [--warm-up 20] [--seed N] [--folder DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
portal="$(mktemp -d)/portal"
trap 'rm -rf "$(dirname "$portal")"' EXIT
dotnet publish src/FamilyPortal.Web/FamilyPortal.Web.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$portal" -nologo -v quiet
dotnet build tools/FamilyPortal.CrashTest/FamilyPortal.CrashTest.csproj -c Release -nologo -v quiet
dotnet tools/FamilyPortal.CrashTest/bin/Release/net10.0/FamilyPortal.CrashTest.dll --portal "$portal/FamilyPortal.Web.dll" "$@"
