package org.netropy.compare;

import java.util.Map;
import java.util.SplittableRandom;
import org.netropy.connectivity.NeuronTable;

/**
 * An analytic single-neuron law organised by binary gain pattern, such as the maximum-entropy
 * solution of THEORY §3: a mixture over patterns g of zero-mean Gaussians for (w, z).
 *
 * <p>Patterns are strings of '0'/'1', context 1 first (as in {@link GainPatterns}). The
 * comparator uses the exact fractions and moments for the population statistics and a sampled
 * table for everything that needs samples (marginals, energy distance, clustering, angles).
 */
public interface PopulationModel {

    /** Number of contexts C (= length of every pattern). */
    int contexts();

    /** Number of stimulus features D. */
    int features();

    /** P(g) for every pattern with non-zero probability (THEORY §3: {@code π_G(g) q_g^{-1/2}/Z}); sums to 1. */
    Map<String, Double> patternProbabilities();

    /** {@code E[z w | g]} (length D); for max-ent {@code (κ/q_g) b_g}. */
    double[] crossCovariance(String pattern);

    /**
     * Uncentred covariance {@code E[θ θᵀ | g]} of {@code θ = (w_1..w_D, z)}, a (D+1)×(D+1) matrix
     * (equal to the covariance, the law being zero-mean by sign symmetry).
     */
    double[][] secondMoment(String pattern);

    /**
     * Structure index of population g: R² of the best linear prediction of z from w,
     * {@code cᵀ E[wwᵀ]⁻¹ c / E[z²]} with {@code c = E[zw|g]}. For max-ent this equals
     * {@code x_g = κ|b_g|²} (THEORY §3); implementations may return that closed form.
     */
    default double structure(String pattern) {
        return PopulationStatistics.structureFromSecondMoment(secondMoment(pattern));
    }

    /** N neurons drawn from the law (a table with gains as 0/1), using only the given generator. */
    NeuronTable sample(int n, SplittableRandom random);

    /** One line identifying the model and its parameters (recorded in the comparison). */
    String description();
}
