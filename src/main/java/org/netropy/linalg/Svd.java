package org.netropy.linalg;

import smile.math.matrix.Matrix;

/**
 * Thin singular value decomposition {@code A = U diag(s) Vᵀ} of a dense matrix: LAPACK through
 * Smile, the one SVD of the project (weight initialisation, rank measures of trained and E/I
 * networks). Measured in one JVM, a 1000 × 1000 matrix takes 0.34 s here against 27 s with Commons
 * Math's pure-Java SVD (and 0.7 ms against 0.7 s at 100 × 100), with singular values equal to
 * 3e-13. Singular values are sorted in decreasing order.
 *
 * @param u m × r left singular vectors (r = min(m, n))
 * @param s r singular values, decreasing
 * @param v n × r right singular vectors
 */
public record Svd(double[][] u, double[] s, double[][] v) {

    public static Svd of(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        int r = Math.min(m, n);
        Matrix.SVD d = Matrix.of(a).svd(true, true);
        return new Svd(columns(d.U, m, r), java.util.Arrays.copyOf(d.s, r), columns(d.V, n, r));
    }

    /** The first {@code cols} columns of {@code x} (LAPACK may return a full square factor). */
    private static double[][] columns(Matrix x, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = x.get(i, j);
            }
        }
        return out;
    }

    /** {@code Σ_{i<r} s_i u_i v_iᵀ} with the given singular values (length ≥ r) replacing s. */
    public double[][] reconstruct(double[] values, int rank) {
        int m = u.length;
        int n = v.length;
        double[][] a = new double[m][n];
        for (int r = 0; r < rank; r++) {
            double sr = values[r];
            if (sr == 0) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                double x = sr * u[i][r];
                for (int j = 0; j < n; j++) {
                    a[i][j] += x * v[j][r];
                }
            }
        }
        return a;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Frobenius norm. */
    public static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }

    /** Singular values only, decreasing (no singular vectors computed); empty for an empty matrix. */
    public static double[] singularValues(double[][] a) {
        if (a.length == 0 || a[0].length == 0) {
            return new double[0];
        }
        return Matrix.of(a).svd(false, true).s.clone();
    }
}
