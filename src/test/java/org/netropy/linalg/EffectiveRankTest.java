package org.netropy.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;

class EffectiveRankTest {

    @Test
    void everyMeasureEqualsRForAFlatRankRSpectrum() {
        for (int r = 1; r <= 6; r++) {
            double[] s = new double[9];
            for (int i = 0; i < r; i++) {
                s[i] = 2.5;
            }
            for (EffectiveRank e : EffectiveRank.values()) {
                assertEquals(r, e.of(s), 1e-12, e.label() + " r=" + r);
            }
        }
    }

    @Test
    void powerLawSpectrumHitsTheTargetForEveryMeasure() {
        for (EffectiveRank e : EffectiveRank.values()) {
            for (double target : new double[] {1.5, 3.0, 7.25}) {
                double[] s = e.powerLawSpectrum(20, target);
                assertEquals(target, e.of(s), 1e-9, e.label());
                double norm = 0;
                for (double x : s) {
                    norm += x * x;
                }
                assertEquals(1, norm, 1e-12);
                for (int i = 1; i < s.length; i++) {
                    assertTrue(s[i] <= s[i - 1]);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () -> EffectiveRank.ENTROPY.powerLawSpectrum(5, 6));
    }

    @Test
    void svdReconstructsAndIsOrthonormal() {
        SplittableRandom r = new SplittableRandom(3);
        for (int[] shape : new int[][] {{7, 4}, {4, 7}, {30, 25}}) {
            double[][] a = new double[shape[0]][shape[1]];
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextGaussian();
                }
            }
            Svd svd = Svd.of(a);
            int k = Math.min(shape[0], shape[1]);
            double[][] back = svd.reconstruct(svd.s(), k);
            for (int i = 0; i < shape[0]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    assertEquals(a[i][j], back[i][j], 1e-12);
                }
            }
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    double du = 0;
                    double dv = 0;
                    for (double[] row : svd.u()) {
                        du += row[p] * row[q];
                    }
                    for (double[] row : svd.v()) {
                        dv += row[p] * row[q];
                    }
                    assertEquals(p == q ? 1 : 0, du, 1e-12);
                    assertEquals(p == q ? 1 : 0, dv, 1e-12);
                }
            }
            double f2 = 0;
            for (double s : svd.s()) {
                f2 += s * s;
            }
            assertEquals(Svd.frobenius(a), Math.sqrt(f2), 1e-12);
        }
    }
}
