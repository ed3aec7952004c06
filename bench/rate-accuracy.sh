#!/usr/bin/env bash
# Measures how closely kafkasim keeps a constant real-time rate, beside Kafka's ProducerPerformance --throughput at
# the same rates against one embedded broker on 127.0.0.1.
#
# kafkasim: the 100-byte sensor stream on the real-time clock, into a sink that stores System.nanoTime() at each
# send. It prints the achieved rate, its error and the schedule lag (send time minus scheduled time) at p50, p99
# and max. ProducerPerformance: 100-byte records, linger.ms=5, batch.size=65536, acks=1; its throttle reports no
# schedule lag, so the script prints its achieved rate, its error and its send-to-acknowledgement latency.
#
# Usage: bench/rate-accuracy.sh [--seconds N] [--rates 1000,10000,100000] [--skip-build]
set -euo pipefail

cd "$(dirname "$0")/.."
SECONDS_PER_RATE=10
RATES=1000,10000,100000
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_PER_RATE="$2"; shift ;;
    --rates) RATES="$2"; shift ;;
    --skip-build) BUILD=0 ;;
    *) echo "unknown option: $1; valid: --seconds N, --rates R1,R2,..., --skip-build" >&2; exit 2 ;;
  esac
  shift
done

if [[ $BUILD == 1 ]]; then
  # Offline: a full build (mvn -B -ntp verify) has fetched every dependency before.
  mvn -B -ntp -o -q -pl simulator-benchmarks -am package -DskipTests
fi
CP="simulator-benchmarks/target/classes:simulator-benchmarks/target/lib/*"
JAVA_OPTS=(-Xms512m -Xmx512m -XX:+UseG1GC)
echo "load before: $(uptime)"

java "${JAVA_OPTS[@]}" -cp "$CP" dev.kafkasim.benchmarks.RateAccuracy --rates "$RATES" --seconds "$SECONDS_PER_RATE" \
  2>/dev/null

mkdir -p simulator-benchmarks/target
coproc BROKER { exec java -Xms1g -Xmx1g -cp "$CP" dev.kafkasim.benchmarks.BrokerMain 2>simulator-benchmarks/target/broker.log; }
BROKER_PID=$BROKER_PID
stop_broker() {
  exec {BROKER[1]}>&- 2>/dev/null || true
  wait "$BROKER_PID" 2>/dev/null || true
}
trap stop_broker EXIT
read -r BOOTSTRAP <&"${BROKER[0]}"

for rate in ${RATES//,/ }; do
  records=$((rate * SECONDS_PER_RATE))
  java "${JAVA_OPTS[@]}" -cp "$CP" org.apache.kafka.tools.ProducerPerformance \
    --topic "throttle-$rate" --num-records "$records" --record-size 100 --throughput "$rate" \
    --producer-props bootstrap.servers="$BOOTSTRAP" acks=1 linger.ms=5 batch.size=65536 2>/dev/null \
    | awk -v rate="$rate" '/records sent/ {
        gsub(/[(,]/, "");
        achieved = $4;
        error = 100 * (achieved > rate ? achieved - rate : rate - achieved) / rate;
        line = sprintf("ProducerPerformance rate %d achieved %.1f error %.3f%% latency p50 %s ms p99 %s ms max %s ms",
                       rate, achieved, error, $16, $22, $12);
      }
      END { print line }'
done
echo "load after: $(uptime)"
