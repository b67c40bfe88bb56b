package org.netropy.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.InvalidInputException;
import org.netropy.maxent.MaxEntSampler;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.Population;

/**
 * A max-ent solution seen by the comparator: exact population fractions {@code P*(g)},
 * cross-covariances {@code E[zw|g]}, second moments and structure {@code x_g} in closed form
 * (THEORY §3), and independent draws for everything that needs a sample (marginals, energy
 * distance, clustering). Mirror pairs are not used here: they would make the sample's
 * clustering and distances see every neuron twice.
 */
public final class MaxEntReference implements PopulationModel {
    private final MaxEntSolution solution;
    private final double contextScale;
    private final Map<String, Population> byLabel = new LinkedHashMap<>();

    /**
     * @param contextScale σ_v of the sampled context weights where the prior does not fix it
     */
    public MaxEntReference(MaxEntSolution solution, double contextScale) {
        InvalidInputException.require(!solution.populations().isEmpty(), "max-ent reference",
                "a solution with enumerated populations (C <= 16)", "C = " + solution.problem().contexts());
        this.solution = solution;
        this.contextScale = contextScale;
        for (Population p : solution.populations()) {
            byLabel.put(p.label(), p);
        }
    }

    public MaxEntSolution solution() {
        return solution;
    }

    @Override
    public int contexts() {
        return solution.problem().contexts();
    }

    @Override
    public int features() {
        return solution.problem().features();
    }

    @Override
    public Map<String, Double> patternProbabilities() {
        Map<String, Double> m = new LinkedHashMap<>();
        byLabel.forEach((label, p) -> m.put(label, p.probability()));
        return m;
    }

    @Override
    public double[] crossCovariance(String pattern) {
        return population(pattern).crossCovariance().clone();
    }

    @Override
    public double[][] secondMoment(String pattern) {
        double[][] m = population(pattern).secondMoment();
        InvalidInputException.require(m != null, "max-ent reference", "second moments (kept for up to ~20M numbers)", "too many populations");
        return m;
    }

    @Override
    public double structure(String pattern) {
        return population(pattern).structure();
    }

    @Override
    public NeuronTable sample(int n, SplittableRandom random) {
        return MaxEntSampler.sample(solution, n, false, contextScale, random);
    }

    @Override
    public String description() {
        var p = solution.problem();
        return String.format("max-ent C=%d D=%d sigma_w=%.6g sigma_z=%.6g gains=%s", p.contexts(), p.features(),
                p.sigmaW(), p.sigmaZ(), p.prior().kind());
    }

    private Population population(String pattern) {
        Population p = byLabel.get(pattern);
        InvalidInputException.require(p != null, "pattern", "one of " + byLabel.keySet(), pattern);
        return p;
    }
}
