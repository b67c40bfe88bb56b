package org.netropy.maxent;

import static org.netropy.linalg.Vectors.dot;
import org.netropy.linalg.Cholesky;

/**
 * Damped Newton minimisation of a convex dual with a domain guard (THEORY §3): backtrack until
 * the point is inside the domain and either the Armijo condition holds or the gradient shrinks
 * (the second test lets the last steps, where the value changes below rounding, still converge).
 */
final class DampedNewton {
    /** Iterations without halving the residual after which the solve is declared stalled. */
    static final int STALL_ITERATIONS = 40;

    private DampedNewton() {}

    /** Outcome of one minimisation. */
    record Result(double[] x, double value, double residual, int iterations, boolean converged) {}

    static Result minimise(DualFunction f, double[] start, double tolerance, int maxIterations) {
        double[] x = start.clone();
        DualFunction.Evaluation e = f.evaluate(x, true);
        if (e == null) {
            throw new IllegalStateException("Newton start point outside the dual domain");
        }
        int n = x.length;
        double residual = f.relativeResidual(e.gradient());
        int it = 0;
        double best = residual;
        int sinceImprovement = 0;
        while (residual >= tolerance && it < maxIterations) {
            it++;
            if (residual < 0.5 * best) {
                best = residual;
                sinceImprovement = 0;
            } else if (++sinceImprovement > Math.max(STALL_ITERATIONS, maxIterations / 5)) {
                break; // rounding floor: more iterations only shuffle the last digits
            }
            double[] g = e.gradient();
            double[] dir = newtonDirection(e.hessian(), g);
            double slope = dot(g, dir);
            if (!(slope < 0)) { // not a descent direction: fall back to steepest descent
                dir = scaled(g, -1);
                slope = -dot(g, g);
            }
            double gradNorm = Math.sqrt(dot(g, g));
            double t = 1;
            DualFunction.Evaluation next = null;
            double[] trial = new double[n];
            for (int back = 0; back < 80; back++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + t * dir[i];
                }
                DualFunction.Evaluation cand = f.evaluate(trial, false);
                if (cand != null) {
                    boolean armijo = cand.value() <= e.value() + 1e-4 * t * slope;
                    boolean smallerGradient = Math.sqrt(dot(cand.gradient(), cand.gradient())) < gradNorm;
                    if (armijo || (smallerGradient && cand.value() <= e.value() + 1e-12 * Math.abs(e.value()))) {
                        next = cand;
                        break;
                    }
                }
                t *= 0.5;
            }
            if (next == null) {
                break; // no progress possible in floating point
            }
            x = trial.clone();
            e = f.evaluate(x, true);
            residual = f.relativeResidual(e.gradient());
        }
        return new Result(x, e.value(), residual, it, residual < tolerance);
    }

    private static double[] newtonDirection(double[][] h, double[] g) {
        int n = g.length;
        double ridge = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(h[i][i]));
        }
        for (int attempt = 0; attempt < 30; attempt++) {
            double[][] a = h;
            if (ridge > 0) {
                a = new double[n][];
                for (int i = 0; i < n; i++) {
                    a[i] = h[i].clone();
                    a[i][i] += ridge;
                }
            }
            Cholesky c = Cholesky.of(a);
            if (c != null) {
                return scaled(c.solve(g), -1);
            }
            ridge = ridge == 0 ? 1e-12 * Math.max(scale, 1e-300) : ridge * 10;
        }
        return scaled(g, -1);
    }

    private static double[] scaled(double[] a, double f) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * f;
        }
        return r;
    }
}
