#!/usr/bin/env bash
# Law-library benchmark (issue 2): full import time of the national scope and of --scope all on SQLite and on
# PostgreSQL, law/article counts, a second (no-op) import, app start time and process memory.
# Usage: bench/import-bench.sh [laws-dir]   (needs FARUN_BENCH_POSTGRES="Host=…;Username=…" for the PostgreSQL rows)
set -euo pipefail
cd "$(dirname "$0")/.."
laws=${1:-../shared/data/laws}
out=$(mktemp -d /tmp/farun-bench.XXXXXX)
dotnet publish src/Farun.Web -c Release -o "$out/app" >/dev/null
app="$out/app/Farun.Web.dll"
printf '| provider | scope | import wall s | parse s | write s | max RSS MB | laws | in-force articles | 2nd import s | app start s | app RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|\n'
for provider in Sqlite Postgres; do
  for scope in national all; do
    data="$out/data-$provider-$scope"; mkdir -p "$data"
    export Farun__DataDir="$data" Database__Provider=$provider ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
    if [ $provider = Postgres ]; then
      [ -n "${FARUN_BENCH_POSTGRES:-}" ] || { echo "skip Postgres: FARUN_BENCH_POSTGRES not set" >&2; continue; }
      db="farun_bench_$scope"
      psql "${FARUN_BENCH_PSQL:-postgresql://postgres@127.0.0.1:55432/postgres}" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
      export ConnectionStrings__Farun="$FARUN_BENCH_POSTGRES;Database=$db"
    else
      unset ConnectionStrings__Farun
    fi
    dotnet "$app" db migrate >/dev/null
    /usr/bin/time -f '%e %M' -o "$out/time" dotnet "$app" laws import "$laws" --scope $scope > "$out/import.log" 2>/dev/null
    read -r wall rss < "$out/time"
    parse=$(sed -n 's/^Parse: \([0-9.]*\) s  write: \([0-9.]*\) s/\1/p' "$out/import.log")
    write=$(sed -n 's/^Parse: \([0-9.]*\) s  write: \([0-9.]*\) s/\2/p' "$out/import.log")
    lawsn=$(sed -n 's/^Laws: \([0-9]*\) .*/\1/p' "$out/import.log")
    arts=$(sed -n 's/.*in-force articles: \([0-9]*\) .*/\1/p' "$out/import.log")
    /usr/bin/time -f '%e' -o "$out/time2" dotnet "$app" laws import "$laws" --scope $scope > "$out/import2.log" 2>/dev/null
    second=$(cat "$out/time2")
    grep -q "New laws: 0  new versions: 0" "$out/import2.log" || { echo "second import was not a no-op" >&2; exit 1; }
    # App start: from process start until /health answers.
    port=$((5600 + RANDOM % 300))
    start=$(date +%s.%N)
    Urls="http://127.0.0.1:$port" dotnet "$app" > "$out/app.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.05; done
    ready=$(date +%s.%N)
    curl -sf "http://127.0.0.1:$port/laws" >/dev/null
    appRss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
    kill $pid; wait $pid 2>/dev/null || true
    printf '| %s | %s | %s | %s | %s | %d | %s | %s | %s | %.2f | %d |\n' $provider $scope "$wall" "$parse" "$write" $((rss / 1024)) "$lawsn" "$arts" "$second" "$(echo "$ready - $start" | bc)" "$appRss"
  done
done
rm -rf "$out"
