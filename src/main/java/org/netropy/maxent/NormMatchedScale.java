package org.netropy.maxent;

import org.netropy.io.InvalidInputException;
import org.netropy.task.TaskMatrix;

/**
 * The weight scale as a constraint (THEORY §3), for comparing with a trained network of known
 * size: maximise entropy subject to the task and {@code E[|w|² + z²] = R²}. The solution is the
 * max-ent law with {@code σ_w = σ_z = τ}, τ found by bisection on log τ so that
 * {@code τ² Σ_g P(g)[D + x_g/q_g + 1/q_g] = R²}; feasible iff {@code R² > 2S*(A)}.
 */
public final class NormMatchedScale {
    private NormMatchedScale() {}

    /** The matched τ and the max-ent solution there. */
    public record Result(double tau, MaxEntSolution solution) {}

    /** {@code E[|w|² + z²]} of a solution. */
    public static double meanSquaredNorm(MaxEntSolution s) {
        MaxEntProblem p = s.problem();
        double sw2 = p.sigmaW() * p.sigmaW();
        double sz2 = p.sigmaZ() * p.sigmaZ();
        double sum = 0;
        for (PatternClass c : s.classes()) {
            double q = 1 - c.structure();
            sum += c.probability() * (sw2 * (p.features() + (1 - q) / q) + sz2 / q);
        }
        return sum;
    }

    public static Result solve(TaskMatrix task, GainPrior prior, double squaredNorm, SolverSettings settings) {
        InvalidInputException.positive("squared weight norm R^2", squaredNorm);
        if (prior.binary() && !prior.classesOnly()) {
            double minimum = 2 * GroupNormLimit.solve(task, prior).cost();
            InvalidInputException.require(squaredNorm > minimum, "squared weight norm R^2",
                    "greater than 2 S*(A) = " + String.format("%.6g", minimum) + " (the smallest norm that solves the task)", squaredNorm);
        }
        double lo = Math.log(1e-4);
        double hi = Math.log(Math.sqrt(squaredNorm / (task.features() + 1)) * 2 + 1e-3);
        double[][] warm = null;
        for (int grow = 0; grow < 60 && norm(task, prior, Math.exp(hi), settings, null) < squaredNorm; grow++) {
            hi += Math.log(2);
        }
        MaxEntSolution last = null;
        for (int i = 0; i < 100 && hi - lo > 1e-13; i++) {
            double mid = 0.5 * (lo + hi);
            last = MaxEntSolver.solve(MaxEntProblem.of(task, Math.exp(mid), prior), settings, warm);
            warm = last.scaledLambda();
            if (meanSquaredNorm(last) < squaredNorm) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double tau = Math.exp(0.5 * (lo + hi));
        return new Result(tau, MaxEntSolver.solve(MaxEntProblem.of(task, tau, prior), settings, warm));
    }

    private static double norm(TaskMatrix task, GainPrior prior, double tau, SolverSettings settings, double[][] warm) {
        return meanSquaredNorm(MaxEntSolver.solve(MaxEntProblem.of(task, tau, prior), settings, warm));
    }
}
