package dev.multidb.internal.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the candidate a mistyped name was probably meant to be, for "Did you mean ...?" hints.
 *
 * <p>Why Levenshtein with a tight threshold: a wrong suggestion is worse than none, because the user
 * follows it. A candidate counts only when it is within {@code max(2, length / 3)} edits of the input
 * and the edit is not a complete rewrite (fewer edits than the shorter of the two has characters).
 * Case is ignored when measuring, so {@code maximumpoolsize} finds {@code maximumPoolSize}.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * The closest candidate to {@code input}, if one is close enough. Ties go to the candidate that
     * sorts first, so the answer does not depend on the order of {@code candidates}.
     *
     * @param input      what the user wrote
     * @param candidates the valid names
     * @return the candidate, spelled as in {@code candidates}, or empty when none is close
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        if (input == null || candidates == null) {
            return Optional.empty();
        }
        String lowerInput = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, input.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            int distance = distance(lowerInput, candidate.toLowerCase(Locale.ROOT));
            boolean close = distance <= limit
                    && (distance == 0 || distance < Math.min(input.length(), candidate.length()));
            boolean better = distance < bestDistance
                    || (distance == bestDistance && best != null && candidate.compareTo(best) < 0);
            if (close && better) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Levenshtein distance: insertions, deletions and substitutions, each costing one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
