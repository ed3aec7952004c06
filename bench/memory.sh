#!/usr/bin/env bash
# Runs 10 million records of 10,000 keys with random-walk state into a discarding sink, in virtual time, and prints
# the heap used after a full GC every million records and at the end.
#
# Usage: bench/memory.sh [--records N] [--every N] [--skip-build]
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=1
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records|--every) ARGS+=("$1" "$2"); shift ;;
    --skip-build) BUILD=0 ;;
    *) echo "unknown option: $1; valid: --records N, --every N, --skip-build" >&2; exit 2 ;;
  esac
  shift
done
if [[ $BUILD == 1 ]]; then
  # Offline: a full build (mvn -B -ntp verify) has fetched every dependency before.
  mvn -B -ntp -o -q -pl simulator-benchmarks -am package -DskipTests
fi
echo "load before: $(uptime)"
java -Xms512m -Xmx512m -XX:+UseG1GC -cp "simulator-benchmarks/target/classes:simulator-benchmarks/target/lib/*" \
  dev.kafkasim.benchmarks.MemoryRun "${ARGS[@]}" 2>/dev/null
echo "load after: $(uptime)"
