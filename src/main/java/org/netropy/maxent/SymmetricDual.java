package org.netropy.maxent;

/**
 * The symmetric reduction of the dual (THEORY §3): for {@code A = a·I_C} and an exchangeable
 * binary prior the optimum is invariant under permuting features and contexts together, so
 * {@code Λ̃ = λI + μ(J − I)}. A pattern with m active contexts has
 * {@code |b̃|²_m = m(λ + μ(m−1))² + (C−m) μ² m²}, and the dual becomes a two-parameter problem
 * over m = 0..C with binomial multiplicities — cheap for C up to 64 and beyond.
 */
final class SymmetricDual implements DualFunction {
    private final int contexts;
    private final double[] logClassPrior; // log(binom(C,m) π_m), -inf if unused
    private final double scaledDiagonal;  // a / √κ
    private final double sqrtKappa;
    private final double targetNorm;

    /**
     * @param contexts       C ≥ 2
     * @param patternPrior   π of ONE pattern with m active contexts, m = 0..C
     * @param diagonal       a, the task diagonal
     * @param kappa          κ = σ_w² σ_z²
     */
    SymmetricDual(int contexts, double[] patternPrior, double diagonal, double kappa) {
        this.contexts = contexts;
        this.logClassPrior = new double[contexts + 1];
        for (int m = 0; m <= contexts; m++) {
            logClassPrior[m] = patternPrior[m] > 0 ? logBinomial(contexts, m) + Math.log(patternPrior[m]) : Double.NEGATIVE_INFINITY;
        }
        this.sqrtKappa = Math.sqrt(kappa);
        this.scaledDiagonal = diagonal / sqrtKappa;
        this.targetNorm = Math.abs(diagonal) > 0 ? Math.abs(diagonal) * Math.sqrt(contexts) : 1;
    }

    static double logBinomial(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    @Override
    public int dimension() {
        return 2;
    }

    /** |b̃|² of an m-pattern. */
    static double tiltNorm2(int contexts, int m, double lambda, double mu) {
        double on = lambda + mu * (m - 1);
        return m * on * on + (double) (contexts - m) * mu * mu * m * m;
    }

    /** Log-weights {@code log(binom π_m) − ½ log q_m}, or null outside the domain. */
    double[] logClassWeights(double[] x) {
        double[] lw = new double[contexts + 1];
        for (int m = 0; m <= contexts; m++) {
            if (logClassPrior[m] == Double.NEGATIVE_INFINITY) {
                lw[m] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double q = 1 - tiltNorm2(contexts, m, x[0], x[1]);
            if (!(q > 0)) {
                return null;
            }
            lw[m] = logClassPrior[m] - 0.5 * Math.log(q);
        }
        return lw;
    }

    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - max);
        }
        return max + Math.log(s);
    }

    @Override
    public Evaluation evaluate(double[] x, boolean withHessian) {
        double[] lw = logClassWeights(x);
        if (lw == null) {
            return null;
        }
        double logZ = logSumExp(lw);
        double lam = x[0];
        double mu = x[1];
        int c = contexts;
        double[] grad = new double[2];
        double[][] hess = new double[2][2];
        for (int m = 0; m <= c; m++) {
            if (lw[m] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double p = Math.exp(lw[m] - logZ);
            double q = 1 - tiltNorm2(c, m, lam, mu);
            double on = lam + mu * (m - 1);
            double d0 = 2 * m * on;
            double d1 = 2.0 * m * (m - 1) * on + 2.0 * (c - m) * m * m * mu;
            double h00 = 2.0 * m;
            double h01 = 2.0 * m * (m - 1);
            double h11 = 2.0 * m * (m - 1) * (m - 1) + 2.0 * (c - m) * m * m;
            double r0 = d0 / (2 * q);
            double r1 = d1 / (2 * q);
            grad[0] += p * r0;
            grad[1] += p * r1;
            double qq = 2 * q * q;
            hess[0][0] += p * (r0 * r0 + h00 / (2 * q) + d0 * d0 / qq);
            hess[0][1] += p * (r0 * r1 + h01 / (2 * q) + d0 * d1 / qq);
            hess[1][1] += p * (r1 * r1 + h11 / (2 * q) + d1 * d1 / qq);
        }
        hess[0][0] -= grad[0] * grad[0];
        hess[0][1] -= grad[0] * grad[1];
        hess[1][1] -= grad[1] * grad[1];
        hess[1][0] = hess[0][1];
        double value = logZ - lam * c * scaledDiagonal;
        grad[0] -= c * scaledDiagonal;
        return new Evaluation(value, grad, withHessian ? hess : null);
    }

    @Override
    public double relativeResidual(double[] gradient) {
        // ∂λ = C·δ_diag, ∂μ = C(C−1)·δ_off, so |M̃ − Ã|_F² = ∂λ²/C + ∂μ²/(C(C−1)).
        double c = contexts;
        double f2 = gradient[0] * gradient[0] / c + gradient[1] * gradient[1] / (c * (c - 1));
        return sqrtKappa * Math.sqrt(f2) / targetNorm;
    }
}
