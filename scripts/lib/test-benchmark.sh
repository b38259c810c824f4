# shellcheck shell=bash
# Runs one benchmark of the end-to-end tests (a [BenchmarkFact], which its variables enable) in Release against the
# local services, and prints its BENCHMARK line. Source it; needs ROOT_DIR.
#
#   run_test_benchmark <test class, e.g. Media.ProviderRefreshBenchmark> VARIABLE=value...
run_test_benchmark() {
  local test=$1
  shift
  "$ROOT_DIR/scripts/services.sh" start >/dev/null
  dotnet build "$ROOT_DIR/tests/InFocus.EndToEnd.Tests" -c Release -v q >/dev/null
  env "$@" dotnet test "$ROOT_DIR/tests/InFocus.EndToEnd.Tests" -c Release --no-build \
    --filter "FullyQualifiedName~$test" --logger "console;verbosity=detailed" | grep -o 'BENCHMARK .*'
}
