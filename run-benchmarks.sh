#!/usr/bin/env bash
# Measures the pipeline against its physical limits in one run on this machine and writes
# docs/benchmarks.md, docs/benchmarks.json and docs/benchmarks-latency.png. Starts its own local stack and
# services on free ports, and stops them at the end.
#
#   ./run-benchmarks.sh            the full run (60 s phases, 100,000-record backlogs)
#   ./run-benchmarks.sh --quick    a short smoke run of a few minutes
#   options: --records N  --seconds S  --rate R (orders/s of the latency phase)  --trials T (rates tried for the max)
#   --rebuild                      rebuild the jars first
set -euo pipefail
cd "$(dirname "$0")"

rebuild=false args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

source launchers/built.sh
bench_jar="benchmarks/target/benchmarks-$version.jar"
built -- benchmarks/target/lib "$bench_jar" connect-plugins/target/plugins "$order_jar" \
  "$catalog_jar"

exec java -Xmx1g -cp "$bench_jar:benchmarks/target/lib/*" io.github.ordersync.benchmarks.Benchmarks \
  "$order_jar" "$catalog_jar" ${args[@]+"${args[@]}"}
