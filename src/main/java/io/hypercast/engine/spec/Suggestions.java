package io.hypercast.engine.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for misspelt keys and names. Used by the spec reader and the model kinds so
 * that every unknown name is answered the same way.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known name closest to {@code given} (case-insensitive edit distance), if it is close
     * enough to be a plausible typo: at most a third of the longer name's length, and at most 3 edits.
     */
    public static Optional<String> closest(String given, Collection<String> known) {
        if (given == null || given.isEmpty()) {
            return Optional.empty();
        }
        String g = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(g, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.min(3, Math.max(1, Math.max(g.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or the empty string, ready to append to a message. */
    public static String didYouMean(String given, Collection<String> known) {
        return closest(given, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions (a common typo). */
    static int distance(String a, String b) {
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
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
