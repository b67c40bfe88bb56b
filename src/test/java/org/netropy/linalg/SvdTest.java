package org.netropy.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The thin SVD's defining identities, for tall, wide and rank-deficient matrices. */
class SvdTest {
    @Test
    void factorsReconstructTheMatrixAndAreOrthonormal() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int[] shape : new int[][] {{7, 3}, {3, 7}, {5, 5}, {1, 4}}) {
            double[][] a = new double[shape[0]][shape[1]];
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rng.nextDouble(-1, 1);
                }
            }
            Svd d = Svd.of(a);
            int r = Math.min(shape[0], shape[1]);
            assertEquals(r, d.s().length);
            assertEquals(shape[0], d.u().length);
            assertEquals(r, d.u()[0].length);
            assertEquals(shape[1], d.v().length);
            assertEquals(r, d.v()[0].length);
            for (int i = 1; i < r; i++) {
                assertTrue(d.s()[i] <= d.s()[i - 1]);
            }
            double[][] back = d.reconstruct(d.s(), r);
            for (int i = 0; i < shape[0]; i++) {
                assertArrayEquals(a[i], back[i], 1e-12);
            }
            assertOrthonormalColumns(d.u());
            assertOrthonormalColumns(d.v());
            assertArrayEquals(d.s(), Svd.singularValues(a), 1e-12);
        }
    }

    @Test
    void rankOneMatrixHasOneNonZeroSingularValueEqualToItsFrobeniusNorm() {
        double[] x = {1, -2, 3};
        double[] y = {0.5, 4};
        double[][] a = new double[3][2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                a[i][j] = x[i] * y[j];
            }
        }
        double[] s = Svd.singularValues(a);
        assertEquals(Svd.frobenius(a), s[0], 1e-12);
        assertEquals(0, s[1], 1e-12);
    }

    private static void assertOrthonormalColumns(double[][] q) {
        int k = q[0].length;
        for (int p = 0; p < k; p++) {
            for (int c = 0; c < k; c++) {
                double dot = 0;
                for (double[] row : q) {
                    dot += row[p] * row[c];
                }
                assertEquals(p == c ? 1 : 0, dot, 1e-12);
            }
        }
    }
}
