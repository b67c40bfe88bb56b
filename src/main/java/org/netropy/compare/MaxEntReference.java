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

    /** σ standing for the σ → 0 limit: fractions and E[zw|g] have converged there (THEORY §3). */
    public static final double LIMIT_SIGMA = 0.01;

    /**
     * The max-ent laws a trained table is compared with (THEORY §5), in order: σ equal to the
     * initial scale ("initial-scale", lazy/intermediate regime), the norm-matched σ with
     * {@code E|w|²+z²} of the table ("norm-matched", rich regime; absent when the table is below
     * the minimum norm 2S*(A), i.e. has not solved the task), and the small-σ limit
     * ("small-sigma-limit"). Every solution has converged.
     */
    public static java.util.Map<String, MaxEntSolution> atThreeScales(org.netropy.task.TaskMatrix task,
            org.netropy.maxent.GainPrior prior, NeuronTable observed, double initialScale) {
        return atThreeScales(task, prior, org.netropy.maxent.WeightPrior.ISOTROPIC, observed, initialScale);
    }

    /**
     * The three laws under a structured stimulus-weight reference law (THEORY §3; its shape has
     * trace D, so the three σ mean what they mean for the isotropic law). The norm-matched law is
     * absent also when no σ reaches the table's norm under this prior.
     */
    public static java.util.Map<String, MaxEntSolution> atThreeScales(org.netropy.task.TaskMatrix task,
            org.netropy.maxent.GainPrior prior, org.netropy.maxent.WeightPrior weights, NeuronTable observed,
            double initialScale) {
        java.util.Map<String, MaxEntSolution> out = new LinkedHashMap<>();
        out.put("initial-scale", converged(org.netropy.maxent.MaxEntProblem.of(task, initialScale, prior, weights)));
        try {
            MaxEntSolution matched = org.netropy.maxent.NormMatchedScale.solve(task, prior, weights, observed.meanSquaredNorm(),
                    org.netropy.maxent.SolverSettings.DEFAULT).solution();
            if (!matched.converged()) {
                throw new org.netropy.io.NotConvergedException("norm-matched max-ent reference: "
                        + org.netropy.maxent.SolutionReport.accuracy(matched) + "; " + String.join("; ", matched.warnings()));
            }
            out.put("norm-matched", matched);
        } catch (InvalidInputException belowMinimumNorm) {
            // no max-ent law has so small a norm: the table does not solve the task
        }
        out.put("small-sigma-limit", converged(org.netropy.maxent.MaxEntProblem.of(task, LIMIT_SIGMA, prior, weights)));
        return out;
    }

    /** Solves and insists on convergence (the message carries the solver's warnings). */
    public static MaxEntSolution converged(org.netropy.maxent.MaxEntProblem p) {
        MaxEntSolution s = org.netropy.maxent.MaxEntSolver.solve(p);
        if (!s.converged()) {
            throw new org.netropy.io.NotConvergedException(String.format("max-ent reference at sigma_w=%g: %s; %s",
                    p.sigmaW(), org.netropy.maxent.SolutionReport.accuracy(s), String.join("; ", s.warnings())));
        }
        return s;
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
