package org.netropy.compare;

import java.util.Map;
import java.util.TreeMap;
import org.netropy.connectivity.NeuronTable;

/**
 * Binary gain patterns: the populations of THEORY §3/§5. A neuron's pattern is the string of
 * {@code 1}s (gain ≥ threshold, the unit is "on" in that context) and {@code 0}s, context 1 first,
 * e.g. {@code "10"} = active in context 1 only.
 */
public final class GainPatterns {
    private GainPatterns() {}

    /** The pattern of one gain vector: '1' where {@code gain_k >= threshold}. */
    public static String of(double[] gains, double threshold) {
        StringBuilder sb = new StringBuilder(gains.length);
        for (double g : gains) {
            sb.append(g >= threshold ? '1' : '0');
        }
        return sb.toString();
    }

    /** The pattern of every neuron. */
    public static String[] of(NeuronTable table, double threshold) {
        String[] out = new String[table.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(table.gain()[i], threshold);
        }
        return out;
    }

    /** Empirical fraction of each pattern present (keys sorted). */
    public static Map<String, Double> fractions(String[] patterns) {
        Map<String, Double> counts = new TreeMap<>();
        for (String p : patterns) {
            counts.merge(p, 1.0, Double::sum);
        }
        counts.replaceAll((k, c) -> c / patterns.length);
        return counts;
    }

    /**
     * Fraction of neurons whose pattern changes between the low and the high threshold, i.e. with
     * at least one gain in {@code [low, high)}: these are the neurons a threshold choice decides.
     */
    public static double ambiguousFraction(NeuronTable table, double low, double high) {
        int ambiguous = 0;
        for (double[] g : table.gain()) {
            if (!of(g, low).equals(of(g, high))) {
                ambiguous++;
            }
        }
        return (double) ambiguous / table.size();
    }

    /** Integer labels (index of the pattern in sorted order) for clustering metrics such as ARI. */
    public static int[] labels(String[] patterns) {
        Map<String, Integer> index = new TreeMap<>();
        for (String p : patterns) {
            index.putIfAbsent(p, 0);
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(k++);
        }
        int[] out = new int[patterns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = index.get(patterns[i]);
        }
        return out;
    }
}
