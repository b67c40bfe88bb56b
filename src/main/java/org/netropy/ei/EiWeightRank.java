package org.netropy.ei;

import org.netropy.random.RandomStreams;

/**
 * Effective rank of a sampled E/I weight matrix, so that the entropy-optimal connectivity of this
 * model can be placed on the same rank axis as the gradient-descent sweeps.
 *
 * <p>The singular values s_1 ≥ s_2 ≥ … come from {@link org.netropy.linalg.Svd} (LAPACK through Smile, fast for N = 1000); the
 * measures are the shared ones of {@link org.netropy.linalg.EffectiveRank}:
 * <ul>
 *   <li>{@code erank} = exp(−Σ p_i ln p_i), p_i = s_i/Σ s_j (Roy &amp; Vetterli 2007);</li>
 *   <li>{@code participationRatio} = (Σ s_i²)² / Σ s_i⁴ (the participation ratio of the eigenvalues
 *       of WᵀW);</li>
 *   <li>{@code stableRank} = ‖W‖_F² / ‖W‖₂² = Σ s_i² / s_1²;</li>
 *   <li>{@code nuclearOverSpectral} = ‖W‖_* / ‖W‖₂ = Σ s_i / s_1.</li>
 * </ul>
 * All four equal the rank for a matrix whose non-zero singular values are equal, and 0 for W = 0.
 *
 * @param singularValues s_i in decreasing order
 */
public record EiWeightRank(double[] singularValues, double erank, double participationRatio,
                            double stableRank, double nuclearOverSpectral) {

    /** The measures of the given singular values (any order, non-negative). */
    public static EiWeightRank ofSingularValues(double[] s) {
        double[] sorted = s.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double t = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = t;
        }
        return new EiWeightRank(sorted, org.netropy.linalg.EffectiveRank.ENTROPY.of(sorted),
                org.netropy.linalg.EffectiveRank.PARTICIPATION_RATIO.of(sorted),
                org.netropy.linalg.EffectiveRank.STABLE.of(sorted), org.netropy.linalg.EffectiveRank.NUCLEAR.of(sorted));
    }

    /** Singular values of a dense matrix (rows × columns), by the project's one SVD. */
    public static double[] singularValues(double[][] w) {
        return org.netropy.linalg.Svd.singularValues(w);
    }

    /**
     * The weight matrix of the quenched network of {@link EiSimulation} (same stream, so the same
     * graph for the same seed): W_ij = +W_E if presynaptic j is excitatory and connected, −W_I if
     * inhibitory and connected, 0 otherwise; no self-connections.
     */
    public static double[][] sampleWeights(EiParameters params, RandomStreams seeds) {
        int n = params.neurons();
        int ne = params.excitatoryCount();
        int[][] in = EiSimulation.quenchedGraph(n, params.connectionProbability(), seeds.stream("ei/quenched-graph"));
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j : in[i]) {
                w[i][j] = j < ne ? params.excitatoryWeight() : -params.inhibitoryWeight();
            }
        }
        return w;
    }

    /** Effective rank of the sampled weight matrix of this configuration. */
    public static EiWeightRank ofSampledNetwork(EiParameters params, RandomStreams seeds) {
        return ofSingularValues(singularValues(sampleWeights(params, seeds)));
    }
}
