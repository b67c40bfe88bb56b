package org.netropy.maxent;

import org.netropy.io.InvalidInputException;

/**
 * Settings of the damped-Newton dual solver (THEORY §3).
 *
 * @param tolerance     stop when {@code |M − A|_F / |A|_F} falls below it
 * @param maxIterations Newton iterations per continuation stage
 * @param method        full enumeration, the symmetric reduction, or automatic choice
 * @param quadratureTolerance continuous gains: refine the quadrature until class probabilities,
 *                      class {@code E[zw|g]} and the KL change by less than this between two rules
 */
public record SolverSettings(double tolerance, int maxIterations, Method method, double quadratureTolerance) {

    /** Which dual to solve. */
    public enum Method {
        /** Reduced when the problem is symmetric (A = aI, exchangeable binary prior), else full. */
        AUTO,
        /** Newton over all D·C multipliers, all gain atoms enumerated. */
        FULL,
        /** Two multipliers Λ = λI + μ(J − I), patterns grouped by their number of active contexts. */
        REDUCED
    }

    public static final SolverSettings DEFAULT = new SolverSettings(1e-11, 200, Method.AUTO, 1e-6);

    public SolverSettings {
        InvalidInputException.require(tolerance > 0 && tolerance < 1, "tolerance", "a number in (0, 1)", tolerance);
        InvalidInputException.inRange("max iterations", maxIterations, 1, 1_000_000);
        InvalidInputException.require(method != null, "solver", "auto, full or reduced", "null");
        InvalidInputException.require(quadratureTolerance > 0 && quadratureTolerance < 1, "quadrature tolerance",
                "a number in (0, 1)", quadratureTolerance);
    }

    public SolverSettings(double tolerance, int maxIterations, Method method) {
        this(tolerance, maxIterations, method, DEFAULT_QUADRATURE_TOLERANCE);
    }

    /** Default stability required of continuous-gain results between quadrature refinements. */
    public static final double DEFAULT_QUADRATURE_TOLERANCE = 1e-6;

    public SolverSettings withMethod(Method m) {
        return new SolverSettings(tolerance, maxIterations, m, quadratureTolerance);
    }
}
