package org.netropy.experiment.kinds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.netropy.compare.GainPatterns;
import org.netropy.connectivity.NeuronTable;
import org.netropy.gd.GdResult;
import org.netropy.linalg.Vectors;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.GroupNormLimit;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.Population;
import org.netropy.task.TaskMatrix;

/**
 * Mechanism measures of the {@code gd-maxent} kind (issue 16, docs/WHEN_MAXENT_PREDICTS_GD.md):
 * why a trained network does or does not land on the max-ent law.
 *
 * <ul>
 * <li>Group-norm cost (THEORY §3, σ → 0 limit): the max-ent law tends to the minimiser of
 * {@code S*(A) = min Σ_g |x_g|} subject to {@code Σ_g x_g gᵀ = A}. A mean-field table has the
 * amplitudes {@code x̂_g = (1/N) Σ_{i in g} z_i w_i} (pattern g at the run's gain threshold, every
 * pattern included), so its cost {@code Σ_g |x̂_g|} is comparable with S*; the max-ent law's own
 * split has {@code x_g = P(g) E[zw|g]}. Because {@code |z||w| ≤ (|w|² + z²)/2}, a table that
 * solves the task has {@code E[|w|² + z²]/2 ≥ Σ_g |x̂_g|}; {@code norm_cost_ratio} is that bound
 * over S*.</li>
 * <li>Retention of initial gain patterns: do grown neurons keep the pattern they started with?
 * Against the chance level {@code Σ_g p₀(g) p₁(g)} of independent initial and final patterns over
 * the same neurons; the initial pattern is the initial network's measured gains at the run's
 * threshold (at threshold 0.5 on the symmetric stimulus grid this is the sign pattern
 * {@code 1[v_k + b > 0]} the gain prior describes, THEORY §3).</li>
 * <li>Context-weight share: for ReLU, gradient flow conserves {@code |w|² + |v|² + b² − z²} per
 * neuron, so GD's implicit norm is on the incoming weights (w, v, b), of which max-ent's reference
 * law π (THEORY §3) only holds w; the share of their squared norm on v, initial and final.</li>
 * </ul>
 */
final class GdMaxEntMechanism {
    private GdMaxEntMechanism() {}

    /** S*(A) over the patterns the prior supports (the dual certificate's value; within 1e-9 of S*). */
    static double minimumCost(TaskMatrix task, GainPrior prior) {
        return GroupNormLimit.solve(task, prior).cost();
    }

    /** The measures of the trained run, shared by every reference row. */
    static Map<String, Object> ofRun(GdResult r, TaskMatrix task, double minimumCost, double threshold, int[] grownRows) {
        NeuronTable last = r.finalTable();
        String[] patterns = GainPatterns.of(last, threshold);
        Map<String, Object> m = new LinkedHashMap<>();
        double cost = groupNormCost(last, patterns);
        m.put("group_norm_cost", cost);
        m.put("minimum_cost", minimumCost);
        m.put("cost_ratio", cost / minimumCost);
        m.put("norm_cost_ratio", last.meanSquaredNorm() / 2 / minimumCost);
        String[] grownFinal = select(patterns, grownRows);
        String[] measured = select(GainPatterns.of(r.initialTable(), threshold), grownRows);
        m.put("initial_pattern_retention", retention(measured, grownFinal));
        m.put("initial_pattern_chance", chance(measured, grownFinal));
        m.put("context_weight_norm_share", contextShare(last));
        m.put("context_weight_norm_share_initial", contextShare(r.initialTable()));
        m.put("trained_specialised_fraction", specialised(patterns));
        m.put("grown_specialised_fraction", grownRows.length == 0 ? null : specialised(grownFinal));
        return m;
    }

    /** The measures of one max-ent reference law. */
    static Map<String, Object> ofReference(MaxEntSolution s, double minimumCost) {
        double cost = 0;
        for (Population p : s.populations()) {
            cost += p.probability() * Vectors.norm(p.crossCovariance());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxent_cost", cost);
        m.put("maxent_cost_ratio", cost / minimumCost);
        m.put("maxent_specialised_fraction", s.specialisedFraction());
        return m;
    }

    /** Fractions of the grown neurons' patterns at the threshold (empty if none grew). */
    static Map<String, Double> grownFractions(NeuronTable last, double threshold, int[] grownRows) {
        return grownRows.length == 0 ? Map.of() : GainPatterns.fractions(select(GainPatterns.of(last, threshold), grownRows));
    }

    /** Σ_g |(1/N) Σ_{i in g} z_i w_i|. */
    static double groupNormCost(NeuronTable t, String[] patterns) {
        Map<String, double[]> x = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            double[] xg = x.computeIfAbsent(patterns[i], k -> new double[t.features()]);
            for (int j = 0; j < xg.length; j++) {
                xg[j] += t.z()[i] * t.w()[i][j] / t.size();
            }
        }
        return x.values().stream().mapToDouble(Vectors::norm).sum();
    }

    /** Fraction of positions where both arrays hold the same pattern (null when empty). */
    static Double retention(String[] before, String[] after) {
        if (before.length == 0) {
            return null;
        }
        int same = 0;
        for (int i = 0; i < before.length; i++) {
            same += before[i].equals(after[i]) ? 1 : 0;
        }
        return (double) same / before.length;
    }

    /** Σ_g p_before(g) p_after(g): the retention expected if the two patterns were independent. */
    static Double chance(String[] before, String[] after) {
        if (before.length == 0) {
            return null;
        }
        Map<String, Double> p = GainPatterns.fractions(before);
        Map<String, Double> q = GainPatterns.fractions(after);
        return p.entrySet().stream().mapToDouble(e -> e.getValue() * q.getOrDefault(e.getKey(), 0.0)).sum();
    }

    /** Σ|v|² / Σ(|w|² + |v|² + b²) over the table. */
    static double contextShare(NeuronTable t) {
        double context = 0;
        double incoming = 0;
        for (int i = 0; i < t.size(); i++) {
            double v2 = squared(t.v()[i]);
            context += v2;
            incoming += v2 + squared(t.w()[i]) + t.b()[i] * t.b()[i];
        }
        return incoming == 0 ? Double.NaN : context / incoming;
    }

    /** Fraction of patterns with exactly one active context. */
    static double specialised(String[] patterns) {
        if (patterns.length == 0) {
            return Double.NaN;
        }
        long n = java.util.Arrays.stream(patterns).filter(g -> g.chars().filter(ch -> ch == '1').count() == 1).count();
        return (double) n / patterns.length;
    }

    private static String[] select(String[] all, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = all[rows[i]];
        }
        return out;
    }

    private static double squared(double[] a) {
        return Vectors.dot(a, a);
    }
}
