#!/usr/bin/env bash
# Runs every test of the solution. On a fresh Debian/Ubuntu machine (as root) it first installs what the
# tests need from the OS packages: Chromium for the browser tests, DejaVu fonts for the captcha images
# and the invoice PDFs, Java and npm for the HTML checker (vnu-jar), Locust for the load scenario's smoke test,
# PostgreSQL for the second run of the integration tests.
# The integration tests run twice: on SQLite (with the rest of the solution) and on PostgreSQL, on a throwaway
# cluster started here (scripts/postgres-cluster.sh) and stopped at the end whatever happened.
# FAMILYPORTAL_TEST_POSTGRESQL_RUN=after runs the PostgreSQL run after the other instead of beside it,
# =off leaves it out.
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
dpkg -s libfontconfig1 >/dev/null 2>&1 || missing+=(libfontconfig1)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
command -v locust >/dev/null || missing+=(python3-locust)
# The load smoke test on two portal servers: HAProxy in front, its checks reading PostgreSQL.
command -v haproxy >/dev/null || missing+=(haproxy)
/usr/bin/python3 -c 'import psycopg2' 2>/dev/null || missing+=(python3-psycopg2)
pg_run="${FAMILYPORTAL_TEST_POSTGRESQL_RUN:-beside}"
if [ "$pg_run" != off ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installation des paquets nécessaires aux tests : ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Paquets manquants : ${missing[*]} — installez-les (sudo apt-get install ${missing[*]}) puis relancez." >&2
    exit 1
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Every test portal watches its files through inotify, and the runs go side by side: the default of 128
# watchers per user is not enough. Raised when the machine lets us; otherwise the watchers poll instead.
if [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)" -lt 1024 ]; then
  sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 || true
fi
if [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)" -lt 1024 ]; then
  export DOTNET_USE_POLLING_FILE_WATCHER=true
fi
dotnet tool restore >/dev/null

# The Nu HTML Checker of the browser tests, from npm, kept in the git-ignored .tools/ between runs.
vnu_version=26.9.27
vnu_prefix=".tools/vnu-$vnu_version"
export VNU_JAR="$PWD/$vnu_prefix/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$VNU_JAR" ]; then
  echo "Installation du vérificateur HTML (vnu-jar $vnu_version)"
  npm install --prefix "$vnu_prefix" --no-audit --no-fund --no-save --silent "vnu-jar@$vnu_version"
fi

log="$(mktemp)"
format_log="$(mktemp)"
pg_log="$(mktemp)"
pg_dir=""
cleanup() {
  [ -z "$pg_dir" ] || scripts/postgres-cluster.sh stop "$pg_dir"
  rm -f "$log" "$format_log" "$pg_log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
dotnet build FamilyPortal.sln -v q -nologo

# The PostgreSQL run: the integration project without its SQLite-only tests (database files, SQLite's own locks).
pg_args=()
pg_filter="Database!=SqliteOnly"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[i]}" = --filter ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    pg_filter="(${args[i + 1]})&$pg_filter"
    i=$((i + 1))
  else
    pg_args+=("${args[i]}")
  fi
done
run_postgresql() {
  FAMILYPORTAL_TEST_DATABASE=postgresql FAMILYPORTAL_TEST_POSTGRESQL="$pg_connection" \
    dotnet test tests/FamilyPortal.Tests --no-build --filter "$pg_filter" ${pg_args[@]+"${pg_args[@]}"} >"$pg_log" 2>&1
}
if [ "$pg_run" != off ]; then
  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/familyportal-pg.XXXXXX")"
  pg_connection="$(scripts/postgres-cluster.sh start "$pg_dir")"
fi
set +e
pg_pid=""
pg_status=0
pg_started=$SECONDS
if [ "$pg_run" = beside ]; then
  run_postgresql &
  pg_pid=$!
fi
# The code follows its own .editorconfig: checked while the built tests run, a drift fails the run.
dotnet format FamilyPortal.sln --verify-no-changes -v q >"$format_log" 2>&1 &
format_pid=$!
dotnet test FamilyPortal.sln --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$pg_run" = after ]; then
  pg_started=$SECONDS
  run_postgresql
  pg_status=$?
elif [ -n "$pg_pid" ]; then
  wait "$pg_pid"
  pg_status=$?
fi
if [ "$pg_run" != off ]; then
  echo "=== Tests d'intégration sur PostgreSQL ($((SECONDS - pg_started)) s) ==="
  cat "$pg_log"
  cat "$pg_log" >>"$log"
  [ "$status" -ne 0 ] || status=$pg_status
fi
wait "$format_pid"
format_status=$?
set -e
if [ "$format_status" -ne 0 ]; then
  echo "Le code s'écarte de .editorconfig : lancez « dotnet format FamilyPortal.sln » puis relancez." >&2
  head -20 "$format_log" >&2
  [ "$status" -ne 0 ] || status=$format_status
fi

# One summary line per test project and run: "Passed!  - Failed: 0, Passed: 27, Skipped: 0, ..."
summaries="$(grep -E '^(Passed|Failed)! ' "$log" || true)"
passed=$(printf '%s\n' "$summaries" | grep -oE 'Passed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
failed=$(printf '%s\n' "$summaries" | grep -oE 'Failed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "La construction ou l'exécution des tests a échoué (code $status)." >&2
fi
echo "$passed passed, $failed failed"
exit "$status"
