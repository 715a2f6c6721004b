#!/usr/bin/env bash
# Case spine benchmark: generates cases, measures the workbench queries, then case creation over HTTP on loopback.
#
#   bench/cases-bench.sh sqlite [cases=1000000]
#   bench/cases-bench.sh postgres [cases=1000000]
#     with FARUN_BENCH_POSTGRES (e.g. "Host=127.0.0.1;Port=55432;Username=postgres") and psql's PGHOST/PGPORT/PGUSER
#
# SQLite data goes to a fresh folder under /tmp; PostgreSQL to a fresh database farun_bench (dropped first).
# BENCH_REUSE=1 keeps the data of an earlier run (migrated to the current schema) and skips generation.
# BENCH_SECONDS / BENCH_CONCURRENCY set the HTTP creation run (default 30 s, 16 clients); BENCH_WARMUP seconds of the
# same load run first, unmeasured (default 30: a fresh process spends its first tens of seconds compiling, tens of
# thousands of methods at two tiers, which otherwise counts as CPU per created case).
# With wrk installed (Debian: apt-get install -y wrk) the creation run is repeated from wrk (bench/cases-create.lua).
# Only 127.0.0.1 is ever targeted. Runs nice'd; the app runs in Development (demo accounts, development key file).
# The load average is printed before each step: on a shared machine it says how much CPU the figures had.
set -euo pipefail
cd "$(dirname "$0")/.."
PROVIDER=${1:?sqlite or postgres}; CASES=${2:-1000000}; PORT=5098
DATA=/tmp/farun-bench-$PROVIDER
[ -n "${BENCH_REUSE:-}" ] || rm -rf "$DATA"
mkdir -p "$DATA"
export Farun__DataDir="$DATA" ASPNETCORE_ENVIRONMENT=Development Urls="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning
if [ "$PROVIDER" = postgres ]; then
  [ -n "${BENCH_REUSE:-}" ] || psql -q -d postgres -c "DROP DATABASE IF EXISTS farun_bench" -c "CREATE DATABASE farun_bench"
  export Database__Provider=Postgres ConnectionStrings__Farun="${FARUN_BENCH_POSTGRES};Database=farun_bench"
fi
DLL=src/Farun.Web/bin/Release/net10.0/Farun.Web.dll
# BENCH_NO_BUILD=1 reuses the Release build of an earlier run (e.g. the SQLite run before the PostgreSQL one).
[ -n "${BENCH_NO_BUILD:-}" ] && [ -f "$DLL" ] || dotnet build src/Farun.Web -c Release -v q --nologo >/dev/null
if [ -n "${BENCH_REUSE:-}" ]; then
  echo "== db migrate (reusing the data in $DATA / farun_bench); $(uptime)"
  nice -n 10 dotnet "$DLL" db migrate
else
  echo "== data generate --cases $CASES ($PROVIDER); $(uptime)"
  /usr/bin/time -f "wall %e s, max RSS %M KB" nice -n 10 dotnet "$DLL" data generate --cases "$CASES"
fi
[ "$PROVIDER" = sqlite ] && ls -l "$DATA/farun.db" | awk '{printf "database file: %.0f MB\n", $5/1048576}'
echo "== data bench (queries); $(uptime)"
nice -n 10 dotnet "$DLL" data bench --rounds 200
echo "== HTTP creation"
TOKEN=$(dotnet "$DLL" tokens issue --user hotline --days 1 --name bench | tail -1)
nice -n 10 dotnet "$DLL" & APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/citizen/login" || true)" = 200 ] && break
  sleep 1
done
if [ "${BENCH_WARMUP:-30}" -gt 0 ]; then
  echo "== warm-up, ${BENCH_WARMUP:-30} s (not measured)"
  dotnet "$DLL" data bench --rounds 1 --url "http://127.0.0.1:$PORT" --token "$TOKEN" --seconds "${BENCH_WARMUP:-30}" --concurrency "${BENCH_CONCURRENCY:-16}" | tail -1
fi
echo "== HTTP creation; $(uptime)"
# CPU time the app spends (user + system, from /proc), so the cost per creation can be read whatever the machine's load.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$APP/stat"; }
# Runs a load generator command, prints its summary and the app's CPU time per created case.
measured() {
  local cpu0 cpu1 out created
  cpu0=$(cpu_ms)
  out=$("$@")
  cpu1=$(cpu_ms)
  echo "$out"
  created=$(echo "$out" | sed -n 's/.*: \([0-9]*\) created.*/\1/p')
  [ -n "$created" ] && [ "$created" -gt 0 ] && echo "app CPU time: $((cpu1 - cpu0)) ms for $created cases = $(awk -v t=$((cpu1 - cpu0)) -v n="$created" 'BEGIN {printf "%.1f", t / n}') ms per case"
  return 0
}
dotnet_client() { dotnet "$DLL" data bench --rounds 10 --url "http://127.0.0.1:$PORT" --token "$TOKEN" --seconds "${BENCH_SECONDS:-30}" --concurrency "${BENCH_CONCURRENCY:-16}" | tail -2; }
wrk_client() {
  wrk -t2 -c"${BENCH_CONCURRENCY:-16}" -d"${BENCH_SECONDS:-30}s" --timeout 60s -s bench/cases-create.lua "http://127.0.0.1:$PORT" -- "$TOKEN" "$(( $(date +%s) % 1000000 * 1000 + 500000000 ))" | grep -E "^HTTP POST|^First error"
}
measured dotnet_client
if command -v wrk >/dev/null; then
  # The same requests from wrk (C, one process), which leaves the app more of the two cores than the .NET client.
  echo "== HTTP creation, wrk (bench/cases-create.lua); $(uptime)"
  measured wrk_client
fi
echo "== done; $(uptime)"
