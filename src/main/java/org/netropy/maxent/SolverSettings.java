package org.netropy.maxent;

import org.netropy.io.InvalidInputException;

/**
 * Settings of the damped-Newton dual solver (THEORY §3).
 *
 * @param tolerance     stop when {@code |M − A|_F / |A|_F} falls below it
 * @param maxIterations Newton iterations per continuation stage
 * @param method        full enumeration, the symmetric reduction, or automatic choice
 */
public record SolverSettings(double tolerance, int maxIterations, Method method) {

    /** Which dual to solve. */
    public enum Method {
        /** Reduced when the problem is symmetric (A = aI, exchangeable binary prior), else full. */
        AUTO,
        /** Newton over all D·C multipliers, all gain atoms enumerated. */
        FULL,
        /** Two multipliers Λ = λI + μ(J − I), patterns grouped by their number of active contexts. */
        REDUCED
    }

    public static final SolverSettings DEFAULT = new SolverSettings(1e-11, 200, Method.AUTO);

    public SolverSettings {
        InvalidInputException.require(tolerance > 0 && tolerance < 1, "tolerance", "a number in (0, 1)", tolerance);
        InvalidInputException.inRange("max iterations", maxIterations, 1, 1_000_000);
        InvalidInputException.require(method != null, "solver", "auto, full or reduced", "null");
    }

    public SolverSettings withMethod(Method m) {
        return new SolverSettings(tolerance, maxIterations, m);
    }
}
