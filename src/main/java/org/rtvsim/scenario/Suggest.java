package org.rtvsim.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Finds the known names nearest to a misspelt one by Levenshtein edit distance, for "did you mean" hints. */
final class Suggest {
    private Suggest() {
    }

    /** The nearest name, or null when nothing is within a plausible distance. */
    static String nearest(String word, Collection<String> known) {
        List<String> n = nearest(word, known, 1);
        return n.isEmpty() ? null : n.get(0);
    }

    /** Up to {@code max} names ordered by distance, keeping only plausible ones (distance ≤ max(2, len/2)). */
    static List<String> nearest(String word, Collection<String> known, int max) {
        int limit = Math.max(2, word.length() / 2);
        return known.stream()
                .filter(k -> distance(word, k) <= limit)
                .sorted(Comparator.comparingInt((String k) -> distance(word, k)).thenComparing(k -> k))
                .limit(max)
                .toList();
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int sub = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }

    /** "; did you mean 'x'?" or "" when there is no near name. */
    static String hint(String word, Collection<String> known) {
        String n = nearest(word, known);
        return n == null ? "" : "; did you mean '" + n + "'?";
    }
}
