package dev.kafkasim.core.internal.engine;

import dev.kafkasim.core.RateSchedule;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The arrival time of each record of a stream, as an offset from the stream's start in nanoseconds.
 *
 * <p>Record {@code n} of a deterministic schedule arrives at the time {@code t} where the schedule's cumulative
 * count {@code Λ(t) = ∫ rate} reaches {@code n}, so the first record arrives at 0 and the counts per second follow
 * the rate exactly. Poisson arrivals draw exponential gaps from the stream's own random source. Callers ask for
 * indexes in increasing order, one at a time.
 */
abstract class Arrivals {
    private static final double NANOS = 1e9;

    /** Returns the offset of record {@code index}, in nanoseconds; {@code Long.MAX_VALUE} if beyond reach. */
    abstract long offsetNanos(long index);

    static Arrivals of(RateSchedule schedule, SplittableRandom random) {
        if (schedule instanceof RateSchedule.Constant constant) {
            return new Constant(constant.rate().perSecond());
        }
        if (schedule instanceof RateSchedule.Poisson poisson) {
            return new Poisson(poisson.mean().perSecond(), random);
        }
        if (schedule instanceof RateSchedule.Ramp ramp) {
            return new Ramp(ramp.from().perSecond(), ramp.to().perSecond(), seconds(ramp.over()));
        }
        if (schedule instanceof RateSchedule.Steps steps) {
            int n = steps.steps().size();
            double[] rates = new double[n];
            double[] lengths = new double[n];
            for (int i = 0; i < n; i++) {
                rates[i] = steps.steps().get(i).rate().perSecond();
                lengths[i] = seconds(steps.steps().get(i).duration());
            }
            return new Piecewise(rates, lengths, steps.repeat());
        }
        if (schedule instanceof RateSchedule.Bursts bursts) {
            double burst = seconds(bursts.burst());
            return new Piecewise(
                    new double[] {bursts.peak().perSecond(), bursts.base().perSecond()},
                    new double[] {burst, seconds(bursts.period()) - burst},
                    true);
        }
        RateSchedule.Sine sine = (RateSchedule.Sine) schedule;
        return new Sine(sine.mean().perSecond(), sine.amplitude(), seconds(sine.period()), seconds(sine.phase()));
    }

    /** Returns arrivals that continue {@code next} from a point reached by an earlier schedule. */
    static Arrivals rebased(long baseIndex, long baseOffsetNanos, Arrivals next) {
        return new Arrivals() {
            @Override
            long offsetNanos(long index) {
                return saturatedAdd(baseOffsetNanos, next.offsetNanos(index - baseIndex));
            }
        };
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / NANOS;
    }

    static long toNanos(double seconds) {
        double nanos = seconds * NANOS;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(nanos);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static final class Constant extends Arrivals {
        private final double gapNanos;

        Constant(double perSecond) {
            this.gapNanos = NANOS / perSecond;
        }

        @Override
        long offsetNanos(long index) {
            double offset = index * gapNanos;
            return offset >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(offset);
        }
    }

    private static final class Poisson extends Arrivals {
        private final double perSecond;
        private final SplittableRandom random;
        private double seconds;

        Poisson(double perSecond, SplittableRandom random) {
            this.perSecond = perSecond;
            this.random = random;
        }

        @Override
        long offsetNanos(long index) {
            if (index > 0) {
                seconds += -Math.log(1.0 - random.nextDouble()) / perSecond;
            }
            return toNanos(seconds);
        }
    }

    /** Λ(t) = from·t + (to − from)·t² / (2·over) during the ramp, then linear at {@code to}. */
    private static final class Ramp extends Arrivals {
        private final double from;
        private final double to;
        private final double over;
        private final double slope;
        private final double countAtEnd;

        Ramp(double from, double to, double over) {
            this.from = from;
            this.to = to;
            this.over = over;
            this.slope = (to - from) / over;
            this.countAtEnd = (from + to) / 2 * over;
        }

        @Override
        long offsetNanos(long index) {
            double n = index;
            if (n >= countAtEnd) {
                return toNanos(over + (n - countAtEnd) / to);
            }
            if (Math.abs(slope) < 1e-12) {
                return toNanos(n / from);
            }
            // The stable root of slope/2·t² + from·t − n = 0.
            double t = 2 * n / (from + Math.sqrt(from * from + 2 * slope * n));
            return toNanos(t);
        }
    }

    /** Constant rates over consecutive lengths of time, optionally repeating. */
    private static final class Piecewise extends Arrivals {
        private final double[] rates;
        private final double[] lengths;
        private final double[] countBefore;
        private final double cycleCount;
        private final double cycleLength;
        private final boolean repeat;

        Piecewise(double[] rates, double[] lengths, boolean repeat) {
            this.rates = rates;
            this.lengths = lengths;
            this.repeat = repeat;
            this.countBefore = new double[rates.length];
            double count = 0;
            double length = 0;
            for (int i = 0; i < rates.length; i++) {
                countBefore[i] = count;
                count += rates[i] * lengths[i];
                length += lengths[i];
            }
            this.cycleCount = count;
            this.cycleLength = length;
        }

        @Override
        long offsetNanos(long index) {
            double n = index;
            double cycles = 0;
            if (repeat) {
                cycles = Math.floor(n / cycleCount);
                n -= cycles * cycleCount;
            } else if (n >= cycleCount) {
                int last = rates.length - 1;
                return toNanos(cycleLength + (n - cycleCount) / rates[last]);
            }
            double start = 0;
            for (int i = 0; i < rates.length; i++) {
                double segmentCount = rates[i] * lengths[i];
                if (n < countBefore[i] + segmentCount) {
                    return toNanos(cycles * cycleLength + start + (n - countBefore[i]) / rates[i]);
                }
                start += lengths[i];
            }
            return toNanos((cycles + 1) * cycleLength);
        }
    }

    /** Λ(t) = mean·t − amplitude·period/(2π)·(cos(ω(t + phase)) − cos(ω·phase)), inverted by safeguarded Newton. */
    private static final class Sine extends Arrivals {
        private final double mean;
        private final double amplitude;
        private final double omega;
        private final double phase;
        private final double scale;
        private double previous;

        Sine(double mean, double amplitude, double period, double phase) {
            this.mean = mean;
            this.amplitude = amplitude;
            this.omega = 2 * Math.PI / period;
            this.phase = phase;
            this.scale = amplitude / omega;
        }

        private double count(double t) {
            return mean * t - scale * (Math.cos(omega * (t + phase)) - Math.cos(omega * phase));
        }

        private double rate(double t) {
            return Math.max(0, mean + amplitude * Math.sin(omega * (t + phase)));
        }

        @Override
        long offsetNanos(long index) {
            if (index == 0) {
                previous = 0;
                return 0;
            }
            double target = index;
            double low = previous;
            double high = previous + 1 / mean;
            while (count(high) < target) {
                high = previous + 2 * (high - previous);
            }
            double t = Math.min(high, Math.max(low, previous + 1 / Math.max(rate(previous), mean * 1e-3)));
            for (int i = 0; i < 100 && high - low > 1e-10; i++) {
                double value = count(t) - target;
                if (value < 0) {
                    low = t;
                } else {
                    high = t;
                }
                double slope = rate(t);
                double next = slope > 0 ? t - value / slope : Double.NaN;
                t = next > low && next < high ? next : (low + high) / 2;
                if (Math.abs(value) < 1e-9) {
                    break;
                }
            }
            previous = t;
            return toNanos(t);
        }
    }
}
