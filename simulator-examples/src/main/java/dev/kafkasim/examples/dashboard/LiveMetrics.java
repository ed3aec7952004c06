package dev.kafkasim.examples.dashboard;

import dev.kafkasim.core.SimulatorMetrics;
import dev.kafkasim.examples.dashboard.DashboardStatus.Latency;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one run, read for the page: the engine's achieved rate per stream, the Kafka sink's send latency
 * and the delivery verifier's end-to-end latency. The engine, its sinks and the verifier register them in
 * {@link #registry()} and remove them when they close, so the latencies keep their last values for the page.
 */
final class LiveMetrics {
    /**
     * How far back the latency percentiles look. Micrometer's default of two minutes would hide a change of rate or
     * load from the chart for that long.
     */
    static final Duration LATENCY_WINDOW = Duration.ofSeconds(10);

    static final String END_TO_END = "end-to-end";
    static final String SEND = "send";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private volatile Latency lastEndToEnd = empty(END_TO_END);
    private volatile Latency lastSend = empty(SEND);

    LiveMetrics() {
        registry.config().meterFilter(recentPercentiles());
    }

    /** Returns the registry to give the engine and the verifier. */
    MeterRegistry registry() {
        return registry;
    }

    /** Returns the records a stream sent during the last second, or 0 once the engine has removed its meters. */
    double achievedRate(String stream) {
        Gauge gauge = registry.find(SimulatorMetrics.RATE_ACHIEVED)
                .tag(SimulatorMetrics.STREAM_TAG, stream)
                .gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** Returns the end-to-end latency over the last {@link #LATENCY_WINDOW}, as the verifier measured it. */
    Latency endToEndLatency() {
        Latency latest = latency(SimulatorMetrics.END_TO_END_LATENCY, END_TO_END);
        if (latest != null) {
            lastEndToEnd = latest;
        }
        return lastEndToEnd;
    }

    /** Returns the time from send to acknowledgement over the last {@link #LATENCY_WINDOW}. */
    Latency sendLatency() {
        Latency latest = latency(SimulatorMetrics.SEND_LATENCY, SEND);
        if (latest != null) {
            lastSend = latest;
        }
        return lastSend;
    }

    /** Keeps the latest latencies before the engine and the verifier close and remove their meters. */
    void keepLatest() {
        endToEndLatency();
        sendLatency();
    }

    /**
     * Returns the highest of the streams' percentiles of a timer, in milliseconds, or {@code null} when no stream
     * has registered the timer.
     */
    private Latency latency(String timerName, String source) {
        Collection<Timer> timers = registry.find(timerName).timers();
        if (timers.isEmpty()) {
            return null;
        }
        double p50 = 0;
        double p95 = 0;
        double p99 = 0;
        long count = 0;
        for (Timer timer : timers) {
            count += timer.count();
            for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                double millis = value.value(TimeUnit.MILLISECONDS);
                if (value.percentile() == 0.5) {
                    p50 = Math.max(p50, millis);
                } else if (value.percentile() == 0.95) {
                    p95 = Math.max(p95, millis);
                } else if (value.percentile() == 0.99) {
                    p99 = Math.max(p99, millis);
                }
            }
        }
        return new Latency(source, p50, p95, p99, count);
    }

    private static Latency empty(String source) {
        return new Latency(source, 0, 0, 0, 0);
    }

    /** Shortens the window of every timer's percentiles to {@link #LATENCY_WINDOW}, in two rotating buffers. */
    private static MeterFilter recentPercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder()
                        .expiry(LATENCY_WINDOW)
                        .bufferLength(2)
                        .build()
                        .merge(config);
            }
        };
    }
}
