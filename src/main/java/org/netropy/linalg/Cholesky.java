package org.netropy.linalg;

/**
 * Cholesky factorisation of a small dense symmetric positive-definite matrix, for Newton steps
 * and Gaussian log-densities. Pure Java: the analytic engines must not load a native backend.
 *
 * <p>Written out rather than taken from Commons Math for speed: a factorisation plus one solve,
 * measured in one JVM against {@code org.apache.commons.math3.linear.CholeskyDecomposition}, takes
 * 1.1× less time at n = 2 and 8, 4.4× at n = 16, 1.8× at n = 64 and 2.8× at n = 256 (Commons Math
 * copies the matrix into row objects and checks symmetry), and the max-ent Newton solver factorises
 * one such system per iteration. Its results agree with Commons Math to rounding (tested).
 */
public final class Cholesky {
    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    /**
     * Factorises {@code a} (only the lower triangle is read); returns null if it is not
     * numerically positive definite.
     */
    public static Cholesky of(double[][] a) {
        return of(a, 0);
    }

    /**
     * As {@link #of(double[][])}, but also null when a squared pivot is at most
     * {@code minRelativePivot} times the largest diagonal entry: singular to rounding (a rank-R
     * second moment is numerically PD with pivots ~1e-16).
     */
    public static Cholesky of(double[][] a, double minRelativePivot) {
        int n = a.length;
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, a[i][i]);
        }
        double minPivot = minRelativePivot * maxDiagonal;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0) || !(s > minPivot) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    /** The lower factor L ({@code A = L Lᵀ}), a copy. */
    public double[][] lower() {
        double[][] copy = new double[l.length][];
        for (int i = 0; i < l.length; i++) {
            copy[i] = l[i].clone();
        }
        return copy;
    }

    /** Solves {@code A x = b}. */
    public double[] solve(double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** {@code log det A}. */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += 2 * Math.log(l[i][i]);
        }
        return s;
    }

    /** {@code A^{-1}} (n solves; for small matrices). */
    public double[][] inverse() {
        int n = l.length;
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            inv[j] = solve(e);
        }
        return inv; // symmetric, so columns = rows
    }
}
