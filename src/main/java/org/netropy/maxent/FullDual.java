package org.netropy.maxent;

/**
 * The dual {@code G(Λ̃) = log Z(Λ̃) − ⟨Λ̃, A/√κ⟩} over all D·C multipliers (THEORY §3), in the
 * scaled variables {@code Λ̃ = √κ Λ} whose domain {@code |Λ̃ g| < 1 ∀g} does not depend on σ.
 * With {@code b̃_g = Λ̃ g} and {@code q_g = 1 − |b̃_g|²}: {@code Z = Σ_g π(g) q_g^{-1/2}},
 * gradient {@code Σ_g P(g) b̃_g gᵀ/q_g − A/√κ}, Hessian
 * {@code Σ_g P(g)[(I⊗ggᵀ)/q_g + 3 u_g u_gᵀ/q_g²] − M̃M̃ᵀ} with {@code u_g = vec(b̃_g gᵀ)}.
 * Under a structured reference law {@code N(0, σ_w² S)} (THEORY §3) the same formulas hold with
 * {@code q_g = 1 − b̃_gᵀSb̃_g}, {@code u_g = vec(S b̃_g gᵀ)} and {@code S⊗ggᵀ} for {@code I⊗ggᵀ}.
 * x is Λ̃ flattened row-major (index j·C + k).
 */
final class FullDual implements DualFunction {
    private final int features;
    private final int contexts;
    private final double[][] gains;
    private final double[] logPrior;
    private final double[] scaledTarget;
    private final double sqrtKappa;
    private final double targetNorm;
    /** Corners of the attainable-gain box (continuous gains), or null. */
    private final double[][] vertices;
    /** Continuous gains beyond 16 contexts: bound |Λ̃g| ≤ sup φ' Σ_k |Λ̃_k| instead of corners. */
    private final double boxBound;
    /** The shape S of the stimulus-weight reference law (isotropic: S = I). */
    private final WeightPrior shape;

    FullDual(MaxEntProblem problem) {
        this.vertices = problem.prior().gainBoxVertices();
        this.boxBound = vertices == null && problem.prior().activation() != null && !problem.prior().binary()
                ? problem.prior().activation().supremum() : 0;
        this.features = problem.features();
        this.contexts = problem.contexts();
        this.shape = problem.weights();
        GainPrior prior = problem.prior();
        int kept = 0;
        for (double w : prior.weights()) {
            if (w > 0) {
                kept++;
            }
        }
        gains = new double[kept][];
        logPrior = new double[kept];
        int a = 0;
        for (int i = 0; i < prior.size(); i++) {
            if (prior.weights()[i] > 0) {
                gains[a] = prior.gains()[i];
                logPrior[a] = Math.log(prior.weights()[i]);
                a++;
            }
        }
        sqrtKappa = Math.sqrt(problem.kappa());
        scaledTarget = new double[features * contexts];
        double norm2 = 0;
        for (int j = 0; j < features; j++) {
            for (int k = 0; k < contexts; k++) {
                double v = problem.task().get(j, k);
                scaledTarget[j * contexts + k] = v / sqrtKappa;
                norm2 += v * v;
            }
        }
        targetNorm = norm2 > 0 ? Math.sqrt(norm2) : 1;
    }

    @Override
    public int dimension() {
        return features * contexts;
    }

    /** {@code b̃ = Λ̃ g}. */
    static double[] tilt(double[] x, double[] g, int features, int contexts) {
        double[] b = new double[features];
        for (int j = 0; j < features; j++) {
            double s = 0;
            for (int k = 0; k < contexts; k++) {
                s += x[j * contexts + k] * g[k];
            }
            b[j] = s;
        }
        return b;
    }

    /**
     * Smallest {@code 1 − |Λ̃g|²} over the box of attainable gains (continuous priors; THEORY §3):
     * the law is normalisable iff it is positive. +∞ for pattern lists.
     */
    double boxMinimumQ(double[] x) {
        if (vertices != null) {
            double min = Double.POSITIVE_INFINITY;
            for (double[] g : vertices) {
                double[] b = tilt(x, g, features, contexts);
                min = Math.min(min, 1 - org.netropy.linalg.Vectors.dot(b, shape.apply(b)));
            }
            return min;
        }
        if (boxBound > 0) {
            double bound = 0;
            for (int k = 0; k < contexts; k++) {
                double col = 0;
                for (int j = 0; j < features; j++) {
                    col += x[j * contexts + k] * x[j * contexts + k];
                }
                bound += Math.sqrt(col);
            }
            bound *= boxBound * Math.sqrt(shape.spectralBound());
            return 1 - bound * bound;
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public Evaluation evaluate(double[] x, boolean withHessian) {
        if (!(boxMinimumQ(x) > 0)) {
            return null;
        }
        int n = gains.length;
        int dim = dimension();
        double[][] b = new double[n][];
        double[][] sb = new double[n][];
        double[] q = new double[n];
        double[] logWeight = new double[n];
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            b[a] = tilt(x, gains[a], features, contexts);
            sb[a] = shape.apply(b[a]);
            double b2 = org.netropy.linalg.Vectors.dot(b[a], sb[a]);
            q[a] = 1 - b2;
            if (!(q[a] > 0)) {
                return null;
            }
            logWeight[a] = logPrior[a] - 0.5 * Math.log(q[a]);
            maxLog = Math.max(maxLog, logWeight[a]);
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            sum += Math.exp(logWeight[a] - maxLog);
        }
        double logZ = maxLog + Math.log(sum);
        double value = logZ - org.netropy.linalg.Vectors.dot(x, scaledTarget);
        double[] grad = new double[dim];
        double[][] hess = withHessian ? new double[dim][dim] : null;
        double[][] ggSum = withHessian ? new double[contexts][contexts] : null;
        double[] u = new double[dim];
        int[] support = new int[dim];
        for (int a = 0; a < n; a++) {
            double p = Math.exp(logWeight[a] - logZ);
            double[] g = gains[a];
            for (int j = 0; j < features; j++) {
                for (int k = 0; k < contexts; k++) {
                    u[j * contexts + k] = sb[a][j] * g[k];
                }
            }
            double pq = p / q[a];
            for (int i = 0; i < dim; i++) {
                grad[i] += pq * u[i];
            }
            if (withHessian) {
                // u = b̃ ⊗ g is zero wherever g_k = 0: accumulate over its support only.
                int nnz = 0;
                for (int i = 0; i < dim; i++) {
                    if (u[i] != 0) {
                        support[nnz++] = i;
                    }
                }
                double c3 = 3 * p / (q[a] * q[a]);
                for (int ii = 0; ii < nnz; ii++) {
                    int i = support[ii];
                    double ui = c3 * u[i];
                    double[] row = hess[i];
                    for (int jj = 0; jj <= ii; jj++) {
                        int j = support[jj];
                        row[j] += ui * u[j];
                    }
                }
                for (int k = 0; k < contexts; k++) {
                    for (int l = 0; l < contexts; l++) {
                        ggSum[k][l] += pq * g[k] * g[l];
                    }
                }
            }
        }
        if (withHessian) {
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j <= i; j++) {
                    hess[i][j] -= grad[i] * grad[j];
                }
            }
            for (int j = 0; j < features; j++) {
                for (int k = 0; k < contexts; k++) {
                    for (int l = 0; l <= k; l++) {
                        hess[j * contexts + k][j * contexts + l] += ggSum[k][l];
                    }
                }
            }
            if (!shape.isotropic()) { // (S − I) ⊗ Σ P ggᵀ/q, lower triangle (the diagonal blocks above hold I)
                for (int j = 0; j < features; j++) {
                    for (int i = 0; i <= j; i++) {
                        double sji = shape.entry(j, i) - (i == j ? 1 : 0);
                        if (sji == 0) {
                            continue;
                        }
                        for (int k = 0; k < contexts; k++) {
                            int limit = i == j ? k : contexts - 1;
                            for (int l = 0; l <= limit; l++) {
                                hess[j * contexts + k][i * contexts + l] += sji * ggSum[k][l];
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < i; j++) {
                    hess[j][i] = hess[i][j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            grad[i] -= scaledTarget[i];
        }
        return new Evaluation(value, grad, hess);
    }

    @Override
    public double relativeResidual(double[] gradient) {
        return sqrtKappa * Math.sqrt(org.netropy.linalg.Vectors.dot(gradient, gradient)) / targetNorm;
    }
}
