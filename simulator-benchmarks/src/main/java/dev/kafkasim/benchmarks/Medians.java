package dev.kafkasim.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Medians of measured runs. */
final class Medians {
    private Medians() {}

    /** Returns the median of the values; the mean of the middle two for an even count. */
    static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
