package org.netropy.maxent;

/**
 * One population of the max-ent solution: the neurons with one gain pattern g (THEORY §3).
 * Given g, (w, z) is a zero-mean Gaussian with {@code z ~ N(0, σ_z²/q_g)} and
 * {@code w = σ_w² z b_g + σ_w ξ}.
 *
 * @param label           pattern as 0/1 text, context 1 first (binarised for continuous gains)
 * @param gains           the gain vector (mean gains of the group for continuous priors)
 * @param probability     P*(g)
 * @param prior           π_G(g)
 * @param structure       {@code x_g = κ|b_g|² = corr²(z, w·b̂_g)}, in [0, 1)
 * @param crossCovariance {@code E[z w | g] = κ b_g / q_g} (D numbers)
 * @param secondMoment    {@code E[(w,z)(w,z)ᵀ | g]}, (D+1) × (D+1), z last
 * @param activeContexts  number of gains at or above half their maximum
 */
public record Population(String label, double[] gains, double probability, double prior, double structure,
                         double[] crossCovariance, double[][] secondMoment, int activeContexts) {

    /** {@code q_g = 1 − x_g}. */
    public double q() {
        return 1 - structure;
    }

    /**
     * The pattern's name in every output (JSON, CSV, tables): {@code g} and the 0/1 text, so that
     * "01" is never read back as the number 1 by a CSV reader.
     */
    public static String name(String label) {
        return "g" + label;
    }

    /** {@link #name(String)} of this population's label. */
    public String name() {
        return name(label);
    }
}
