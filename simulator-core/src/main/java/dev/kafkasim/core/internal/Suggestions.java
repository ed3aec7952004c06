package dev.kafkasim.core.internal;

import java.util.Collection;
import java.util.Locale;

/** Finds the closest valid name to a misspelled one, for "did you mean" hints in error messages. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * Returns the candidate closest to {@code input} by edit distance, or {@code null} when none is close enough to
     * be a likely typo: the distance may be at most a third of the longer name, and at least 1, so that short names
     * such as {@code key} are not matched to unrelated ones such as {@code a}.
     *
     * @param input the name as written by the user
     * @param candidates the valid names
     */
    public static String closest(String input, Collection<String> candidates) {
        String prefixMatch = closestByPrefix(input, candidates);
        if (prefixMatch != null) {
            return prefixMatch;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lowered = input.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int distance = editDistance(lowered, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return null;
        }
        int allowed = Math.max(1, Math.max(input.length(), best.length()) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /**
     * Returns the one candidate sharing the longest common prefix (of at least 3 characters) with the input, such
     * as {@code duplicate} for {@code dupe}, or {@code null} when there is none or a tie.
     */
    private static String closestByPrefix(String input, Collection<String> candidates) {
        String lowered = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestLength = 2;
        boolean tie = false;
        for (String candidate : candidates) {
            int length = commonPrefix(lowered, candidate.toLowerCase(Locale.ROOT));
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
                tie = false;
            } else if (length == bestLength && best != null) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static int commonPrefix(String a, String b) {
        int length = 0;
        while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }

    /**
     * Returns "; did you mean 'x'?" for the closest candidate, or an empty string when none is close.
     *
     * @param input the name as written by the user
     * @param candidates the valid names
     */
    public static String didYouMean(String input, Collection<String> candidates) {
        String closest = closest(input, candidates);
        return closest == null ? "" : "; did you mean '" + closest + "'?";
    }

    /** Returns the Levenshtein distance between two strings, counting a swap of neighbours as one edit. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Returns a message for an unknown name: {@code unknown stream 'x'; did you mean 'y'? Known: a, b} with a close
     * match, {@code unknown stream 'x'; expected one of: a, b} without one.
     *
     * @param noun what the name names, such as {@code stream} or {@code sink type}
     * @param value the name as written
     * @param valid the valid names
     */
    public static String unknown(String noun, String value, Collection<String> valid) {
        String names = valid.isEmpty() ? "none" : String.join(", ", valid);
        String closest = closest(value, valid);
        return closest == null
                ? "unknown " + noun + " '" + value + "'; expected one of: " + names
                : "unknown " + noun + " '" + value + "'; did you mean '" + closest + "'? Known: " + names;
    }
}
