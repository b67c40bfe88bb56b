package org.netropy.maxent;

/**
 * A convex dual objective over an open domain, minimised by {@link DampedNewton}.
 * {@link #evaluate} returns null outside the domain (some {@code q_g ≤ 0}).
 */
interface DualFunction {
    int dimension();

    /** Value, gradient and (if asked) Hessian at x, or null if x is outside the domain. */
    Evaluation evaluate(double[] x, boolean withHessian);

    /** {@code |M − A|_F / |A|_F} at a point with the given gradient. */
    double relativeResidual(double[] gradient);

    record Evaluation(double value, double[] gradient, double[][] hessian) {}
}
