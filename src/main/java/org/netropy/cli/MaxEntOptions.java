package org.netropy.cli;

import org.netropy.io.InvalidInputException;
import org.netropy.activation.Nonlinearity;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.SolverSettings;
import org.netropy.maxent.WeightPrior;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;
import picocli.CommandLine.Option;

/**
 * Options shared by the {@code maxent} commands: the task, the reference law and the solver.
 * Every modelling choice of THEORY §1–3 is an option here, and is echoed in the outputs.
 */
public final class MaxEntOptions {
    @Option(names = "--task-matrix", paramLabel = "ROWS",
            description = "Task matrix A, rows separated by ';' (e.g. \"1,0;0,1\"); default: identity with C contexts.")
    String taskMatrix;

    @Option(names = "--normalisation", paramLabel = "none|sqrt-contexts", defaultValue = "none",
            description = "Target normalisation across contexts: A as given, or A/sqrt(C) (default: ${DEFAULT-VALUE}).")
    String normalisation;

    @Option(names = "--activation", paramLabel = "relu|tanh|sigmoid|softplus",
            description = "Activation whose gains phi'(v) define the populations, as in 'gd train' (default: relu).")
    String activation;

    /** The old name of --activation: accepted with a one-line notice on standard error. */
    @Option(names = "--gains", paramLabel = "relu|tanh|sigmoid|softplus", hidden = true,
            description = "Deprecated: the old name of --activation.")
    String gains;

    private boolean noticeShown;

    /** The activation as given (--activation, or the deprecated --gains with a notice), and the option it came from. */
    private String[] activationGiven() {
        InvalidInputException.require(activation == null || gains == null, "--gains",
                "left out when --activation is given (it is the old name of --activation)", gains);
        if (gains != null) {
            if (!noticeShown) {
                System.err.println("netropy: --gains is deprecated; use --activation (same values)");
                noticeShown = true;
            }
            return new String[] {gains, "--gains"};
        }
        return new String[] {activation == null ? "relu" : activation, "--activation"};
    }

    @Option(names = "--gain-patterns", paramLabel = "LIST",
            description = {"An explicit gain prior instead of --activation: patterns with weights, e.g. \"1,0:1;0,1:1;1,1:2\"",
                    "(gains separated by ',', weight after ':', patterns by ';'; weights are normalised)."})
    String gainPatterns;

    @Option(names = "--bias-scale", paramLabel = "SB", defaultValue = "0",
            description = "ReLU only: std of a shared Gaussian bias; 0 = bias-free, uniform binary gains (default: ${DEFAULT-VALUE}).")
    double biasScale;

    @Option(names = "--context-scale", paramLabel = "SV", defaultValue = "1",
            description = "Std of the context weights v (continuous gains, biased ReLU, and sampled networks) (default: ${DEFAULT-VALUE}).")
    double contextScale;

    @Option(names = "--quadrature-nodes", paramLabel = "N", defaultValue = "4",
            description = "Continuous gains: Gauss-Legendre nodes per cell of the first rule, refined until stable (default: ${DEFAULT-VALUE}).")
    int quadratureNodes;

    @Option(names = "--max-atoms", paramLabel = "M", defaultValue = "1000000",
            description = {"Continuous gains: atom budget of the quadrature refinement; a tensor rule beyond it is replaced",
                    "by quasi-Monte-Carlo atoms (default: ${DEFAULT-VALUE})."})
    int maxAtoms;

    @Option(names = "--quadrature-tolerance", paramLabel = "QTOL", defaultValue = "1e-6",
            description = {"Continuous gains: refine until class probabilities, class E[zw|g] and the KL change by less than",
                    "QTOL; not reached within --max-atoms = not converged, exit 3 (default: ${DEFAULT-VALUE})."})
    double quadratureTolerance;

    @Option(names = "--sigma-ratio", paramLabel = "R", defaultValue = "1",
            description = "sigma_z / sigma_w (default: ${DEFAULT-VALUE}, i.e. sigma_w = sigma_z = sigma).")
    double sigmaRatio;

    @Option(names = "--prior-rank", paramLabel = "R",
            description = {"Structured reference law of the stimulus weights (THEORY.md section 3): the prior of a rank-R",
                    "initialisation aligned with the task, N(0, sigma^2 S), S = ((D/R) U U^T + eps I)/(1 + eps), U = the first R",
                    "task directions; R in [1, D] (default: isotropic, S = I)."})
    Integer priorRank;

    @Option(names = "--prior-floor", paramLabel = "EPS",
            description = "Isotropic floor eps of --prior-rank, relative to the mean weight variance; > 0 when R < D (default: "
                    + WeightPrior.DEFAULT_FLOOR + ").")
    Double priorFloor;

    @Option(names = "--solver", paramLabel = "auto|full|reduced", defaultValue = "auto",
            description = "Dual solver: reduced needs A = a*I and exchangeable binary gains (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-11",
            description = "Stop when |M - A|/|A| is below TOL (default: ${DEFAULT-VALUE}).")
    double tolerance;

    TargetNormalisation normalisation() {
        return TargetNormalisation.parse("--normalisation", normalisation);
    }

    /** The task for C contexts (C is ignored when --task-matrix is given, but must agree if both are). */
    TaskMatrix task(Integer contexts) {
        if (taskMatrix != null) {
            TaskMatrix t = TaskMatrix.parse(taskMatrix, normalisation());
            InvalidInputException.require(contexts == null || contexts == t.contexts(), "--contexts",
                    "equal to the number of columns of --task-matrix (" + t.contexts() + ")", contexts);
            return t;
        }
        InvalidInputException.require(contexts != null, "--contexts", "given (or a --task-matrix)", "nothing");
        InvalidInputException.inRange("--contexts", contexts, 1, GainPrior.MAX_CLASS_CONTEXTS);
        return TaskMatrix.identity(contexts, normalisation());
    }

    GainPrior prior(int contexts) {
        InvalidInputException.require(gainPatterns == null || (activation == null && gains == null), "--activation",
                "left out with --gain-patterns (the patterns are the gains)", activation != null ? activation : gains);
        if (gainPatterns != null) {
            return explicitPrior(contexts);
        }
        InvalidInputException.nonNegative("--bias-scale", biasScale);
        InvalidInputException.positive("--context-scale", contextScale);
        String[] given = activationGiven();
        return GainPrior.forActivation(Nonlinearity.parse(given[1], given[0]), contexts, contextScale, biasScale,
                quadratureNodes, maxAtoms);
    }

    /** Parses --gain-patterns "g_1,..,g_C:weight;...". */
    private GainPrior explicitPrior(int contexts) {
        String allowed = "patterns like \"1,0:1;0,1:1\" with " + contexts + " finite gains and a weight >= 0 each";
        String[] items = gainPatterns.strip().split(";");
        double[][] g = new double[items.length][];
        double[] w = new double[items.length];
        for (int a = 0; a < items.length; a++) {
            String[] gw = items[a].split(":");
            InvalidInputException.require(gw.length == 2, "--gain-patterns", allowed, items[a]);
            String[] cells = gw[0].split(",");
            InvalidInputException.require(cells.length == contexts, "--gain-patterns", allowed, items[a]);
            g[a] = new double[contexts];
            try {
                for (int k = 0; k < contexts; k++) {
                    g[a][k] = Double.parseDouble(cells[k].strip());
                }
                w[a] = Double.parseDouble(gw[1].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--gain-patterns must be " + allowed + " (got " + items[a] + ")");
            }
        }
        return GainPrior.explicit(g, w);
    }

    /** The activation used to run sampled networks (ReLU for explicit binary patterns). */
    Nonlinearity activation() {
        if (gainPatterns != null) {
            return Nonlinearity.RELU;
        }
        String[] given = activationGiven();
        return Nonlinearity.parse(given[1], given[0]);
    }

    SolverSettings settings() {
        SolverSettings.Method m = switch (solver.strip().toLowerCase()) {
            case "auto" -> SolverSettings.Method.AUTO;
            case "full" -> SolverSettings.Method.FULL;
            case "reduced" -> SolverSettings.Method.REDUCED;
            default -> throw new InvalidInputException("--solver must be one of auto, full, reduced (got " + solver + ")");
        };
        InvalidInputException.require(tolerance > 0 && tolerance < 1, "--tolerance", "a number in (0, 1)", tolerance);
        InvalidInputException.require(quadratureTolerance > 0 && quadratureTolerance < 1, "--quadrature-tolerance",
                "a number in (0, 1)", quadratureTolerance);
        return new SolverSettings(tolerance, SolverSettings.DEFAULT.maxIterations(), m, quadratureTolerance);
    }

    /** Weight scales the solver resolves in double precision (beyond, sigma^2 and 1/sigma^2 over- or underflow in the dual). */
    static final double MIN_SIGMA = 1e-6;
    static final double MAX_SIGMA = 1e6;

    /** Refuses a weight scale outside [{@value #MIN_SIGMA}, {@value #MAX_SIGMA}], naming --sigma. */
    static void checkSigma(double sigma) {
        InvalidInputException.require(Double.isFinite(sigma) && sigma >= MIN_SIGMA && sigma <= MAX_SIGMA, "--sigma",
                "a number in [" + MIN_SIGMA + ", " + MAX_SIGMA + "]", sigma);
    }

    MaxEntProblem problem(TaskMatrix task, double sigma) {
        checkSigma(sigma);
        InvalidInputException.positive("--sigma-ratio", sigmaRatio);
        return new MaxEntProblem(task, sigma, sigma * sigmaRatio, prior(task.contexts()), weightPrior(task));
    }

    /** The stimulus-weight reference law: isotropic, or the task-aligned rank-R prior of --prior-rank. */
    WeightPrior weightPrior(TaskMatrix task) {
        if (priorRank == null) {
            InvalidInputException.require(priorFloor == null, "--prior-floor", "given only with --prior-rank R", priorFloor);
            return WeightPrior.ISOTROPIC;
        }
        return WeightPrior.taskAligned(task, priorRank, priorFloor == null ? WeightPrior.DEFAULT_FLOOR : priorFloor,
                "--prior-rank", "--prior-floor");
    }

    /** A command that does not honour a structured weight prior refuses it (never accepted and ignored). */
    void refuseWeightPrior(String command, String why) {
        InvalidInputException.require(priorRank == null && priorFloor == null, priorRank != null ? "--prior-rank" : "--prior-floor",
                "not given to maxent " + command + " (" + why + "; use maxent solve, scan, sample or norm-match)", "given");
    }
}
