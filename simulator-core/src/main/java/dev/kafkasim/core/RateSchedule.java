package dev.kafkasim.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A stream's rate as a function of event time. {@code rate} is always the stream's total rate.
 *
 * <p>In HOCON, {@code rate = 500/s} declares a {@link Constant} rate; a block declares the others:
 *
 * <pre>{@code
 * rate { type = ramp, from = 10/s, to = 1000/s, over = 5m }
 * rate { type = steps, steps = [{ rate = 100/s, duration = 1m }, { rate = 800/s, duration = 30s }] }
 * rate { type = bursts, base = 100/s, peak = 5000/s, period = 1m, burst = 5s }
 * rate { type = poisson, mean = 200/s }
 * rate { type = sine, mean = 500/s, amplitude = 400/s, period = 24h, phase = 0s }
 * }</pre>
 */
public sealed interface RateSchedule
        permits RateSchedule.Constant,
                RateSchedule.Ramp,
                RateSchedule.Steps,
                RateSchedule.Bursts,
                RateSchedule.Poisson,
                RateSchedule.Sine {

    /**
     * Returns the rate in records per second at an offset from the start of the schedule.
     *
     * @param offset the event-time offset from the stream's start
     */
    double perSecondAt(Duration offset);

    /** Returns the rate at the start of the schedule. */
    default Rate initialRate() {
        return Rate.perSecond(Math.max(perSecondAt(Duration.ZERO), Double.MIN_NORMAL));
    }

    /**
     * The same rate throughout: record {@code n} arrives at {@code n / rate}.
     *
     * @param rate the rate
     */
    record Constant(Rate rate) implements RateSchedule {
        /** Creates the schedule. */
        public Constant {
            Objects.requireNonNull(rate, "rate");
        }

        @Override
        public double perSecondAt(Duration offset) {
            return rate.perSecond();
        }
    }

    /**
     * A rate that changes linearly from {@code from} to {@code to} over a duration, then stays at {@code to}.
     *
     * @param from the rate at the start
     * @param to the rate at the end of the ramp and after it
     * @param over the length of the ramp
     */
    record Ramp(Rate from, Rate to, Duration over) implements RateSchedule {
        /** Creates the schedule. */
        public Ramp {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(over, "over");
        }

        @Override
        public double perSecondAt(Duration offset) {
            double fraction = Math.min(1.0, seconds(offset) / seconds(over));
            return from.perSecond() + (to.perSecond() - from.perSecond()) * fraction;
        }
    }

    /**
     * A sequence of constant rates, each for a duration; after the last step the sequence starts again when
     * {@code repeat} is true, and the last rate stays otherwise.
     *
     * @param steps the steps in order, at least one
     * @param repeat whether the sequence repeats
     */
    record Steps(List<Step> steps, boolean repeat) implements RateSchedule {
        /** Creates the schedule. */
        public Steps {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a steps schedule needs at least one step");
            }
        }

        @Override
        public double perSecondAt(Duration offset) {
            double t = seconds(offset);
            double total = 0;
            for (Step step : steps) {
                total += seconds(step.duration());
            }
            if (repeat && total > 0) {
                t = t % total;
            }
            for (Step step : steps) {
                double length = seconds(step.duration());
                if (t < length) {
                    return step.rate().perSecond();
                }
                t -= length;
            }
            return steps.get(steps.size() - 1).rate().perSecond();
        }
    }

    /**
     * One step of a {@link Steps} schedule.
     *
     * @param rate the rate during the step
     * @param duration the length of the step, greater than 0
     */
    record Step(Rate rate, Duration duration) {
        /** Creates the step. */
        public Step {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * A base rate with a burst at the peak rate at the start of every period.
     *
     * @param base the rate between bursts
     * @param peak the rate during a burst
     * @param period the time from the start of one burst to the start of the next
     * @param burst the length of each burst, shorter than the period
     */
    record Bursts(Rate base, Rate peak, Duration period, Duration burst) implements RateSchedule {
        /** Creates the schedule. */
        public Bursts {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(peak, "peak");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(burst, "burst");
        }

        @Override
        public double perSecondAt(Duration offset) {
            double inPeriod = seconds(offset) % seconds(period);
            return inPeriod < seconds(burst) ? peak.perSecond() : base.perSecond();
        }
    }

    /**
     * Poisson arrivals: gaps drawn from an exponential distribution with the given mean rate, from the stream's
     * own split of the seed.
     *
     * @param mean the mean rate
     */
    record Poisson(Rate mean) implements RateSchedule {
        /** Creates the schedule. */
        public Poisson {
            Objects.requireNonNull(mean, "mean");
        }

        @Override
        public double perSecondAt(Duration offset) {
            return mean.perSecond();
        }
    }

    /**
     * A rate that follows a sine wave: {@code mean + amplitude * sin(2 pi t / period + phase)}, for daily cycles.
     *
     * @param mean the mean rate
     * @param amplitude the amplitude in records per second, at most the mean
     * @param period the length of one cycle
     * @param phase the shift of the cycle, as a time within the period
     */
    record Sine(Rate mean, double amplitude, Duration period, Duration phase) implements RateSchedule {
        /** Creates the schedule. */
        public Sine {
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(phase, "phase");
        }

        @Override
        public double perSecondAt(Duration offset) {
            double angle = 2 * Math.PI * (seconds(offset) + seconds(phase)) / seconds(period);
            return Math.max(0, mean.perSecond() + amplitude * Math.sin(angle));
        }
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
