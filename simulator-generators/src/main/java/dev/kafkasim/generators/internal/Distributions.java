package dev.kafkasim.generators.internal;

import java.util.SplittableRandom;

/** Samplers for distributions that the JDK's random sources do not provide. */
public final class Distributions {
    /** Below this mean, Poisson draws use inversion, whose cost grows with the mean. */
    private static final double POISSON_INVERSION_LIMIT = 30;

    private static final double[] LOG_FACTORIALS = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIALS.length; k++) {
            LOG_FACTORIALS[k] = LOG_FACTORIALS[k - 1] + Math.log(k);
        }
    }

    private Distributions() {}

    /** Returns a draw from the Poisson distribution with the given mean, which must be greater than 0. */
    public static long poisson(SplittableRandom random, double mean) {
        return mean < POISSON_INVERSION_LIMIT ? poissonByInversion(random, mean) : poissonByRejection(random, mean);
    }

    /** Returns {@code ln(k!)}: exact sums below 256, Stirling's series with three correction terms above. */
    public static double logFactorial(long k) {
        if (k < LOG_FACTORIALS.length) {
            return LOG_FACTORIALS[(int) k];
        }
        double x = k;
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        double correction = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + correction;
    }

    /** Searches the cumulative distribution from 0 upwards; expected cost is about {@code mean + 1} steps. */
    private static long poissonByInversion(SplittableRandom random, double mean) {
        double u = random.nextDouble();
        double probability = Math.exp(-mean);
        double cumulative = probability;
        long k = 0;
        while (u > cumulative && probability > 0) {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }
        return k;
    }

    /**
     * Samples by transformed rejection with squeeze (PTRS), from W. Hörmann, "The transformed rejection method for
     * generating Poisson random variables", Insurance: Mathematics and Economics 12 (1993). Valid for means of 10
     * and above; the expected number of uniform pairs per draw is below 1.2.
     */
    private static long poissonByRejection(SplittableRandom random, double mean) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double acceptBound = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= acceptBound) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double logAccept = Math.log(v * inverseAlpha / (a / (us * us) + b));
            if (logAccept <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }
}
