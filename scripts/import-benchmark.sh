#!/usr/bin/env bash
# Import benchmark (issue #17): a Letterboxd watched.csv of N films, each new to the catalog, imported through the
# development host against the fake TMDB answering after a fixed latency. Prints rows per second beside the bound
# 1.2 × TMDB requests ÷ the configured TMDB rate, and the process's peak resident memory during the import beside
# 200 MB. Not a test: compare its line against docs/operations.md, "Benchmarks".
#
#   scripts/import-benchmark.sh [--rows N] [--titles T] [--latency-ms L] [--rate R]
#
#   --rows        rows of the file (default 5000)
#   --titles      distinct films the rows name (default: one per row); fewer make a diary of rewatches, each row
#                 still a viewing, whose TMDB cost is T films: the memory run is --rows 100000 --titles 1000
#   --latency-ms  the fake TMDB's latency (default 50)
#   --rate        Tmdb__RequestsPerSecond of the host (default 40)
#
# Uses the local services (scripts/services.sh; INFOCUS_* ports and INFOCUS_TEST_* connection variables as for tests).
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS=5000 TITLES=0 LATENCY=50 RATE=40
while (($#)); do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --titles) TITLES=$2; shift 2 ;;
    --latency-ms) LATENCY=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    *) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done

# shellcheck source-path=SCRIPTDIR source=lib/test-benchmark.sh
source "$ROOT_DIR/scripts/lib/test-benchmark.sh"
run_test_benchmark Imports.ImportBenchmark INFOCUS_IMPORT_BENCHMARK_ROWS="$ROWS" INFOCUS_IMPORT_BENCHMARK_TITLES="$TITLES" \
  INFOCUS_IMPORT_BENCHMARK_LATENCY_MS="$LATENCY" INFOCUS_IMPORT_BENCHMARK_RATE="$RATE"
