package org.netropy.compare;

import org.netropy.connectivity.NeuronTable;

/**
 * Removes the sign symmetry of the single-neuron law before comparing distributions (THEORY §5).
 *
 * <p>Only {@code (w, z) → (−w, −z)} is a symmetry of the problem: the task-bearing term
 * {@code z g_k (w·u)} of the gain-modulated linear model (THEORY §2) and the max-ent law
 * {@code P*(w,z,g) ∝ π exp(z wᵀΛg)} (THEORY §3) are invariant under it, while the offset
 * {@code z φ(v_k)} only changes sign and cancels across the population. The context weights
 * {@code v} and the bias {@code b} are NOT flipped: they set the gains ({@code g = φ'(v)}), and
 * for ReLU {@code φ'(−v) ≠ φ'(v)}, so flipping them would move a neuron to another population.
 * Canonical form: {@code z ≥ 0} (rows with {@code z < 0} are flipped; {@code z = 0} is kept).
 * Second moments E[zw], E[θθᵀ] are unchanged by the flip.
 */
public final class SignCanonicalisation {
    private SignCanonicalisation() {}

    /** A copy of the table with {@code (w_i, z_i) → (−w_i, −z_i)} wherever {@code z_i < 0}. */
    public static NeuronTable canonicalise(NeuronTable t) {
        int n = t.size();
        double[][] w = new double[n][];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sign = t.z()[i] < 0 ? -1 : 1;
            w[i] = t.w()[i].clone();
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] *= sign;
            }
            z[i] = sign * t.z()[i];
        }
        return new NeuronTable(w, t.v(), t.b(), z, t.gain(), t.member());
    }

    /** Flips rows of a feature matrix in place: columns {@code flipColumns} change sign where column {@code zColumn} is negative. */
    static void canonicaliseRows(double[][] x, int zColumn, int[] flipColumns) {
        for (double[] row : x) {
            if (row[zColumn] < 0) {
                for (int c : flipColumns) {
                    row[c] = -row[c];
                }
            }
        }
    }
}
