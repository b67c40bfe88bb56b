package org.netropy.compare;

import static org.netropy.linalg.Vectors.dot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netropy.connectivity.NeuronTable;
import org.netropy.task.TaskMatrix;
import smile.stat.distribution.GaussianDistribution;

/**
 * Statistics of each population (gain pattern), THEORY §5: fraction with a simultaneous
 * confidence interval, task-bearing cross-covariance {@code E[zw|g]}, uncentred covariance of
 * {@code θ = (w, z)}, structure index (R² of z on w), alignment of {@code E[zw|g]} with the task
 * direction {@code A g}, and the variance of w along {@code E[zw|g]} versus orthogonal to it (the
 * "excess variance along b_g" of THEORY §5, measured rather than hidden).
 */
public final class PopulationStatistics {
    private PopulationStatistics() {}

    /**
     * One population.
     *
     * @param pattern              gain pattern, context 1 first
     * @param count                neurons in it (0 for an analytic model)
     * @param fraction             P̂(g) (exact P(g) for a model)
     * @param ciLow                lower end of Goodman's simultaneous interval (null for a model)
     * @param ciHigh               upper end (null for a model)
     * @param crossCovariance      E[z w | g], length D
     * @param secondMoment         E[θθᵀ | g], θ = (w_1..w_D, z)
     * @param structure            R² of z on w (null if E[wwᵀ|g] is singular)
     * @param taskAlignment        cos(E[zw|g], A g) (null without a task or when A g = 0 or E[zw|g] = 0)
     * @param varianceAlong        variance of w along E[zw|g]/|E[zw|g]| (null if E[zw|g] = 0)
     * @param varianceOrthogonal   mean variance of w per orthogonal direction (null if D = 1 or E[zw|g] = 0)
     */
    public record Population(String pattern, int count, double fraction, Double ciLow, Double ciHigh,
                             double[] crossCovariance, double[][] secondMoment, Double structure,
                             Double taskAlignment, Double varianceAlong, Double varianceOrthogonal) {}

    /**
     * Per-pattern statistics of a table (patterns as returned by {@link GainPatterns#of(NeuronTable, double)}).
     *
     * @param confidence        joint coverage of the intervals, e.g. 0.95
     * @param categories        number of categories K of the multinomial (2^C: every possible pattern)
     * @param task              task matrix for the alignment, or null
     */
    public static Map<String, Population> of(NeuronTable table, String[] patterns, double confidence,
                                             double categories, TaskMatrix task) {
        int d = table.features();
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < patterns.length; i++) {
            rows.computeIfAbsent(patterns[i], k -> new ArrayList<>()).add(i);
        }
        int n = table.size();
        Map<String, Population> out = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] c = new double[d];
            double[][] s = new double[d + 1][d + 1];
            double[] theta = new double[d + 1];
            for (int i : idx) {
                System.arraycopy(table.w()[i], 0, theta, 0, d);
                theta[d] = table.z()[i];
                for (int j = 0; j < d; j++) {
                    c[j] += theta[d] * theta[j];
                }
                for (int a = 0; a <= d; a++) {
                    for (int b = 0; b <= d; b++) {
                        s[a][b] += theta[a] * theta[b];
                    }
                }
            }
            int m = idx.size();
            for (int j = 0; j < d; j++) {
                c[j] /= m;
            }
            for (double[] row : s) {
                for (int b = 0; b <= d; b++) {
                    row[b] /= m;
                }
            }
            double[] ci = goodmanInterval(m, n, confidence, categories);
            out.put(e.getKey(), derived(e.getKey(), m, (double) m / n, ci[0], ci[1], c, s, null, task));
        }
        return out;
    }

    /** Exact per-pattern statistics of an analytic model. */
    public static Map<String, Population> of(PopulationModel model, TaskMatrix task) {
        Map<String, Population> out = new TreeMap<>();
        for (Map.Entry<String, Double> e : model.patternProbabilities().entrySet()) {
            String g = e.getKey();
            out.put(g, derived(g, 0, e.getValue(), null, null, model.crossCovariance(g), model.secondMoment(g),
                    model.structure(g), task));
        }
        return out;
    }

    private static Population derived(String pattern, int count, double fraction, Double lo, Double hi,
                                      double[] c, double[][] s, Double structure, TaskMatrix task) {
        int d = c.length;
        Double r2 = structure != null ? structure : nullIfNaN(structureFromSecondMoment(s));
        Double align = null;
        if (task != null) {
            double[] ag = new double[d];
            for (int k = 0; k < pattern.length(); k++) {
                if (pattern.charAt(k) == '1') {
                    for (int j = 0; j < d; j++) {
                        ag[j] += task.get(j, k);
                    }
                }
            }
            align = nullIfNaN(cosine(c, ag));
        }
        Double along = null;
        Double orth = null;
        double norm = Math.sqrt(dot(c, c));
        if (norm > 0) {
            double v = 0;
            double trace = 0;
            for (int a = 0; a < d; a++) {
                trace += s[a][a];
                for (int b = 0; b < d; b++) {
                    v += c[a] * s[a][b] * c[b];
                }
            }
            v /= norm * norm;
            along = v;
            orth = d > 1 ? (trace - v) / (d - 1) : null;
        }
        return new Population(pattern, count, fraction, lo, hi, c, s, r2, align, along, orth);
    }

    /**
     * Goodman's (1965) simultaneous confidence interval for one multinomial proportion:
     * {@code [A + 2n_i ∓ √(A(A + 4 n_i (N − n_i)/N))] / (2(N + A))} with A the upper
     * {@code α/K} quantile of χ²₁ (Bonferroni over the K categories), so all K intervals hold
     * jointly with probability ≥ confidence (asymptotically).
     */
    public static double[] goodmanInterval(int count, int total, double confidence, double categories) {
        double zq = GaussianDistribution.getInstance().quantile(1 - (1 - confidence) / (2 * categories));
        double a = zq * zq;
        double half = Math.sqrt(a * (a + 4.0 * count * (total - count) / total));
        double den = 2 * (total + a);
        return new double[] {Math.max(0, (a + 2.0 * count - half) / den), Math.min(1, (a + 2.0 * count + half) / den)};
    }

    /** R² of z on w from {@code E[θθᵀ]}: {@code cᵀ S_ww⁻¹ c / S_zz}; NaN if S_ww is singular. */
    public static double structureFromSecondMoment(double[][] s) {
        int d = s.length - 1;
        double[][] sww = new double[d][d];
        double[] c = new double[d];
        for (int a = 0; a < d; a++) {
            System.arraycopy(s[a], 0, sww[a], 0, d);
            c[a] = s[a][d];
        }
        if (!(s[d][d] > 0)) {
            return Double.NaN;
        }
        try {
            double[] x = Distances.symmetric(sww).cholesky().solve(c.clone());
            return dot(c, x) / s[d][d];
        } catch (RuntimeException singular) {
            return Double.NaN;
        }
    }

    static double cosine(double[] a, double[] b) {
        return org.netropy.linalg.Vectors.cosine(a, b);
    }

    static Double nullIfNaN(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
