package org.netropy.linalg;

import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Eigen-decomposition {@code A = V diag(λ) Vᵀ} of a symmetric matrix: LAPACK's symmetric driver
 * through Smile (as {@link Svd}). Used where a pure-Java routine costs too much, e.g. the
 * Golub–Welsch Gauss–Hermite rules beyond 128 nodes. Eigenvalues ascending; column j of
 * {@code vectors} belongs to {@code values[j]}.
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("symmetric eigen-decomposition needs a square matrix");
            }
        }
        Matrix m = Matrix.of(a);
        m.uplo(UPLO.LOWER);
        Matrix.EVD evd = m.eigen(false, true, true);
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(evd.wr[x], evd.wr[y]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = evd.wr[order[j]];
            for (int i = 0; i < n; i++) {
                vectors[i][j] = evd.Vr.get(i, order[j]);
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
