#!/usr/bin/env bash
# Measures each stage alone, the machine's bound for an order, the pipeline's maximum sustained rate and its
# latencies below it, in one run on this machine, and writes docs/benchmarks.md (keeping its hand-written part),
# docs/benchmarks.json and docs/benchmarks-latency.png. Starts its own local stack and services on free ports,
# and stops them at the end. Run it on a quiet machine: every other process takes CPU from the figures.
#
#   ./run-benchmarks.sh            the full run (20 s phases, 100,000-order backlogs, each stage three times; about 30 minutes)
#   ./run-benchmarks.sh --quick    a short smoke run (5 s phases, 10,000-order backlogs)
#   ./run-benchmarks.sh --formats  only the record formats compared: the JSON envelope against Avro with the schema
#                                  registry, bytes per order and drains side by side (docs/benchmarks-formats.md)
#   options: --records N  --seconds S  --trials T (at most T rates tried for the maximum)
#   --rebuild                      rebuild the jars first
set -euo pipefail
cd "$(dirname "$0")"

rebuild=false args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

source launchers/built.sh
bench_jar="benchmarks/target/benchmarks-$version.jar"
built -- benchmarks/target/lib "$bench_jar" connect-plugins/target/plugins "$order_jar" \
  "$catalog_jar"

exec java -Xmx1g -cp "$bench_jar:benchmarks/target/lib/*" io.github.ordersync.benchmarks.Benchmarks \
  "$order_jar" "$catalog_jar" ${args[@]+"${args[@]}"}
