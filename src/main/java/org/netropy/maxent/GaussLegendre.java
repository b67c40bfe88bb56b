package org.netropy.maxent;

/**
 * Gauss–Legendre quadrature on an interval: {@code ∫_a^b f ≈ Σ_i weight(i) f(node(i))}, exact for
 * polynomials of degree 2n − 1. Nodes by Newton's method on the Legendre recurrence from the
 * Chebyshev-like initial guesses {@code cos(π(i + 3/4)/(n + 1/2))}.
 */
final class GaussLegendre {
    private final double[] nodes;  // on [-1, 1]
    private final double[] weights;

    private GaussLegendre(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    static GaussLegendre of(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = z;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                if (n == 1) {
                    p0 = 1;
                    p1 = z;
                }
                dp = n * (z * p1 - p0) / (z * z - 1);
                double dz = p1 / dp;
                z -= dz;
                if (Math.abs(dz) <= 1e-16) {
                    break;
                }
            }
            x[i] = -z;
            x[n - 1 - i] = z;
            w[i] = 2 / ((1 - z * z) * dp * dp);
            w[n - 1 - i] = w[i];
        }
        return new GaussLegendre(x, w);
    }

    int size() {
        return nodes.length;
    }

    /** Node i mapped to [a, b]. */
    double node(int i, double a, double b) {
        return 0.5 * (a + b) + 0.5 * (b - a) * nodes[i];
    }

    /** Weight i for [a, b]. */
    double weight(int i, double a, double b) {
        return 0.5 * (b - a) * weights[i];
    }
}
