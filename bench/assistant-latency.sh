#!/usr/bin/env bash
# Latency of the legal assistant's default answer (no language model), in process, on the national corpus.
# Usage: bench/assistant-latency.sh [laws-dir] [stard-train.json]
# Defaults read the shared data beside the repository (never copied into it). JSON results go to $FARUN_BENCH_OUT (/tmp).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
laws="${1:-$here/../shared/data/laws}"
queries="${2:-$here/../shared/data/stard/queries.train.json}"
index_dir="${FARUN_BENCH_INDEX_DIR:-/tmp/farun-assistant-bench-index}"
cd "$here"
dotnet build src/Farun.Web -c Release -v q -nologo >/dev/null
# Production configuration: the retrieval model learns from the labelled questions (here the same STARD train set).
dotnet src/Farun.Web/bin/Release/net10.0/Farun.Web.dll assistant bench --laws "$laws" --queries "$queries" --train "$queries" \
  --index-dir "$index_dir" --passes "${FARUN_BENCH_PASSES:-2}" --json "${FARUN_BENCH_OUT:-/tmp}/assistant-latency.json"
# Untrained (fresh installation without labelled questions): BM25 sum over the analyzers, no ranker.
dotnet src/Farun.Web/bin/Release/net10.0/Farun.Web.dll assistant bench --laws "$laws" --queries "$queries" \
  --index-dir "$index_dir" --passes "${FARUN_BENCH_PASSES:-2}" --json "${FARUN_BENCH_OUT:-/tmp}/assistant-latency-untrained.json"
