package dev.kafkasim.generators.testkit;

import java.util.Collection;

/** Sample statistics and chi-square bounds for statistical tests of generators. */
public final class Statistics {
    /** The z-score used for tolerances: a fixed-seed test outside 4 standard errors points to a real bias. */
    public static final double Z = 4.0;

    private Statistics() {}

    /** Returns the mean of numbers. */
    public static double mean(Collection<? extends Number> values) {
        double sum = 0;
        for (Number value : values) {
            sum += value.doubleValue();
        }
        return sum / values.size();
    }

    /** Returns the sample standard deviation of numbers. */
    public static double stddev(Collection<? extends Number> values) {
        double mean = mean(values);
        double sum = 0;
        for (Number value : values) {
            double deviation = value.doubleValue() - mean;
            sum += deviation * deviation;
        }
        return Math.sqrt(sum / (values.size() - 1));
    }

    /** Returns the allowed distance of a sample mean of {@code n} draws from the true mean: 4 standard errors. */
    public static double meanTolerance(double stddev, int n) {
        return Z * stddev / Math.sqrt(n);
    }

    /**
     * Returns the allowed distance of a sample standard deviation from the true one: 4 standard errors, where the
     * standard error is {@code sqrt((kurtosis - 1) / (4 n)) * stddev} (kurtosis 3 for a normal distribution, 1.8
     * for a continuous uniform one).
     */
    public static double stddevTolerance(double stddev, double kurtosis, int n) {
        return Z * stddev * Math.sqrt((kurtosis - 1) / (4.0 * n));
    }

    /** Returns Pearson's chi-square statistic of observed counts against expected probabilities. */
    public static double chiSquare(long[] observed, double[] probabilities) {
        long total = 0;
        for (long count : observed) {
            total += count;
        }
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * probabilities[i];
            double difference = observed[i] - expected;
            statistic += difference * difference / expected;
        }
        return statistic;
    }

    /**
     * Returns the chi-square value that a correct generator exceeds with probability of about 1 in 30,000, for
     * {@code degrees} degrees of freedom, by the Wilson-Hilferty approximation.
     */
    public static double chiSquareCritical(int degrees) {
        double z = 4.0;
        double a = 2.0 / (9.0 * degrees);
        double base = 1 - a + z * Math.sqrt(a);
        return degrees * base * base * base;
    }
}
