package org.netropy.maxent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.io.InvalidInputException;

/**
 * Solves a {@link MaxEntProblem}: damped Newton on the convex dual (THEORY §3) from Λ̃ = 0 or a
 * warm start, with continuation in the weight scale when a direct solve does not converge
 * (very small σ), and the symmetric two-parameter reduction when the problem allows it.
 */
public final class MaxEntSolver {
    /** Posterior ESS below this fraction of the prior's ESS is reported as condensation. */
    static final double CONDENSATION_ESS_FRACTION = 0.01;
    /** A stalled solve with a residual below this is reported as converged at the rounding floor. */
    static final double ROUNDING_FLOOR = 1e-7;
    /** Continuous gains: an atom with q below this signals condensation onto extreme gains. */
    static final double CONDENSATION_Q = 1e-6;

    private MaxEntSolver() {}

    /**
     * Cost limit of the full enumeration: {@code 2^C · (D·C)²} (patterns × Hessian entries) at
     * most this, i.e. C ≤ 12 for D = C. Beyond it the full solver refuses instead of running for
     * minutes or out of memory (THEORY §3).
     */
    static final double FULL_COST_LIMIT = 1e8;
    /** Continuous gains: a law whose smallest q over the gain box is below this has condensed. */
    static final double CONDENSATION_BOX_Q = 1e-3;

    public static MaxEntSolution solve(MaxEntProblem problem) {
        return solve(problem, SolverSettings.DEFAULT, null);
    }

    /**
     * @param warmStart Λ̃ of a nearby problem (same D, C), e.g. the previous σ of a scan; or null
     */
    public static MaxEntSolution solve(MaxEntProblem problem, SolverSettings settings, double[][] warmStart) {
        if (problem.prior().maxAtoms() > 0) {
            return solveWithRefinement(problem, settings, warmStart);
        }
        return solveOnAtoms(problem, settings, warmStart);
    }

    /**
     * Continuous gains (THEORY §3): solve on a quadrature rule, refine it, solve again from the
     * last Λ̃, until class probabilities, class E[zw|g] and the KL change by less than the
     * quadrature tolerance. The change between the last two rules is the reported error
     * estimate; a law that does not settle within the atom budget is returned not converged,
     * with that estimate and the reason.
     */
    private static MaxEntSolution solveWithRefinement(MaxEntProblem problem, SolverSettings settings, double[][] warmStart) {
        double tol = settings.quadratureTolerance();
        MaxEntSolution previous = null;
        MaxEntSolution current;
        MaxEntProblem p = problem;
        double[][] warm = warmStart;
        double error = Double.NaN;
        while (true) {
            current = solveOnAtoms(p, settings, warm);
            if (!current.converged()) {
                break;
            }
            if (previous != null) {
                error = change(previous, current);
                if (error <= tol) {
                    break;
                }
            }
            GainPrior finer = p.prior().refined();
            if (finer == null) {
                break;
            }
            previous = current;
            warm = current.scaledLambda();
            p = p.withPrior(finer);
        }
        boolean ok = current.converged() && error <= tol;
        if (current.converged() && !ok) {
            double minQ = new FullDual(p).boxMinimumQ(flatten(current.scaledLambda(), p));
            String reached = Double.isNaN(error) ? "no refinement fits the atom budget" : String.format("reached %.2g", error);
            current.warnings().add(String.format("not converged: the quadrature of the continuous gains is not stable to"
                    + " %.0e (%s with %d atoms, --max-atoms %d)%s", tol, reached, p.prior().size(), p.prior().maxAtoms(),
                    minQ < CONDENSATION_BOX_Q ? String.format("; condensation: the law concentrates on the maximal-gain"
                            + " configuration (min q over the gain box = %.2g), use a larger --sigma", minQ)
                            : "; raise --max-atoms or --quadrature-tolerance"));
        }
        return current.withQuadrature(error, ok);
    }

    /**
     * Largest change of a class probability, the KL, or a class E[zw|g] component (relative to
     * its size when that exceeds 1) between two solutions.
     */
    static double change(MaxEntSolution a, MaxEntSolution b) {
        double max = Math.abs(a.kl() - b.kl());
        java.util.Map<String, Population> byLabel = new java.util.HashMap<>();
        for (Population pop : a.populations()) {
            byLabel.put(pop.label(), pop);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Population pb : b.populations()) {
            seen.add(pb.label());
            Population pa = byLabel.get(pb.label());
            if (pa == null) {
                max = Math.max(max, pb.probability());
                continue;
            }
            max = Math.max(max, Math.abs(pa.probability() - pb.probability()));
            // E[zw|g] of a class too rare to matter counts in proportion to its probability
            double weight = Math.min(1, Math.max(pa.probability(), pb.probability()) / 1e-3);
            for (int j = 0; j < pa.crossCovariance().length; j++) {
                double ea = pa.crossCovariance()[j];
                double eb = pb.crossCovariance()[j];
                max = Math.max(max, weight * Math.abs(ea - eb) / Math.max(1, Math.max(Math.abs(ea), Math.abs(eb))));
            }
        }
        for (Population pa : a.populations()) {
            if (!seen.contains(pa.label())) {
                max = Math.max(max, pa.probability());
            }
        }
        return max;
    }

    /** One solve on the prior's atoms as given (patterns, or one quadrature rule). */
    private static MaxEntSolution solveOnAtoms(MaxEntProblem problem, SolverSettings settings, double[][] warmStart) {
        boolean symmetric = isSymmetric(problem);
        boolean reduced = switch (settings.method()) {
            case AUTO -> symmetric;
            case FULL -> false;
            case REDUCED -> {
                InvalidInputException.require(symmetric, "--solver reduced", "used with a task A = a·I (C ≥ 2), an exchangeable"
                        + " binary gain prior and the isotropic weight prior (use --solver full or auto with --prior-rank)",
                        problem.weights().isotropic() ? "a non-symmetric problem" : "a structured weight prior");
                yield true;
            }
        };
        if (!reduced) {
            requireFullSolverFits(problem, settings);
        }
        DualFunction dual = reduced ? symmetricDual(problem) : new FullDual(problem);
        double[] start = reduced ? reducedStart(warmStart) : flatten(warmStart, problem);
        Stage stage = runWithContinuation(problem, settings, reduced, start);
        double[][] scaled = reduced ? symmetricLambda(problem.contexts(), stage.x) : unflatten(stage.x, problem);
        List<String> warnings = new ArrayList<>();
        if (!stage.converged && stage.residual < ROUNDING_FLOOR) {
            warnings.add(String.format("residual %.2g stalled above the tolerance %.0e (double-precision floor or a"
                    + " near-boundary valley of the dual); results are accurate to about this level",
                    stage.residual, settings.tolerance()));
            stage = new Stage(stage.x, stage.residual, stage.iterations, true);
        } else if (!stage.converged) {
            warnings.add(String.format("not converged at sigma-w=%g, sigma-z=%g: residual %.3g after %d iterations",
                    problem.sigmaW(), problem.sigmaZ(), stage.residual, stage.iterations));
        }
        double residual = dual.relativeResidual(dual.evaluate(stage.x, false).gradient());
        if (reduced) {
            return SolutionStatistics.fromClasses(problem, (SymmetricDual) dual, stage.x, scaled, stage.iterations,
                    residual, stage.converged, warnings);
        }
        MaxEntSolution s = SolutionStatistics.fromAtoms(problem, scaled, stage.iterations, residual, stage.converged,
                "full", warnings);
        if (!problem.prior().binary()) {
            double minQ = SolutionStatistics.minimumQ(problem, scaled);
            double boxQ = ((FullDual) dual).boxMinimumQ(stage.x);
            if (boxQ < CONDENSATION_BOX_Q || s.posteriorEffectiveSampleSize() < CONDENSATION_ESS_FRACTION * s.priorEffectiveSampleSize()
                    || minQ < CONDENSATION_Q) {
                s.warnings().add(String.format("condensation: the max-ent law presses against the maximal-gain"
                        + " configuration (min q = %.2g on the atoms, %.2g over the gain box; effective sample size of the atoms %.1f under the law, %.1f under the prior)",
                        minQ, boxQ, s.posteriorEffectiveSampleSize(), s.priorEffectiveSampleSize()));
            }
        }
        return s;
    }

    /** Refuses a full enumeration beyond its cost limit, naming the option (THEORY §3). */
    private static void requireFullSolverFits(MaxEntProblem problem, SolverSettings settings) {
        GainPrior prior = problem.prior();
        String option = settings.method() == SolverSettings.Method.FULL ? "--solver full" : "--solver auto (full enumeration)";
        InvalidInputException.require(!prior.classesOnly(), option,
                "at most C = " + GainPrior.MAX_ENUMERATED_CONTEXTS + " contexts (larger C needs A = a·I with an exchangeable"
                        + " binary prior, solved by the reduced solver)", "C = " + problem.contexts());
        if (prior.binary()) {
            double dim = (double) problem.features() * problem.contexts();
            double cost = prior.size() * dim * dim;
            InvalidInputException.require(cost <= FULL_COST_LIMIT, option,
                    "at most 2^C·(D·C)² = 1e8 (C <= 12 for D = C; A = a·I with an exchangeable prior runs at any C with"
                            + " --solver auto or reduced)", String.format("C = %d, D = %d: %.3g", problem.contexts(),
                            problem.features(), cost));
        }
    }

    /** A = a·I with D = C ≥ 2, an exchangeable binary prior and the isotropic weight prior. */
    static boolean isSymmetric(MaxEntProblem p) {
        int c = p.contexts();
        if (!p.weights().isotropic() || c < 2 || p.features() != c || !p.prior().binary() || !p.prior().exchangeable()) {
            return false;
        }
        double a = p.task().get(0, 0);
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < c; k++) {
                double expected = j == k ? a : 0;
                if (Math.abs(p.task().get(j, k) - expected) > 1e-14 * Math.max(1, Math.abs(a))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static SymmetricDual symmetricDual(MaxEntProblem p) {
        int c = p.contexts();
        return new SymmetricDual(c, p.prior().patternPriorBySize(), p.task().get(0, 0), p.kappa());
    }

    private record Stage(double[] x, double residual, int iterations, boolean converged) {}

    /**
     * Direct Newton first; if it fails, continuation: solve a sequence of problems with both
     * scales multiplied by a factor falling geometrically to 1, each warm-started from the last.
     */
    private static Stage runWithContinuation(MaxEntProblem problem, SolverSettings settings, boolean reduced, double[] start) {
        DualFunction dual = reduced ? symmetricDual(problem) : new FullDual(problem);
        if (dual.evaluate(start, false) == null) {
            start = new double[start.length];
        }
        DampedNewton.Result direct = DampedNewton.minimise(dual, start, settings.tolerance(), settings.maxIterations());
        if (direct.converged() || direct.residual() < ROUNDING_FLOOR) {
            return new Stage(direct.x(), direct.residual(), direct.iterations(), true);
        }
        int total = direct.iterations();
        double[] x = new double[start.length];
        // Start where |A|/√κ is small, so Λ̃ = 0 is close to the solution.
        double normA = 0;
        for (double[] row : problem.task().entries()) {
            for (double v : row) {
                normA += v * v;
            }
        }
        normA = Math.sqrt(normA);
        double factor = Math.max(2, Math.sqrt(4 * normA / Math.sqrt(problem.kappa())));
        DampedNewton.Result r = direct;
        while (true) {
            MaxEntProblem scaled = problem.withScaleFactor(factor);
            DualFunction d = reduced ? symmetricDual(scaled) : new FullDual(scaled);
            r = DampedNewton.minimise(d, x, settings.tolerance(), settings.maxIterations());
            total += r.iterations();
            x = r.x();
            if (factor == 1) {
                break;
            }
            factor = Math.max(1, factor / 1.5);
        }
        if (!r.converged() && direct.residual() < r.residual()) {
            return new Stage(direct.x(), direct.residual(), total, false);
        }
        return new Stage(r.x(), r.residual(), total, r.converged());
    }

    static double[][] symmetricLambda(int c, double[] x) {
        double[][] l = new double[c][c];
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < c; k++) {
                l[j][k] = j == k ? x[0] : x[1];
            }
        }
        return l;
    }

    private static double[] reducedStart(double[][] warm) {
        if (warm == null || warm.length < 2) {
            return new double[2];
        }
        return new double[] {warm[0][0], warm[0][1]};
    }

    private static double[] flatten(double[][] warm, MaxEntProblem p) {
        int d = p.features();
        int c = p.contexts();
        double[] x = new double[d * c];
        if (warm != null && warm.length == d && warm[0].length == c) {
            for (int j = 0; j < d; j++) {
                System.arraycopy(warm[j], 0, x, j * c, c);
            }
        }
        return x;
    }

    static double[][] unflatten(double[] x, MaxEntProblem p) {
        int d = p.features();
        int c = p.contexts();
        double[][] l = new double[d][c];
        for (int j = 0; j < d; j++) {
            System.arraycopy(x, j * c, l[j], 0, c);
        }
        return l;
    }

    /**
     * Solves a σ grid (any order), warm-starting each σ from its larger neighbour, and hands each
     * solution with its index in {@code sigmas} to {@code sink} as soon as it is solved (in
     * descending σ), so a scan holds one solution at a time.
     */
    public static void scan(MaxEntProblem base, double[] sigmas, SolverSettings settings,
                            java.util.function.ObjIntConsumer<MaxEntSolution> sink) {
        Integer[] order = new Integer[sigmas.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sigmas[b], sigmas[a]));
        double[][] warm = null;
        double ratio = base.sigmaZ() / base.sigmaW();
        for (int i : order) {
            double s = sigmas[i];
            MaxEntSolution sol = solve(base.withSigmas(s, s * ratio), settings, warm);
            warm = sol.scaledLambda();
            sink.accept(sol, i);
        }
    }

    /** Solves a σ grid (any order); the solutions in the order of {@code sigmas}. */
    public static Map<Double, MaxEntSolution> scan(MaxEntProblem base, double[] sigmas, SolverSettings settings) {
        MaxEntSolution[] out = new MaxEntSolution[sigmas.length];
        scan(base, sigmas, settings, (s, i) -> out[i] = s);
        Map<Double, MaxEntSolution> inOrder = new LinkedHashMap<>();
        for (int i = 0; i < sigmas.length; i++) {
            inOrder.put(sigmas[i], out[i]);
        }
        return inOrder;
    }
}
