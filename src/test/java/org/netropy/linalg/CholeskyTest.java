package org.netropy.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.junit.jupiter.api.Test;

/** The hand-written factorisation (kept for speed, see its Javadoc) against Commons Math's. */
class CholeskyTest {
    @Test
    void agreesWithCommonsMathOnRandomPositiveDefiniteMatrices() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 8, 16, 40}) {
            double[][] g = new double[n][n];
            for (double[] row : g) {
                for (int j = 0; j < n; j++) {
                    row[j] = rng.nextDouble(-1, 1);
                }
            }
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        a[i][j] += g[i][k] * g[j][k];
                    }
                }
                a[i][i] += 0.1;
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = rng.nextDouble(-1, 1);
            }
            Cholesky mine = Cholesky.of(a);
            CholeskyDecomposition ref = new CholeskyDecomposition(new Array2DRowRealMatrix(a));
            double[] x = ref.getSolver().solve(new ArrayRealVector(b)).toArray();
            assertArrayEquals(x, mine.solve(b), 1e-9 * norm(x));
            assertEquals(Math.log(ref.getDeterminant()), mine.logDeterminant(), 1e-9 * Math.max(1, Math.abs(mine.logDeterminant())));
        }
    }

    @Test
    void indefiniteOrNonFiniteMatricesAreRefused() {
        assertNull(Cholesky.of(new double[][] {{1, 2}, {2, 1}}));
        assertNull(Cholesky.of(new double[][] {{Double.NaN}}));
        assertNull(Cholesky.of(new double[][] {{0}}));
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.max(1, Math.sqrt(s));
    }
}
