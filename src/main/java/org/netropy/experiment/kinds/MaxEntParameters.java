package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netropy.experiment.ParameterSchema;
import org.netropy.experiment.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.maxent.GainFunction;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntProblem;
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
                    "continuous gains: Gauss-Legendre nodes per cell of the first rule (refined until stable to 1e-6)"));

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
        return new MaxEntProblem(task(p), sigma, sigma * p.number("sigma_ratio"), prior(p));
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
