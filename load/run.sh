#!/usr/bin/env bash
# Opening day, measured: seeds the school year and the parents' accounts, starts the portal as in
# production, measures its ceilings, sends the parents (Locust), checks the database, and writes
# load/work/results.md (see docs/performance.md).
#
#   load/run.sh                                   2,500 parents over 5 minutes (the opening-day scenario)
#   load/run.sh --parents 10000 --duration 600    the aim: 10,000 parents in 10 minutes
#   load/run.sh --parents 10000 --duration 600 --remembered 0.7   with 70 % of them on a remembered device
#   load/run.sh --database postgresql --nodes 2   two portal servers on one PostgreSQL, behind HAProxy
#
# Options: --parents N (2500), --duration SECONDS (300), --think SECONDS (5, mean pause between steps),
# --children N (5000), --accounts N (5000), --configuration Release|Debug (Release), --work FOLDER
# (load/work), --no-ceilings (skip wrk and the hash rate), --ceiling-seconds N (15), --remembered SHARE (0: that
# share of the parents ticked « Rester connecté sur cet appareil » on an earlier day, in a warm-up before the run),
# --ceilings-only (the page weight and the ceilings, without the parents: to compare two commits quickly),
# --database sqlite|postgresql (sqlite: the portal's file; postgresql: a throwaway cluster of
# scripts/postgres-cluster.sh, filled from the same seed), --nodes N (1; more needs postgresql: N portal processes
# behind HAProxy, round robin without stickiness, scripts/load-balancer.sh).
# Exit code 0 when every parent completed without error and every check passed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

parents=2500 duration=300 think=5 children=5000 accounts=5000 configuration=Release
work="$root/load/work" ceilings=1 ceiling_seconds=15 remembered=0 ceilings_only=0 database=sqlite nodes=1
while [ $# -gt 0 ]; do
  case "$1" in
    --parents) parents="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --think) think="$2"; shift ;;
    --children) children="$2"; shift ;;
    --accounts) accounts="$2"; shift ;;
    --configuration) configuration="$2"; shift ;;
    --work) work="$2"; shift ;;
    --no-ceilings) ceilings=0 ;;
    --ceiling-seconds) ceiling_seconds="$2"; shift ;;
    --remembered) remembered="$2"; shift ;;
    --ceilings-only) ceilings_only=1 ;;
    --database) database="$2"; shift ;;
    --nodes) nodes="$2"; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "Option inconnue : $1 (voir --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$database" in
  sqlite|postgresql) ;;
  *) echo "--database : sqlite ou postgresql" >&2; exit 2 ;;
esac
[[ "$nodes" =~ ^[1-9][0-9]?$ ]] || { echo "--nodes : un nombre de serveurs entre 1 et 99" >&2; exit 2; }
if [ "$nodes" -gt 1 ] && [ "$database" = sqlite ]; then
  echo "Plusieurs serveurs partagent une base serveur : ajoutez --database postgresql" >&2
  exit 2
fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"

# The load tools come from the OS packages: Locust (python3-locust) and wrk.
missing=()
command -v locust >/dev/null || missing+=(python3-locust)
[ "$database" = sqlite ] || /usr/bin/python3 -c 'import psycopg2' 2>/dev/null || missing+=(python3-psycopg2)
[ "$ceilings" = 0 ] || command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installation des outils de charge : ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Outils manquants : ${missing[*]} — installez-les (sudo apt-get install ${missing[*]}) puis relancez." >&2
    exit 1
  fi
fi
# Locust's own Python: the helpers use the same interpreter and its requests package.
python="$(head -1 "$(command -v locust)" | sed -n 's/^#! *//p' | cut -d' ' -f1)"
[ -x "$python" ] || python=python3

portals=() samplers=() cluster="" balancer=""
stop_portals() {
  for pid in "${samplers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${portals[@]}"; do { kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; } || true; done
  portals=() samplers=()
}
stop_all() {
  stop_portals
  [ -z "$balancer" ] || scripts/load-balancer.sh stop "$balancer"
  [ -z "$cluster" ] || scripts/postgres-cluster.sh stop "$cluster"
  balancer="" cluster=""
}
trap stop_all EXIT
ulimit -n 65536 2>/dev/null || true

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== [${SECONDS} s] Construction ($configuration)"
dotnet publish src/FamilyPortal.Web -c "$configuration" -o "$work/app" --disable-build-servers -v quiet -nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
dotnet build benchmarks/FamilyPortal.Benchmarks -c "$configuration" --disable-build-servers -v quiet -nologo >>"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
seeder=(dotnet "benchmarks/FamilyPortal.Benchmarks/bin/$configuration/net10.0/FamilyPortal.Benchmarks.dll")

echo "== [${SECONDS} s] Données : $children enfants, $accounts comptes parents"
rm -rf "$work/data" "$work/logs"
rm -f "$work"/samples-*.csv "$work"/{requests.jsonl,journeys.jsonl,samples.csv,check.json,hash.json,weight.json,wrk-home.txt,wrk-grid.txt,wrk-home-cold.txt,wrk-grid-cold.txt,results.md,results.json,cookie.txt,devices.json}
"${seeder[@]}" --seed-load "$work/data" --children "$children" --accounts "$accounts" --parents "$parents" 2>&1 | grep -v ' WRN\] ' || true
[ -f "$work/data/manifest.json" ] || { echo "La création des données a échoué." >&2; exit 1; }
if [ "$ceilings" = 1 ]; then
  echo "== [${SECONDS} s] Plafond des connexions (hachages de mots de passe par seconde)"
  "${seeder[@]}" --hash-rate --seconds 5 --out "$work/hash.json"
fi

wait_health() {
  "$python" - "$1/health" <<'EOF'
import sys, time, urllib.request
for _ in range(120):
    try:
        if urllib.request.urlopen(sys.argv[1], timeout=5).status == 200:
            sys.exit(0)
    except Exception:
        time.sleep(0.5)
sys.exit("the portal did not answer /health")
EOF
}
# Portal server number $1 on port $2, as in production; every server shares the database, the key ring's
# certificate and the mail pickup folder, and logs in a folder of its own.
start_portal() {
  local logs="$work/logs" output="$work/portal.log"
  [ "$nodes" = 1 ] || logs="$work/logs/node$1" output="$work/portal-node$1.log"
  (
    cd "$work/app"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
      App__RequireHttps=false App__PublicBaseUrl="$base" App__LogDirectory="$logs" Diagnostics__ServerTiming=true \
      Database__Provider="$provider" ConnectionStrings__FamilyPortal="$connection" \
      DataProtection__CertificatePath="$work/data/protection-des-cles.pfx" \
      Email__PickupDirectory="$work/data/mail" Security__AdhesionCodeKey="load-scenario-only-adhesion-code-key-0123456789" \
      dotnet FamilyPortal.Web.dll
  ) >"$output" 2>&1 &
  portals+=($!)
}

ports=()
for _ in $(seq "$nodes"); do ports+=("$(scripts/free-port.sh)"); done
if [ "$nodes" = 1 ]; then
  base="http://127.0.0.1:${ports[0]}"
else
  base="http://127.0.0.1:$(scripts/free-port.sh)"
fi
if [ "$database" = postgresql ]; then
  provider=PostgreSql
  rm -rf "$work/pg"
  cluster="$work/pg"
  connection="$(scripts/postgres-cluster.sh start "$cluster");Database=portail"
  database_target="$connection"
  echo "== [${SECONDS} s] PostgreSQL : schéma par les migrations du portail, puis copie des données"
  start_portal 1 "${ports[0]}"
  wait_health "http://127.0.0.1:${ports[0]}"
  stop_portals
  "$python" load/to_postgresql.py "$work/data/portal.db" "$connection"
else
  provider=Sqlite
  connection="Data Source=$work/data/portal.db"
  database_target="$work/data/portal.db"
fi
echo "== [${SECONDS} s] Portail sur $base ($configuration, Kestrel, $provider, $nodes serveur(s), environnement Production)"
for n in $(seq "$nodes"); do start_portal "$n" "${ports[$((n - 1))]}"; done
for port in "${ports[@]}"; do wait_health "http://127.0.0.1:$port"; done
if [ "$nodes" -gt 1 ]; then
  balancer="$work/haproxy"
  rm -rf "$balancer"
  scripts/load-balancer.sh start "$balancer" "${base##*:}" "${ports[@]}" >/dev/null
  wait_health "$base"
fi

echo "== [${SECONDS} s] Poids de la grille"
"$python" load/weigh.py "$base" "$work/data/manifest.json" "$work/weight.json" "$work/cookie.txt"
if [ "$ceilings" = 1 ]; then
  echo "== [${SECONDS} s] Plafond du serveur : wrk, ${ceiling_seconds} s par page"
  grid_url="$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["url"])' "$work/weight.json")"
  home_page=(wrk -t2 -c32 --latency -H "Accept-Encoding: br, gzip" "$base/")
  grid_page=(wrk -t2 -c32 --latency -H "Accept-Encoding: br, gzip" -H "Cookie: $(cat "$work/cookie.txt")"
    -H "X-Forwarded-For: 127.255.255.254" "$base$grid_url")
  # Each page measured twice: from a cold start, then warmed. The runtime compiles a hot method again, optimised,
  # after some seconds of use; the cold figures (the only ones until 06/12/2026) count that compilation too.
  "${home_page[@]}" -d"${ceiling_seconds}s" >"$work/wrk-home-cold.txt"
  "${home_page[@]}" -d"${ceiling_seconds}s" >"$work/wrk-home.txt"
  "${grid_page[@]}" -d"${ceiling_seconds}s" >"$work/wrk-grid-cold.txt"
  "${grid_page[@]}" -d"${ceiling_seconds}s" >"$work/wrk-grid.txt"
  grep -h "Requests/sec" "$work/wrk-home-cold.txt" "$work/wrk-home.txt" "$work/wrk-grid-cold.txt" "$work/wrk-grid.txt"
fi
if [ "$ceilings_only" = 1 ]; then
  "$python" - "$work" <<'EOF'
import os, re, sys
def rate(name):
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", open(os.path.join(sys.argv[1], name)).read()).group(1))
for label, suffix in (("warmed", ""), ("from a cold start", "-cold")):
    home, grid = rate("wrk-home{}.txt".format(suffix)), rate("wrk-grid{}.txt".format(suffix))
    print("week grid, {}: {:.0f} requests/s = {:.0%} of the trivial page's {:.0f}".format(label, grid, grid / home, home))
EOF
  exit 0
fi

if "$python" -c "import sys; sys.exit(0 if float(sys.argv[1]) > 0 else 1)" "$remembered"; then
  echo "== [${SECONDS} s] Appareils mémorisés : $remembered des parents se sont connectés avant, case cochée"
  "$python" load/remember.py "$base" "$work/data/manifest.json" "$remembered" "$parents" "$work/devices.json"
fi

rate="$("$python" -c "print(round($parents / $duration, 4))")"
# A safety net only: the run ends as soon as every parent has finished.
tail=$(( duration > 300 ? duration : 300 ))
run_time=$(( duration + tail + ${think%.*} * 15 ))
echo "== [${SECONDS} s] Locust : $parents parents sur $duration s ($rate par seconde), pauses de $think s en moyenne"
if [ "$nodes" = 1 ]; then
  "$python" load/sampler.py "${portals[0]}" "$work/samples.csv" &
  samplers+=($!)
else
  for n in $(seq "$nodes"); do
    "$python" load/sampler.py "${portals[$((n - 1))]}" "$work/samples-node$n.csv" &
    samplers+=($!)
  done
fi
if [ -n "$cluster" ]; then
  # The database server's own processes (the postmaster and its backends), for its cost per request.
  "$python" load/sampler.py "$(head -1 "$cluster/data/postmaster.pid")" "$work/samples-database.csv" --tree &
  samplers+=($!)
fi
set +e
LOAD_MANIFEST="$work/data/manifest.json" LOAD_OUTPUT="$work" LOAD_PARENTS="$parents" LOAD_DURATION="$duration" LOAD_THINK="$think" \
  LOAD_REMEMBERED="$remembered" LOAD_DEVICES="$work/devices.json" \
  locust -f load/locustfile.py --headless --host "$base" -u "$parents" -r "$rate" --run-time "${run_time}s" \
  --only-summary --loglevel WARNING >"$work/locust.log" 2>&1
set -e
for pid in "${samplers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
samplers=()

echo "== [${SECONDS} s] Courriels : attente de la fin de l'envoi"
"$python" load/check.py --wait-outbox 120 "$database_target" >/dev/null
stop_portals
echo "== [${SECONDS} s] Vérifications"
"$python" load/check.py "$database_target" "$work/data/manifest.json" "$work/journeys.jsonl" "$work/data/mail" "$work/check.json"
stop_all

"$python" - "$work/params.json" "$parents" "$duration" "$think" "$configuration" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$remembered" \
  "$database" "$nodes" <<'EOF'
import datetime, json, os, platform, subprocess, sys
out, parents, duration, think, configuration, commit, remembered, database, nodes = sys.argv[1:10]
memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME=")), platform.system())
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
json.dump({"parents": int(parents), "duration": float(duration), "think": float(think), "configuration": configuration, "commit": commit,
           "remembered": float(remembered), "database": database, "nodes": int(nodes),
           "date": datetime.datetime.now(datetime.timezone.utc).strftime("%d/%m/%Y"),
           "machine": "{} cores ({}), {:.0f} GiB, {}, .NET SDK {}".format(os.cpu_count(), model, memory, os_name, dotnet)},
          open(out, "w"))
EOF
echo
echo "== [${SECONDS} s] Résultats ($work/results.md)"
echo
"$python" load/report.py "$work"
"$python" - "$work/results.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
ok = r["completed"] == r["parents"] and r["request_errors"] == 0 and r["check"].get("ok") and r["nodes"]["ok"]
sys.exit(0 if ok else 1)
EOF
