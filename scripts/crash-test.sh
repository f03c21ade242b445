#!/usr/bin/env bash
# Crash test: builds the portal in Release, seeds a collectivité on a new SQLite file, runs the portal as a
# process of its own while parents validate baskets, kills it with SIGKILL 10 times at random moments and starts
# it again each time (it must answer /health within 10 s), then checks the database: every basket answered as
# validated is fully there, none is partial, capacity and the day counters hold. A few minutes on 2 cores.
#   scripts/crash-test.sh [--cycles 10] [--parents 24] [--capacity 6] [--seed N] [--folder DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -nologo -v quiet src/FamilyPortal.Web/FamilyPortal.Web.csproj
dotnet build -c Release -nologo -v quiet tools/FamilyPortal.CrashTest/FamilyPortal.CrashTest.csproj
exec dotnet tools/FamilyPortal.CrashTest/bin/Release/net10.0/FamilyPortal.CrashTest.dll \
  --portal src/FamilyPortal.Web/bin/Release/net10.0/FamilyPortal.Web.dll "$@"
