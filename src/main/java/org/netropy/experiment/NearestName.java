package org.netropy.experiment;

import java.util.Collection;

/** Suggests the closest valid name for a misspelt one (Levenshtein edit distance). */
public final class NearestName {
    private NearestName() {}

    /** The candidate with the smallest edit distance to {@code name} (ties: first in order), or null if none. */
    public static String nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** "'x' (did you mean 'y'?; allowed: a, b, c)" — the tail of an unknown-name error. */
    public static String suggestion(String name, Collection<String> candidates) {
        String best = nearest(name, candidates);
        return "'" + name + "'" + (best == null ? "" : " (did you mean '" + best + "'?") + "; allowed: "
                + String.join(", ", candidates) + (best == null ? "" : ")");
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
