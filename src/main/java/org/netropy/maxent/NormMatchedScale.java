package org.netropy.maxent;

import org.netropy.io.InvalidInputException;
import org.netropy.task.TaskMatrix;

/**
 * The weight scale as a constraint (THEORY §3), for comparing with a trained network of known
 * size: maximise entropy subject to the task and {@code E[|w|² + z²] = R²}. The solution is the
 * max-ent law with {@code σ_w = σ_z = τ}, τ found by bisection on log τ so that
 * {@code τ² Σ_g P(g)[D + x_g/q_g + 1/q_g] = R²}; feasible iff {@code R² > 2S*(A)}. Under a
 * structured weight prior (THEORY §3) the norm is {@code τ² Σ_g P(g)[D + b̃ᵀS²b̃/q_g + 1/q_g]}; its
 * σ → 0 value can exceed 2S*(A) (the law minimises the S⁻¹-weighted norm, not |w|²), so a
 * requested norm the bisection cannot reach to 1e-9 is refused with the reached value.
 */
public final class NormMatchedScale {
    private NormMatchedScale() {}

    /** The matched τ and the max-ent solution there. */
    public record Result(double tau, MaxEntSolution solution) {}

    /** {@code E[|w|² + z²]} of a solution, summed per pattern or atom (exact for any task and prior). */
    public static double meanSquaredNorm(MaxEntSolution s) {
        return s.meanSquaredNorm();
    }

    public static Result solve(TaskMatrix task, GainPrior prior, double squaredNorm, SolverSettings settings) {
        return solve(task, prior, WeightPrior.ISOTROPIC, squaredNorm, settings);
    }

    /** Norm matching under a structured stimulus-weight reference law. */
    public static Result solve(TaskMatrix task, GainPrior prior, WeightPrior weights, double squaredNorm, SolverSettings settings) {
        Result r = solveUnchecked(task, prior, weights, squaredNorm, settings);
        double reached = r.solution().meanSquaredNorm();
        InvalidInputException.require(weights.isotropic() || Math.abs(reached - squaredNorm) <= 1e-9 * squaredNorm,
                "squared weight norm R^2",
                "a norm the max-ent law reaches under this weight prior (" + weights.describe() + "; closest reached "
                        + String.format("%.6g at tau = %.3g", reached, r.tau()) + ")", squaredNorm);
        return r;
    }

    private static Result solveUnchecked(TaskMatrix task, GainPrior prior, WeightPrior weights, double squaredNorm,
                                         SolverSettings settings) {
        InvalidInputException.positive("squared weight norm R^2", squaredNorm);
        if (prior.binary() && !prior.classesOnly()) {
            double minimum = 2 * GroupNormLimit.solve(task, prior).cost();
            InvalidInputException.require(squaredNorm > minimum, "squared weight norm R^2",
                    "greater than 2 S*(A) = " + String.format("%.6g", minimum) + " (the smallest norm that solves the task)", squaredNorm);
        }
        if (prior.maxAtoms() == 0) {
            double tau = bisect(task, prior, weights, squaredNorm, settings);
            return new Result(tau, MaxEntSolver.solve(MaxEntProblem.of(task, tau, prior, weights), settings, null));
        }
        // Continuous gains: bisect on one fixed quadrature rule, then solve at τ as `maxent solve`
        // would (refining from scratch); if that settles on another rule, bisect again on it, so
        // the returned solution has exactly the requested norm on the rule it reports.
        GainPrior rule = MaxEntSolver.solve(MaxEntProblem.of(task, initialTau(task, squaredNorm), prior, weights), settings, null)
                .problem().prior();
        Result result = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            double tau = bisect(task, rule.fixedRule(), weights, squaredNorm, settings);
            MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(task, tau, prior, weights), settings, null);
            result = new Result(tau, s);
            if (s.problem().prior().kind().equals(rule.kind())) {
                break;
            }
            rule = s.problem().prior();
        }
        return result;
    }

    private static double initialTau(TaskMatrix task, double squaredNorm) {
        return Math.sqrt(squaredNorm / (task.features() + 1));
    }

    /** log τ by bisection until the bracket is 1e-13 wide; the norm rises with τ. */
    private static double bisect(TaskMatrix task, GainPrior prior, WeightPrior weights, double squaredNorm, SolverSettings settings) {
        double lo = Math.log(1e-4);
        double hi = Math.log(initialTau(task, squaredNorm) * 2 + 1e-3);
        for (int grow = 0; grow < 60 && norm(task, prior, weights, Math.exp(hi), settings, null) < squaredNorm; grow++) {
            hi += Math.log(2);
        }
        double[][] warm = null;
        for (int i = 0; i < 100 && hi - lo > 1e-13; i++) {
            double mid = 0.5 * (lo + hi);
            MaxEntSolution last = MaxEntSolver.solve(MaxEntProblem.of(task, Math.exp(mid), prior, weights), settings, warm);
            warm = last.scaledLambda();
            if (meanSquaredNorm(last) < squaredNorm) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    private static double norm(TaskMatrix task, GainPrior prior, WeightPrior weights, double tau, SolverSettings settings, double[][] warm) {
        return meanSquaredNorm(MaxEntSolver.solve(MaxEntProblem.of(task, tau, prior, weights), settings, warm));
    }
}
