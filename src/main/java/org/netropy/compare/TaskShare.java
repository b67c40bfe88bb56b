package org.netropy.compare;

import java.util.Map;
import java.util.TreeMap;
import org.netropy.connectivity.NeuronTable;
import org.netropy.task.TaskMatrix;

/**
 * Each population's share of the task, a threshold-free statistic for comparing a trained network
 * with max-ent. For max-ent, {@code c_g = P(g) ⟨E[zw|g] gᵀ, A⟩ / ⟨A, A⟩}; for a network,
 * {@code c_g = (1/N) Σ_i m_ig ⟨z_i w_i g_iᵀ, A⟩ / ⟨A, A⟩} with the neuron's soft gains g_i (the
 * fraction of stimuli on which it is active in each context) in the task term, and its soft
 * membership {@code m_ig = Π_k (g_ik if g_k = 1, else 1 − g_ik)} in place of a thresholded
 * pattern (gains clipped to [0, 1]; memberships of a neuron sum to 1). No threshold enters, and
 * a neuron whose weights never grew carries a negligible z_i w_i, so it contributes nothing.
 * Both sum to ⟨M, A⟩/⟨A, A⟩, which is 1 when the network (or law) solves the task exactly.
 */
public final class TaskShare {
    private TaskShare() {}

    /** c_g of a network's single-neuron table, per pattern string (context 1 first). */
    public static Map<String, Double> ofTable(NeuronTable t, TaskMatrix a) {
        int c = t.contexts();
        double norm = squaredNorm(a, t.features(), c);
        Map<String, Double> share = new TreeMap<>();
        for (String g : patterns(c)) {
            share.put(g, 0.0);
        }
        for (int i = 0; i < t.size(); i++) {
            double[] gain = new double[c];
            for (int k = 0; k < c; k++) {
                gain[k] = Math.max(0, Math.min(1, t.gain()[i][k]));
            }
            double term = t.z()[i] * inner(t.w()[i], gain, a) / norm;
            for (String g : share.keySet()) {
                double m = 1;
                for (int k = 0; k < c; k++) {
                    m *= g.charAt(k) == '1' ? gain[k] : 1 - gain[k];
                }
                share.merge(g, m * term / t.size(), Double::sum);
            }
        }
        return share;
    }

    /** c_g of an analytic law. */
    public static Map<String, Double> ofModel(PopulationModel model, TaskMatrix a) {
        int c = model.contexts();
        double norm = squaredNorm(a, model.features(), c);
        Map<String, Double> share = new TreeMap<>();
        for (String g : patterns(c)) {
            double p = model.patternProbabilities().getOrDefault(g, 0.0);
            double[] gain = new double[c];
            for (int k = 0; k < c; k++) {
                gain[k] = g.charAt(k) == '1' ? 1 : 0;
            }
            share.put(g, p > 0 ? p * inner(model.crossCovariance(g), gain, a) / norm : 0.0);
        }
        return share;
    }

    /** ½ Σ_g |c_g − c'_g|: the share of the task that would have to move between populations. */
    public static double distance(Map<String, Double> x, Map<String, Double> y) {
        return Distances.totalVariation(x, y);
    }

    /** ⟨u gᵀ, A⟩ = Σ_jk u_j g_k A_jk. */
    private static double inner(double[] u, double[] g, TaskMatrix a) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            for (int k = 0; k < g.length; k++) {
                s += u[j] * g[k] * a.get(j, k);
            }
        }
        return s;
    }

    private static double squaredNorm(TaskMatrix a, int d, int c) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < c; k++) {
                s += a.get(j, k) * a.get(j, k);
            }
        }
        return s;
    }

    /** All 2^C patterns, context 1 first. */
    static java.util.List<String> patterns(int c) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int m = 0; m < (1 << c); m++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < c; k++) {
                s.append((m >> k & 1) == 1 ? '1' : '0');
            }
            out.add(s.toString());
        }
        return out;
    }
}
