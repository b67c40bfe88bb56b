package org.netropy.maxent;

/**
 * Gauss–Hermite quadrature for expectations over a standard normal:
 * {@code E[f(X)] ≈ Σ_i weight(i) f(node(i))}, X ~ N(0,1) (probabilists' form, weights sum to 1).
 * Nodes are found by Newton's method on the Hermite recurrence (Golub–Welsch would do as well).
 */
final class GaussHermite {
    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    static GaussHermite of(int n) {
        // Physicists' Hermite nodes x_i and weights; then node √2·x_i and weight w_i/√π.
        double[] x = new double[n];
        double[] w = new double[n];
        int m = (n + 1) / 2;
        double z = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0) {
                z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -0.16667);
            } else if (i == 1) {
                z -= 1.14 * Math.pow(n, 0.426) / z;
            } else if (i == 2) {
                z = 1.86 * z - 0.86 * x[0];
            } else if (i == 3) {
                z = 1.91 * z - 0.91 * x[1];
            } else {
                z = 2.0 * z - x[i - 2];
            }
            double pp = 0;
            for (int it = 0; it < 100; it++) {
                double p1 = 1 / Math.pow(Math.PI, 0.25);
                double p2 = 0;
                for (int j = 0; j < n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.sqrt(2.0 / (j + 1)) * p2 - Math.sqrt((double) j / (j + 1)) * p3;
                }
                pp = Math.sqrt(2.0 * n) * p2;
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) {
                    break;
                }
            }
            x[i] = z;
            x[n - 1 - i] = -z;
            w[i] = 2.0 / (pp * pp);
            w[n - 1 - i] = w[i];
        }
        double[] nodes = new double[n];
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            nodes[i] = Math.sqrt(2) * x[i];
            weights[i] = w[i] / Math.sqrt(Math.PI);
            sum += weights[i];
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= sum; // exact up to rounding; renormalise the last ulps
        }
        return new GaussHermite(nodes, weights);
    }

    int size() {
        return nodes.length;
    }

    double node(int i) {
        return nodes[i];
    }

    double weight(int i) {
        return weights[i];
    }
}
