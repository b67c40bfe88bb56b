package org.netropy.maxent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.io.InvalidInputException;
import org.netropy.io.NotConvergedException;
import org.netropy.task.TaskMatrix;

/**
 * Which max-ent laws a trained table is compared with (THEORY §5), solved here so that the
 * comparator only reads laws: σ equal to the initial scale (lazy/intermediate regime), the
 * norm-matched σ (rich regime) and the small-σ limit. It takes the observed squared norm as a
 * number, so the policy does not depend on how the table was produced.
 */
public final class ReferenceScales {
    private ReferenceScales() {}

    /** σ standing for the σ → 0 limit: fractions and E[zw|g] have converged there (THEORY §3). */
    public static final double LIMIT_SIGMA = 0.01;

    /** Names of the three references, in the order {@link #atThreeScales} gives them. */
    public static final String INITIAL_SCALE = "initial-scale";
    public static final String NORM_MATCHED = "norm-matched";
    public static final String SMALL_SIGMA_LIMIT = "small-sigma-limit";

    /**
     * The max-ent laws a trained table is compared with, in order: σ equal to the initial scale
     * ({@value #INITIAL_SCALE}), the norm-matched σ with the table's {@code E|w|²+z²}
     * ({@value #NORM_MATCHED}; absent when the table is below the minimum norm 2S*(A), i.e. has
     * not solved the task) and the small-σ limit ({@value #SMALL_SIGMA_LIMIT}). Every solution
     * has converged.
     *
     * @param observedSquaredNorm {@code E|w|²+z²} of the observed table (THEORY §5)
     */
    public static Map<String, MaxEntSolution> atThreeScales(TaskMatrix task, GainPrior prior, double observedSquaredNorm,
            double initialScale) {
        return atThreeScales(task, prior, WeightPrior.ISOTROPIC, observedSquaredNorm, initialScale);
    }

    /**
     * The three laws under a structured stimulus-weight reference law (THEORY §3; its shape has
     * trace D, so the three σ mean what they mean for the isotropic law). The norm-matched law is
     * absent also when no σ reaches the table's norm under this prior.
     */
    public static Map<String, MaxEntSolution> atThreeScales(TaskMatrix task, GainPrior prior, WeightPrior weights,
            double observedSquaredNorm, double initialScale) {
        Map<String, MaxEntSolution> out = new LinkedHashMap<>();
        out.put(INITIAL_SCALE, converged(MaxEntProblem.of(task, initialScale, prior, weights)));
        try {
            MaxEntSolution matched = NormMatchedScale.solve(task, prior, weights, observedSquaredNorm, SolverSettings.DEFAULT)
                    .solution();
            if (!matched.converged()) {
                throw new NotConvergedException("norm-matched max-ent reference: "
                        + SolutionReport.accuracy(matched) + "; " + String.join("; ", matched.warnings()));
            }
            out.put(NORM_MATCHED, matched);
        } catch (InvalidInputException belowMinimumNorm) {
            // no max-ent law has so small a norm: the table does not solve the task
        }
        out.put(SMALL_SIGMA_LIMIT, converged(MaxEntProblem.of(task, LIMIT_SIGMA, prior, weights)));
        return out;
    }

    /** The converged law at one σ (σ_w = σ_z = σ). */
    public static MaxEntSolution at(TaskMatrix task, double sigma, GainPrior prior) {
        return converged(MaxEntProblem.of(task, sigma, prior));
    }

    /** Solves and insists on convergence (the message carries the solver's warnings). */
    public static MaxEntSolution converged(MaxEntProblem p) {
        MaxEntSolution s = MaxEntSolver.solve(p);
        if (!s.converged()) {
            throw new NotConvergedException(String.format("max-ent reference at sigma_w=%g: %s; %s",
                    p.sigmaW(), SolutionReport.accuracy(s), String.join("; ", s.warnings())));
        }
        return s;
    }
}
