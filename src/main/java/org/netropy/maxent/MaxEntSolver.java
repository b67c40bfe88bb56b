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

    public static MaxEntSolution solve(MaxEntProblem problem) {
        return solve(problem, SolverSettings.DEFAULT, null);
    }

    /**
     * @param warmStart Λ̃ of a nearby problem (same D, C), e.g. the previous σ of a scan; or null
     */
    public static MaxEntSolution solve(MaxEntProblem problem, SolverSettings settings, double[][] warmStart) {
        boolean symmetric = isSymmetric(problem);
        boolean reduced = switch (settings.method()) {
            case AUTO -> symmetric;
            case FULL -> false;
            case REDUCED -> {
                InvalidInputException.require(symmetric, "--solver reduced",
                        "used with a task A = a·I (C ≥ 2) and an exchangeable binary gain prior", "a non-symmetric problem");
                yield true;
            }
        };
        InvalidInputException.require(reduced || !problem.prior().classesOnly(), "contexts",
                "at most " + GainPrior.MAX_ENUMERATED_CONTEXTS + " for the full solver (larger C needs A = a·I and the reduced solver)",
                problem.contexts());
        InvalidInputException.require(reduced || problem.prior().size() <= (1 << 20), "gain prior",
                "at most 2^20 atoms for the full solver (use the reduced solver for large symmetric problems)", problem.prior().size());
        if (!problem.prior().binary()) {
            // Continuous gains: the optimum can press against extreme atoms (near-condensation),
            // where Newton crawls along a curved valley; allow it more iterations before giving up.
            settings = new SolverSettings(settings.tolerance(), settings.maxIterations() * 10, settings.method());
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
            warnings.add(String.format("did not converge at sigma-w=%g, sigma-z=%g: residual %.3g after %d iterations",
                    problem.sigmaW(), problem.sigmaZ(), stage.residual, stage.iterations));
        }
        double residual = dual.relativeResidual(dual.evaluate(stage.x, false).gradient());
        if (problem.prior().classesOnly()) {
            return SolutionStatistics.fromClasses(problem, (SymmetricDual) dual, stage.x, scaled, stage.iterations,
                    residual, stage.converged, warnings);
        }
        MaxEntSolution s = SolutionStatistics.fromAtoms(problem, scaled, stage.iterations, residual, stage.converged,
                reduced ? "reduced" : "full", warnings);
        if (!problem.prior().binary()) {
            double minQ = SolutionStatistics.minimumQ(problem, scaled);
            if (s.posteriorEffectiveSampleSize() < CONDENSATION_ESS_FRACTION * s.priorEffectiveSampleSize() || minQ < CONDENSATION_Q) {
                s.warnings().add(String.format("condensation: the max-ent law presses against extreme gain atoms"
                        + " (min q = %.2g, effective sample size %.1f of %.1f); the continuous-gain dual is not steep here"
                        + " and the atom quadrature no longer represents the law: use a larger --sigma or fewer --quadrature-nodes",
                        minQ, s.posteriorEffectiveSampleSize(), s.priorEffectiveSampleSize()));
            }
        }
        return s;
    }

    /** A = a·I with D = C ≥ 2 and an exchangeable binary prior. */
    static boolean isSymmetric(MaxEntProblem p) {
        int c = p.contexts();
        if (c < 2 || p.features() != c || !p.prior().binary() || !p.prior().exchangeable()) {
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

    /** Solves a σ grid (any order), warm-starting each σ from its larger neighbour. */
    public static Map<Double, MaxEntSolution> scan(MaxEntProblem base, double[] sigmas, SolverSettings settings) {
        double[] sorted = java.util.Arrays.stream(sigmas).boxed().sorted(java.util.Comparator.reverseOrder())
                .mapToDouble(Double::doubleValue).toArray();
        Map<Double, MaxEntSolution> out = new LinkedHashMap<>();
        double[][] warm = null;
        double ratio = base.sigmaZ() / base.sigmaW();
        for (double s : sorted) {
            MaxEntProblem p = new MaxEntProblem(base.task(), s, s * ratio, base.prior());
            MaxEntSolution sol = solve(p, settings, warm);
            warm = sol.scaledLambda();
            out.put(s, sol);
        }
        Map<Double, MaxEntSolution> inOrder = new LinkedHashMap<>();
        for (double s : sigmas) {
            inOrder.put(s, out.get(s));
        }
        return inOrder;
    }
}
