#!/usr/bin/env bash
# Compares kafkasim's Kafka sink with Kafka's own ProducerPerformance against one embedded broker on 127.0.0.1:
# 100-byte values without keys or headers, linger.ms=5, batch.size=65536, one single-partition topic per run, for
# acks=1 and acks=all. kafkasim's sink runs with kafkasim-headers = false unless --with-headers is given, because
# its four headers (about 110 bytes) would double the size of each record.
# After a warm-up pair, it runs the two alternately, each in its own JVM, and swaps which goes first every round.
# It prints records/s, MB/s and CPU time per million records of every run. Then it prints the medians and the
# ratio kafkasim / ProducerPerformance of the median records/s.
# The last line is: kafka-sink-ratio acks=1 X acks=all Y
#
# Usage: bench/kafka-sink.sh [--quick] [--records N] [--pairs N] [--acks "1 all"] [--with-headers] [--skip-build]
#   --quick  300,000 records and one pair per acks setting (under two minutes)
set -euo pipefail

cd "$(dirname "$0")/.."
RECORDS=2000000
PAIRS=3
WARMUP_RECORDS=500000
BUILD=1
HEADERS=false
ACKS_LIST="1 all"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) RECORDS=300000; PAIRS=1; WARMUP_RECORDS=100000 ;;
    --records) RECORDS="$2"; shift ;;
    --pairs) PAIRS="$2"; shift ;;
    --acks) ACKS_LIST="$2"; shift ;;
    --with-headers) HEADERS=true ;;
    --skip-build) BUILD=0 ;;
    *) echo "unknown option: $1; valid: --quick, --records N, --pairs N, --acks LIST, --with-headers, --skip-build" >&2
       exit 2 ;;
  esac
  shift
done

if [[ $BUILD == 1 ]]; then
  # Offline: a full build (mvn -B -ntp verify) has fetched every dependency before.
  mvn -B -ntp -o -q -pl simulator-benchmarks -am package -DskipTests
fi
CP="simulator-benchmarks/target/classes:simulator-benchmarks/target/lib/*"
JAVA_OPTS=(-Xms512m -Xmx512m -XX:+UseG1GC)

mkdir -p simulator-benchmarks/target
TMP=$(mktemp -d)
coproc BROKER { exec java -Xms1g -Xmx1g -cp "$CP" dev.kafkasim.benchmarks.BrokerMain 2>simulator-benchmarks/target/broker.log; }
BROKER_PID=$BROKER_PID
stop_broker() {
  exec {BROKER[1]}>&- 2>/dev/null || true
  wait "$BROKER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap stop_broker EXIT
read -r BOOTSTRAP <&"${BROKER[0]}"
echo "broker at $BOOTSTRAP; $RECORDS records per run, $PAIRS pair(s) per acks setting, kafkasim headers $HEADERS;" \
  "load: $(uptime)"

RUN=0
TIMEFORMAT='%U %S'
# Runs a command that prints ProducerPerformance's summary line, and prints "records/s MB/s CPU". CPU is the JVM's
# user plus system CPU time in seconds per million records, start-up included.
measure() {
  local records=$1 cpu
  shift
  cpu=$({ time "$@" 2>/dev/null >"$TMP/run.out"; } 2>&1)
  awk -v records="$records" -v cpu="$cpu" '
    /records sent/ { gsub(/[(,]/, ""); rate = $4; mb = $6 }
    END { split(cpu, t, " "); printf "%s %s %.2f\n", rate, mb, (t[1] + t[2]) * 1e6 / records }' "$TMP/run.out"
}

producer_perf() {
  local acks=$1 records=$2
  RUN=$((RUN + 1))
  measure "$records" java "${JAVA_OPTS[@]}" -cp "$CP" org.apache.kafka.tools.ProducerPerformance \
    --topic "pp-$acks-$RUN" --num-records "$records" --record-size 100 --throughput -1 \
    --producer-props bootstrap.servers="$BOOTSTRAP" acks="$acks" linger.ms=5 batch.size=65536
}

kafkasim() {
  local acks=$1 records=$2
  RUN=$((RUN + 1))
  measure "$records" java "${JAVA_OPTS[@]}" -cp "$CP" dev.kafkasim.benchmarks.KafkaSinkRun \
    --bootstrap-servers "$BOOTSTRAP" --topic "ks-$acks-$RUN" --records "$records" --acks "$acks" \
    --kafkasim-headers "$HEADERS"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "warm-up (not counted): ProducerPerformance $(producer_perf 1 "$WARMUP_RECORDS"), kafkasim $(kafkasim 1 "$WARMUP_RECORDS")"

declare -A RATIO
for acks in $ACKS_LIST; do
  PP_RATES=(); KS_RATES=(); PP_CPU=(); KS_CPU=()
  for ((pair = 1; pair <= PAIRS; pair++)); do
    if ((pair % 2 == 1)); then order=(pp ks); else order=(ks pp); fi
    for tool in "${order[@]}"; do
      if [[ $tool == pp ]]; then
        read -r rate mb cpu <<<"$(producer_perf "$acks" "$RECORDS")"
        PP_RATES+=("$rate"); PP_CPU+=("$cpu"); name=ProducerPerformance
      else
        read -r rate mb cpu <<<"$(kafkasim "$acks" "$RECORDS")"
        KS_RATES+=("$rate"); KS_CPU+=("$cpu"); name=kafkasim
      fi
      printf 'acks=%-3s pair %d %-19s %12.1f records/s %8.2f MB/s %7.2f CPU s per million records\n' \
        "$acks" "$pair" "$name" "$rate" "$mb" "$cpu"
    done
  done
  pp_median=$(printf '%s\n' "${PP_RATES[@]}" | median)
  ks_median=$(printf '%s\n' "${KS_RATES[@]}" | median)
  RATIO[$acks]=$(awk -v k="$ks_median" -v p="$pp_median" 'BEGIN { printf "%.3f", k / p }')
  printf 'acks=%-3s median ProducerPerformance %.1f records/s %s CPU s/M, kafkasim %.1f records/s %s CPU s/M, ratio %s\n' \
    "$acks" "$pp_median" "$(printf '%s\n' "${PP_CPU[@]}" | median)" "$ks_median" \
    "$(printf '%s\n' "${KS_CPU[@]}" | median)" "${RATIO[$acks]}"
done
echo "load after: $(uptime)"
echo "kafka-sink-ratio acks=1 ${RATIO[1]:-none} acks=all ${RATIO[all]:-none}"
