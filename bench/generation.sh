#!/usr/bin/env bash
# Measures generation speed with JMH. GeneratorBenchmark gives values per second of each built-in generator. Then
# GenerationRatio runs the whole iot-sensors record through the engine into a discarding sink, beside the
# hand-written 5-field baseline, alternately in separate forks, and prints the medians.
# The last line is: generation-ratio engine X direct Y
#
# Usage: bench/generation.sh [--quick] [--rounds N] [--skip-generators] [--skip-build]
#   --quick  one short round and short generator iterations (about three minutes)
set -euo pipefail

cd "$(dirname "$0")/.."
RATIO_ARGS=()
GENERATORS=1
JMH_ARGS=()
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) RATIO_ARGS+=(--quick); JMH_ARGS+=(-wi 1 -w 1s -i 2 -r 1s) ;;
    --rounds) RATIO_ARGS+=(--rounds "$2"); shift ;;
    --skip-generators) GENERATORS=0 ;;
    --skip-build) BUILD=0 ;;
    *) echo "unknown option: $1; valid: --quick, --rounds N, --skip-generators, --skip-build" >&2; exit 2 ;;
  esac
  shift
done

if [[ $BUILD == 1 ]]; then
  # Offline: a full build (mvn -B -ntp verify) has fetched every dependency before.
  mvn -B -ntp -o -q -pl simulator-benchmarks -am package -DskipTests
fi
CP="simulator-benchmarks/target/classes:simulator-benchmarks/target/lib/*"
echo "load before: $(uptime)"
if [[ $GENERATORS == 1 ]]; then
  java -cp "$CP" org.openjdk.jmh.Main 'dev.kafkasim.benchmarks.GeneratorBenchmark' -f 1 "${JMH_ARGS[@]}" \
    -rf text -rff simulator-benchmarks/target/generators.txt 2>/dev/null | grep -E '^(Benchmark|GeneratorBenchmark)'
fi
java -cp "$CP" dev.kafkasim.benchmarks.GenerationRatio "${RATIO_ARGS[@]}" 2>/dev/null
echo "load after: $(uptime)"
