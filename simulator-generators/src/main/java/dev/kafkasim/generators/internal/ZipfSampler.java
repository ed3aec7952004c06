package dev.kafkasim.generators.internal;

import java.util.SplittableRandom;

/**
 * Draws ranks from 1 to {@code n} with probability proportional to {@code 1 / rank^exponent}. Both ways of drawing
 * are exact: a precomputed cumulative table with binary search for small {@code n}, and rejection-inversion for
 * large {@code n}, where a table would take too much memory.
 *
 * <p>Immutable, so one instance may serve any number of generators.
 */
public abstract class ZipfSampler {
    /** Up to this many ranks, draws use a table of 8 bytes per rank. */
    public static final long TABLE_LIMIT = 1 << 16;

    /** Returns a rank from 1 to {@code n}. */
    public abstract long sample(SplittableRandom random);

    /**
     * Returns a sampler of ranks from 1 to {@code n}: a table for small {@code n}, rejection-inversion otherwise.
     *
     * @param n the largest rank, at least 1
     * @param exponent the exponent, greater than 0
     */
    public static ZipfSampler create(long n, double exponent) {
        return n <= TABLE_LIMIT ? new Table((int) n, exponent) : new RejectionInversion(n, exponent);
    }

    /**
     * Returns a rejection-inversion sampler, whose construction costs O(1) for any {@code n}: for a rank range that
     * grows between draws.
     *
     * @param n the largest rank, at least 1
     * @param exponent the exponent, greater than 0
     */
    public static ZipfSampler rejectionInversion(long n, double exponent) {
        return new RejectionInversion(n, exponent);
    }

    /** Returns the exact probability of a rank, for tests; sums the normalizing constant in O(n). */
    public static double probability(long rank, long n, double exponent) {
        double total = 0;
        for (long k = n; k >= 1; k--) {
            total += Math.pow(k, -exponent);
        }
        return Math.pow(rank, -exponent) / total;
    }

    /** Draws by binary search over the cumulative weights. */
    static final class Table extends ZipfSampler {
        private final double[] cumulative;

        Table(int n, double exponent) {
            cumulative = new double[n];
            double total = 0;
            for (int k = 1; k <= n; k++) {
                total += Math.pow(k, -exponent);
                cumulative[k - 1] = total;
            }
        }

        @Override
        public long sample(SplittableRandom random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            return Sampling.searchCumulative(cumulative, target) + 1;
        }
    }

    /**
     * Draws by rejection-inversion, from W. Hörmann and G. Derflinger, "Rejection-inversion to generate variates
     * from monotone discrete distributions", ACM TOMACS 6 (1996). A continuous hat function whose integral has a
     * closed-form inverse covers the rank weights. Each draw inverts a uniform value through the integral, rounds
     * it to a rank and accepts it with a test that needs no normalizing constant. Most draws are accepted at once.
     */
    static final class RejectionInversion extends ZipfSampler {
        private final long n;
        private final double exponent;
        private final double integralAtOneAndHalf;
        private final double integralAtEnd;
        private final double squeeze;

        RejectionInversion(long n, double exponent) {
            this.n = n;
            this.exponent = exponent;
            this.integralAtOneAndHalf = integral(1.5) - 1;
            this.integralAtEnd = integral(n + 0.5);
            this.squeeze = 2 - inverseIntegral(integral(2.5) - weight(2));
        }

        @Override
        public long sample(SplittableRandom random) {
            while (true) {
                double u = integralAtEnd + random.nextDouble() * (integralAtOneAndHalf - integralAtEnd);
                double x = inverseIntegral(u);
                long k = Math.max(1, Math.min(n, Math.round(x)));
                if (k - x <= squeeze || u >= integral(k + 0.5) - weight(k)) {
                    return k;
                }
            }
        }

        /** Returns the weight {@code x^-exponent} of a rank. */
        private double weight(double x) {
            return Math.exp(-exponent * Math.log(x));
        }

        /** Returns the integral of the hat function {@code x^-exponent} from 1 to {@code x}. */
        private double integral(double x) {
            double logX = Math.log(x);
            return expm1OverX((1 - exponent) * logX) * logX;
        }

        /** Returns the {@code x} at which {@link #integral} equals {@code value}. */
        private double inverseIntegral(double value) {
            double t = value * (1 - exponent);
            if (t < -1) {
                // Rounding can push t just past the pole of log1p; the limit there is the largest rank's edge.
                t = -1;
            }
            return Math.exp(log1pOverX(t) * value);
        }

        /** Returns {@code (e^x - 1) / x}, continuous at 0 where it is 1. */
        private static double expm1OverX(double x) {
            return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x / 2 * (1 + x / 3 * (1 + x / 4));
        }

        /** Returns {@code ln(1 + x) / x}, continuous at 0 where it is 1. */
        private static double log1pOverX(double x) {
            return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - x / 4));
        }
    }
}
