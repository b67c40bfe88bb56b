package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netropy.experiment.ParameterSchema;
import org.netropy.experiment.ParameterSpec;
import org.netropy.maxent.GainFunction;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.WeightPrior;
import org.netropy.io.InvalidInputException;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** The parameters shared by every max-ent kind, and the problem they define (THEORY §1–3). */
final class MaxEntParameters {
    private MaxEntParameters() {}

    static final List<ParameterSpec> COMMON = List.of(
            ParameterSpec.integer("contexts", 1, GainPrior.MAX_CLASS_CONTEXTS, null, "number of contexts C (task A = I_C)"),
            ParameterSpec.number("sigma", 1e-6, 1e6, null, "weight scale sigma (sigma_w; sigma_z = sigma_ratio * sigma)"),
            ParameterSpec.number("sigma_ratio", 1e-6, 1e6, 1.0, "sigma_z / sigma_w"),
            ParameterSpec.choice("normalisation", List.of("none", "sqrt-contexts"), "none", "target normalisation across contexts"),
            ParameterSpec.choice("gains", List.of("relu", "tanh", "sigmoid", "softplus"), "relu", "activation defining the gains"),
            ParameterSpec.number("bias_scale", 0, 1e6, 0.0, "ReLU: std of a shared Gaussian bias (0 = bias-free)"),
            ParameterSpec.number("context_scale", 1e-6, 1e6, 1.0, "std of the context weights v"),
            ParameterSpec.integer("quadrature_nodes", 2, 60, 4L,
                    "continuous gains: Gauss-Legendre nodes per cell of the first rule (refined until stable to 1e-6)"),
            ParameterSpec.integer("prior_rank", 0, GainPrior.MAX_CLASS_CONTEXTS, 0L,
                    "structured weight prior: rank R in [1, D] of a task-aligned low-rank prior (THEORY 3); 0 = isotropic"),
            ParameterSpec.number("prior_floor", 0, 1e6, WeightPrior.DEFAULT_FLOOR,
                    "isotropic floor of prior_rank, relative to the mean weight variance (only with prior_rank >= 1)"));

    /** COMMON followed by the kind's own parameters. */
    static ParameterSchema schema(ParameterSpec... own) {
        List<ParameterSpec> all = new ArrayList<>(COMMON);
        all.addAll(Arrays.asList(own));
        return ParameterSchema.of(all.toArray(new ParameterSpec[0]));
    }

    static TaskMatrix task(ResolvedParameters p) {
        return TaskMatrix.identity(p.intValue("contexts"), TargetNormalisation.parse("normalisation", p.string("normalisation")));
    }

    static GainPrior prior(ResolvedParameters p) {
        return GainPrior.forActivation(GainFunction.parse("gains", p.string("gains")), p.intValue("contexts"),
                p.number("context_scale"), p.number("bias_scale"), p.intValue("quadrature_nodes"), GainPrior.DEFAULT_MAX_ATOMS);
    }

    static MaxEntProblem problem(ResolvedParameters p) {
        double sigma = p.number("sigma");
        TaskMatrix task = task(p);
        return new MaxEntProblem(task, sigma, sigma * p.number("sigma_ratio"), prior(p), weightPrior(p, task));
    }

    /**
     * The stimulus-weight reference law: isotropic for prior_rank 0, else the task-aligned rank-R
     * prior with floor prior_floor ({@link WeightPrior#taskAligned}); a floor other than the
     * default without a rank is refused (it would be recorded and ignored).
     */
    static WeightPrior weightPrior(ResolvedParameters p, TaskMatrix task) {
        int rank = p.intValue("prior_rank");
        double floor = p.number("prior_floor");
        if (rank == 0) {
            InvalidInputException.require(floor == WeightPrior.DEFAULT_FLOOR, "prior_floor",
                    "left at its default " + WeightPrior.DEFAULT_FLOOR + " unless prior_rank >= 1 (it is the floor of a rank-R prior)", floor);
            return WeightPrior.ISOTROPIC;
        }
        return WeightPrior.taskAligned(task, rank, floor, "prior_rank", "prior_floor");
    }

    /** Checks the weight-prior parameters before any run starts. */
    static void validate(ResolvedParameters p) {
        weightPrior(p, task(p));
    }

    /** Solves the problem of a run; a law that did not converge (residual or quadrature) stops the run. */
    static org.netropy.maxent.MaxEntSolution solve(ResolvedParameters p) {
        org.netropy.maxent.MaxEntSolution s = org.netropy.maxent.MaxEntSolver.solve(problem(p));
        if (!s.converged()) {
            throw new org.netropy.io.NotConvergedException(org.netropy.maxent.SolutionReport.accuracy(s) + "; "
                    + String.join("; ", s.warnings()));
        }
        return s;
    }
}
