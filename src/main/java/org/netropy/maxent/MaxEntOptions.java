package org.netropy.maxent;

import java.util.List;
import java.util.Map;
import org.netropy.activation.Nonlinearity;
import org.netropy.io.InvalidInputException;
import org.netropy.io.NotConvergedException;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * The settings of a maximum-entropy problem (THEORY §1–3: task, scales, gain prior, weight prior)
 * and of its solver, declared once for {@code netropy maxent}, {@code compare --maxent} and the
 * max-ent spec kinds; every cross-field rule is checked here, on {@link OptionValues}, so that an
 * error names {@code --bias-scale} on the command line and {@code bias_scale} in a spec.
 */
public final class MaxEntOptions {
    private MaxEntOptions() {}

    /** The smallest and largest weight scale the dual resolves in double precision (σ², 1/σ² overflow beyond). */
    public static final double MIN_SIGMA = 1e-6;
    public static final double MAX_SIGMA = 1e6;

    /** The activations whose gains φ'(v) define a prior (THEORY §3). */
    private static final List<String> ACTIVATIONS = java.util.Arrays.stream(Nonlinearity.values()).map(Nonlinearity::label).toList();

    /** The problem every caller sets: task A = I_C, the scales and the reference law. */
    public static final ParameterSchema PROBLEM = ParameterSchema.of(
            ParameterSpec.integer("contexts", 1, GainPrior.MAX_CLASS_CONTEXTS, null, "number of contexts C (task A = I_C)"),
            ParameterSpec.number("sigma", MIN_SIGMA, MAX_SIGMA, null, "weight scale sigma (sigma_w; sigma_z = sigma_ratio * sigma)"),
            ParameterSpec.number("sigma_ratio", 1e-6, 1e6, 1.0, "sigma_z / sigma_w"),
            ParameterSpec.choice("normalisation", List.of("none", "sqrt-contexts"), "none",
                    "target normalisation across contexts: A as given, or A/sqrt(C)"),
            ParameterSpec.choice("activation", ACTIVATIONS, "relu", "activation whose gains phi'(v) define the populations, as in gd"),
            ParameterSpec.number("bias_scale", 0, 1e6, 0.0, "relu only: std of a shared Gaussian bias (0 = bias-free, uniform binary gains)"),
            ParameterSpec.number("context_scale", 1e-6, 1e6, 1.0,
                    "std of the context weights v (continuous gains, biased relu, sampled networks)"),
            ParameterSpec.integer("quadrature_nodes", 2, 60, 4L,
                    "continuous gains: Gauss-Legendre nodes per cell of the first rule, refined until stable"),
            ParameterSpec.integer("prior_rank", 0, GainPrior.MAX_CLASS_CONTEXTS, 0L,
                    "structured weight prior (THEORY 3): rank R in [1, D] of a task-aligned prior N(0, sigma^2 S); 0 = isotropic"),
            ParameterSpec.number("prior_floor", 0, 1e6, WeightPrior.DEFAULT_FLOOR,
                    "isotropic floor eps of prior_rank, relative to the mean weight variance; > 0 when R < D"))
            .renamed("gains", "activation");

    /** An explicit task or gain prior instead of A = I_C and an activation's (command line only: text a table cannot sweep). */
    public static final ParameterSchema EXPLICIT = ParameterSchema.of(
            ParameterSpec.text("task_matrix", "", "task matrix A, rows separated by ';' (e.g. \"1,0;0,1\"); empty: identity with C contexts"),
            ParameterSpec.text("gain_patterns", "", "explicit gain prior instead of the activation's: patterns with weights,"
                    + " e.g. \"1,0:1;0,1:1;1,1:2\" (gains by ',', weight after ':', patterns by ';'; weights normalised)"));

    /** The solver's accuracy and method (THEORY §3, "numerics"). */
    public static final ParameterSchema SOLVER = ParameterSchema.of(
            ParameterSpec.integer("max_atoms", 16, 100_000_000, (long) GainPrior.DEFAULT_MAX_ATOMS,
                    "continuous gains: atom budget of the quadrature refinement; beyond it quasi-Monte-Carlo atoms"),
            ParameterSpec.number("quadrature_tolerance", 1e-15, 0.5, SolverSettings.DEFAULT_QUADRATURE_TOLERANCE,
                    "continuous gains: refine until class probabilities, E[zw|g] and the KL change by less than this"),
            ParameterSpec.choice("solver", List.of("auto", "full", "reduced"), "auto",
                    "dual solver: reduced needs A = a*I and exchangeable binary gains"),
            ParameterSpec.number("tolerance", 1e-15, 0.5, SolverSettings.DEFAULT.tolerance(), "stop when |M - A|/|A| is below this"));

    /** Everything the engine reads. */
    public static final ParameterSchema SCHEMA = PROBLEM.plus(EXPLICIT).plus(SOLVER);

    /**
     * The gain-prior settings of a law, with every setting the prior does not read at a canonical
     * value (context scale NaN, quadrature nodes and atoms 0) so that two laws compare equal exactly
     * when their priors are the same.
     *
     * @param activation   the activation of the gains (relu for explicit binary patterns)
     * @param contextScale σ_v, or NaN where neither the prior nor a sampler reads it
     * @param patterns     explicit "g,..:w;..." patterns, or "" for the activation's prior
     */
    public record Gains(Nonlinearity activation, double biasScale, double contextScale, int quadratureNodes, int maxAtoms,
                        String patterns) {
        public Gains {
            InvalidInputException.require(activation != null && patterns != null, "gains", "an activation and patterns text", "null");
        }

        /** The prior on gain patterns for C contexts (THEORY §3). */
        public GainPrior prior(int contexts) {
            if (!patterns.isEmpty()) {
                return explicit(patterns, contexts, "gain_patterns");
            }
            return GainPrior.forActivation(activation, contexts, Double.isNaN(contextScale) ? 1.0 : contextScale, biasScale,
                    quadratureNodes == 0 ? 4 : quadratureNodes, maxAtoms == 0 ? GainPrior.DEFAULT_MAX_ATOMS : maxAtoms);
        }
    }

    /**
     * The reference law of a run (THEORY §1–3): the task, the two scales, the gain prior's
     * settings and the stimulus-weight law; as a spec kind's resolved options it compares equal
     * exactly when the law is the same.
     */
    public record Law(TaskMatrix task, double sigmaW, double sigmaZ, Gains gains, WeightPrior weights) {
        public Law {
            InvalidInputException.require(task != null && gains != null && weights != null, "law", "a task, gains and weights", "null");
        }

        public Nonlinearity activation() {
            return gains.activation();
        }

        /** σ_v of sampled networks (NaN where the law was resolved for no sampler and the prior does not read it). */
        public double contextScale() {
            return gains.contextScale();
        }

        public MaxEntProblem problem() {
            return new MaxEntProblem(task, sigmaW, sigmaZ, gains.prior(task.contexts()), weights);
        }

        /** Solves with the default settings; a law that did not converge (residual or quadrature) stops the run. */
        public MaxEntSolution solve() {
            MaxEntSolution s = MaxEntSolver.solve(problem());
            if (!s.converged()) {
                throw new NotConvergedException(SolutionReport.accuracy(s) + "; " + String.join("; ", s.warnings()));
            }
            return s;
        }
    }

    /**
     * {@code v} with {@code key} set to {@code raw}, checked against its declaration (errors in
     * {@code v}'s naming): how a command passes a value it reads itself, e.g. one σ of a range.
     */
    public static OptionValues with(OptionValues v, String key, Object raw) {
        ParameterSpec spec = SCHEMA.get(key);
        String field = v.field(key);
        Object value = raw instanceof String s && v.naming() == Naming.CLI ? spec.parse(field, s) : spec.normalise(field, raw);
        OptionValues out = v.schema() != null && !v.schema().contains(key) ? v.withSchema(v.schema().plus(List.of(spec))) : v;
        return out.with(Map.of(key, value));
    }

    /**
     * The task: {@code task_matrix} if given (then {@code contexts}, if set, must agree), else
     * I_C, each normalised by {@code normalisation}.
     */
    public static TaskMatrix task(OptionValues v) {
        TargetNormalisation norm = normalisation(v);
        Object c = v.values().get("contexts");
        String matrix = (String) value(v, "task_matrix");
        if (!matrix.isEmpty()) {
            TaskMatrix t = TaskMatrix.parse(matrix, norm);
            v.require(c == null || ((Long) c) == t.contexts(), "contexts",
                    "equal to the number of columns of " + v.field("task_matrix") + " (" + t.contexts() + ")", c);
            return t;
        }
        v.require(c != null, "contexts", "given (or a " + v.field("task_matrix") + ")", "nothing");
        return TaskMatrix.identity(v.intValue("contexts"), norm);
    }

    public static TargetNormalisation normalisation(OptionValues v) {
        return TargetNormalisation.parse(v.field("normalisation"), v.string("normalisation"));
    }

    /**
     * The gain-prior settings, refusing what the prior would ignore: {@code activation},
     * {@code bias_scale} and {@code quadrature_nodes} beside explicit {@code gain_patterns};
     * {@code bias_scale} above 0 for continuous gains (a shared bias is modelled for relu only);
     * {@code quadrature_nodes}, {@code max_atoms} and {@code quadrature_tolerance} unless the gains
     * are continuous; and {@code context_scale} for bias-free relu gains when no network is sampled
     * (the uniform prior on {0,1}^C does not depend on σ_v).
     *
     * @param samples whether the caller draws networks from the law (the sampler reads σ_v)
     */
    public static Gains gains(OptionValues v, int contexts, boolean samples) {
        String patterns = ((String) value(v, "gain_patterns")).strip();
        boolean explicit = !patterns.isEmpty();
        String withoutPatterns = "without " + v.field("gain_patterns") + " (the patterns are the gains)";
        refuse(v, "activation", !explicit, withoutPatterns);
        refuse(v, "bias_scale", !explicit, withoutPatterns);
        Nonlinearity activation = explicit ? Nonlinearity.RELU : Nonlinearity.parse(v.field("activation"), v.string("activation"));
        boolean continuous = !explicit && !activation.isBinary();
        double bias = v.number("bias_scale");
        v.require(!continuous || bias == 0, "bias_scale", "0 for " + v.field("activation") + " " + activation
                + " (a shared bias is modelled for relu only)", bias);
        String needsContinuous = "with " + v.field("activation") + " tanh, sigmoid or softplus";
        refuse(v, "quadrature_nodes", continuous, needsContinuous);
        refuse(v, "max_atoms", continuous, needsContinuous);
        refuse(v, "quadrature_tolerance", continuous, needsContinuous);
        boolean readsScale = continuous || bias > 0 || samples;
        refuse(v, "context_scale", readsScale, "with " + v.field("bias_scale") + " > 0, continuous gains or a sampled network");
        if (explicit) {
            explicit(patterns, contexts, v.field("gain_patterns"));
        }
        return new Gains(activation, explicit ? 0 : bias, readsScale ? v.number("context_scale") : Double.NaN,
                continuous ? v.intValue("quadrature_nodes") : 0, continuous ? ((Long) value(v, "max_atoms")).intValue() : 0, patterns);
    }

    /** The gain prior for C contexts ({@link #gains}, then {@link Gains#prior}). */
    public static GainPrior prior(OptionValues v, int contexts, boolean samples) {
        return gains(v, contexts, samples).prior(contexts);
    }

    /**
     * The stimulus-weight reference law: isotropic for {@code prior_rank} 0, else the task-aligned
     * rank-R prior with floor {@code prior_floor} ({@link WeightPrior#taskAligned}); a floor off its
     * default without a rank is refused (it would be recorded and ignored).
     */
    public static WeightPrior weightPrior(OptionValues v, TaskMatrix task) {
        int rank = v.intValue("prior_rank");
        refuse(v, "prior_floor", rank >= 1, "with " + v.field("prior_rank") + " >= 1 (it is the floor of a rank-R prior)");
        if (rank == 0) {
            return WeightPrior.ISOTROPIC;
        }
        return WeightPrior.taskAligned(task, rank, v.number("prior_floor"), v.field("prior_rank"), v.field("prior_floor"));
    }

    /** The law of {@code v}, which must hold {@code sigma} (see {@link #gains} for what is refused). */
    public static Law law(OptionValues v, boolean samples) {
        TaskMatrix task = task(v);
        double sigma = v.number("sigma");
        return new Law(task, sigma, sigma * v.number("sigma_ratio"), gains(v, task.contexts(), samples), weightPrior(v, task));
    }

    /** The solver settings ({@link SolverSettings#DEFAULT} where the caller does not declare them). */
    public static SolverSettings settings(OptionValues v) {
        SolverSettings.Method m = switch ((String) value(v, "solver")) {
            case "full" -> SolverSettings.Method.FULL;
            case "reduced" -> SolverSettings.Method.REDUCED;
            default -> SolverSettings.Method.AUTO;
        };
        return new SolverSettings((Double) value(v, "tolerance"), SolverSettings.DEFAULT.maxIterations(), m,
                (Double) value(v, "quadrature_tolerance"));
    }

    /** Parses explicit patterns "g_1,..,g_C:weight;..." (weights normalised by the prior). */
    static GainPrior explicit(String text, int contexts, String field) {
        String allowed = "patterns like \"1,0:1;0,1:1\" with " + contexts + " finite gains and a weight >= 0 each";
        String[] items = text.strip().split(";");
        double[][] g = new double[items.length][];
        double[] w = new double[items.length];
        for (int a = 0; a < items.length; a++) {
            String[] gw = items[a].split(":");
            InvalidInputException.require(gw.length == 2, field, allowed, items[a]);
            String[] cells = gw[0].split(",");
            InvalidInputException.require(cells.length == contexts, field, allowed, items[a]);
            g[a] = new double[contexts];
            try {
                for (int k = 0; k < contexts; k++) {
                    g[a][k] = Double.parseDouble(cells[k].strip());
                }
                w[a] = Double.parseDouble(gw[1].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field + " must be " + allowed + " (got " + items[a] + ")");
            }
        }
        return GainPrior.explicit(g, w);
    }

    /** A value the caller may not declare (a spec kind has no task_matrix): its default then. */
    private static Object value(OptionValues v, String key) {
        Object x = v.values().get(key);
        return x != null ? x : SCHEMA.get(key).defaultValue();
    }

    private static void refuse(OptionValues v, String key, boolean used, String needs) {
        if (v.values().containsKey(key)) {
            (v.schema() != null && v.schema().contains(key) ? v : v.withSchema(SCHEMA)).refuseUnlessUsed(key, used, needs);
        }
    }
}
