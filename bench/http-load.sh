#!/usr/bin/env bash
# Loopback HTTP load test of GET /api/search with wrk (Debian: apt-get install -y wrk).
# Imports the law tree into a throwaway SQLite data folder (which builds the search index and, with a training
# file, trains the ranker), starts the app on 127.0.0.1 and replays the questions of a STARD-format file.
#
#   bench/http-load.sh <laws-dir> <queries.json> [train.json] [duration=30s] [connections=8]
#
# Only 127.0.0.1 is ever targeted; wrk stops by itself after the duration.
set -euo pipefail
cd "$(dirname "$0")/.."
LAWS=$(realpath "$1"); QUERIES=$(realpath "$2"); TRAIN=${3:+$(realpath "$3")}; DURATION=${4:-30s}; CONNECTIONS=${5:-8}
PORT=5099
DATA=$(mktemp -d /tmp/farun-load.XXXXXX)
export Farun__DataDir="$DATA" ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$PORT" Farun__SeedDemoData=false
[ -n "$TRAIN" ] && export Farun__Search__TrainingQuestions="$TRAIN"
# Production refuses to start without personal-data keys: throwaway keys for this throwaway data folder.
export Farun__PersonalData__ActiveKeyId=bench Farun__PersonalData__Keys__bench="$(openssl rand -base64 32)" \
  Farun__PersonalData__BlindIndexKey="$(openssl rand -base64 32)"
dotnet build src/Farun.Web -c Release -v q --nologo >/dev/null
DLL=src/Farun.Web/bin/Release/net10.0/Farun.Web.dll
dotnet "$DLL" laws import "$LAWS"            # imports, then builds the search index (and trains with a train file)
dotnet "$DLL" & APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 300); do
  [ "$(curl -s "http://127.0.0.1:$PORT/health" || true)" = "Healthy" ] && break
  kill -0 $APP 2>/dev/null || { echo "the app exited before it was healthy" >&2; exit 1; }
  sleep 1
done
python3 - "$QUERIES" > "$DATA/paths.txt" <<'PY'
import json, sys, urllib.parse
for q in json.load(open(sys.argv[1], encoding="utf-8")):
    print("/api/search?top=10&q=" + urllib.parse.quote(q["问题"][:500]))
PY
curl -s -o /dev/null -w "first request: %{http_code} in %{time_total}s\n" "http://127.0.0.1:$PORT$(head -1 "$DATA/paths.txt")"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/search.lua "http://127.0.0.1:$PORT" -- "$DATA/paths.txt"
ps -o rss= -p $APP | awk '{printf "app resident memory: %.0f MB\n", $1/1024}'
