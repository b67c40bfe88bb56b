package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.activation.Nonlinearity;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.MaxEntSolver;
import org.netropy.maxent.SolutionReport;
import org.netropy.maxent.WeightPrior;
import org.netropy.io.InvalidInputException;
import org.netropy.io.NotConvergedException;
import org.netropy.experiment.RunKind;
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

    /**
     * The max-ent problem of a run as the engine reads it (THEORY §1–3): the task, the two scales
     * and the gain prior's settings, with every setting the prior would not read at a canonical
     * value (context scale NaN, quadrature nodes 0) so that {@link RunKind#resolve} options
     * compare equal exactly when the law is the same.
     *
     * @param contextScale   σ_v, or NaN where neither the law nor a sampler reads it
     * @param quadratureNodes Gauss–Legendre nodes per cell for continuous gains, else 0
     * @param weights        the stimulus-weight reference law (isotropic, or structured: THEORY §3)
     */
    record Law(TaskMatrix task, double sigmaW, double sigmaZ, Nonlinearity gains, double biasScale, double contextScale,
               int quadratureNodes, WeightPrior weights) {
        MaxEntProblem problem() {
            GainPrior prior = GainPrior.forActivation(gains, task.contexts(), Double.isNaN(contextScale) ? 1.0 : contextScale,
                    biasScale, quadratureNodes == 0 ? 4 : quadratureNodes, GainPrior.DEFAULT_MAX_ATOMS);
            return new MaxEntProblem(task, sigmaW, sigmaZ, prior, weights);
        }

        /** Solves the problem; a law that did not converge (residual or quadrature) stops the run. */
        MaxEntSolution solve() {
            MaxEntSolution s = MaxEntSolver.solve(problem());
            if (!s.converged()) {
                throw new NotConvergedException(SolutionReport.accuracy(s) + "; " + String.join("; ", s.warnings()));
            }
            return s;
        }
    }

    /**
     * The law of a run; refuses settings it would ignore: {@code quadrature_nodes} off its default
     * unless the gains are continuous, {@code bias_scale} above 0 for continuous gains, and
     * {@code context_scale} off its default for bias-free ReLU gains when no network is sampled
     * (the uniform prior on {0,1}^C does not depend on σ_v).
     *
     * @param samples whether the kind draws networks (the sampler reads σ_v)
     */
    static Law law(ResolvedParameters p, ParameterSchema schema, boolean samples) {
        Nonlinearity gains = Nonlinearity.parse("gains", p.string("gains"));
        double bias = p.number("bias_scale");
        boolean continuous = !gains.isBinary();
        InvalidInputException.require(!continuous || bias == 0, "bias_scale", "0 for gains " + gains
                + " (a shared bias is modelled for relu only)", bias);
        int nodes = p.intValue("quadrature_nodes");
        schema.refuseUnlessUsed(p, "quadrature_nodes", continuous, "with gains tanh, sigmoid or softplus");
        boolean readsScale = continuous || bias > 0 || samples;
        schema.refuseUnlessUsed(p, "context_scale", readsScale, "with bias_scale > 0, continuous gains or a sampled network");
        double sigma = p.number("sigma");
        TaskMatrix task = TaskMatrix.identity(p.intValue("contexts"),
                TargetNormalisation.parse("normalisation", p.string("normalisation")));
        return new Law(task, sigma, sigma * p.number("sigma_ratio"), gains, bias, readsScale ? p.number("context_scale") : Double.NaN,
                continuous ? nodes : 0, weightPrior(p, task));
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

}
