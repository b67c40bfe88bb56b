package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;

class EffectiveRankTest {
    @Test
    void identityHasFullRankInEveryMeasure() {
        int n = 6;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = 2.5;
        }
        EiWeightRank r = EiWeightRank.ofSingularValues(EiWeightRank.singularValues(w));
        assertEquals(n, r.erank(), 1e-12);
        assertEquals(n, r.participationRatio(), 1e-12);
        assertEquals(n, r.stableRank(), 1e-12);
        assertEquals(n, r.nuclearOverSpectral(), 1e-12);
    }

    @Test
    void outerProductHasRankOne() {
        double[] u = {1, -2, 3, 0.5};
        double[] v = {2, 1, -1, 4, 0};
        double[][] w = new double[u.length][v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                w[i][j] = u[i] * v[j];
            }
        }
        double[] s = EiWeightRank.singularValues(w);
        double norm = Math.sqrt((1 + 4 + 9 + 0.25) * (4 + 1 + 1 + 16));
        assertEquals(norm, s[0], 1e-12);
        EiWeightRank r = EiWeightRank.ofSingularValues(s);
        assertEquals(1.0, r.erank(), 1e-9);
        assertEquals(1.0, r.stableRank(), 1e-12);
    }

    @Test
    void erankOfTwoSingularValuesIsExpOfTheirEntropy() {
        EiWeightRank r = EiWeightRank.ofSingularValues(new double[] {1, 3});
        double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertEquals(Math.exp(h), r.erank(), 1e-14);
        assertEquals(100.0 / 82.0, r.participationRatio(), 1e-14);
        assertEquals(10.0 / 9.0, r.stableRank(), 1e-14);
        assertArrayEquals(new double[] {3, 1}, r.singularValues());
    }

    @Test
    void sampledMatrixHasTheModelsSignsAndDensity() {
        EiParameters prm = new EiParameters(200, 0.1, 0.2, 0.3, 0.7, 0.001);
        double[][] w = EiWeightRank.sampleWeights(prm, new RandomStreams(2));
        long nonzero = 0;
        for (int i = 0; i < 200; i++) {
            assertEquals(0.0, w[i][i]);
            for (int j = 0; j < 200; j++) {
                double expected = j < prm.excitatoryCount() ? 0.3 : -0.7;
                assertTrue(w[i][j] == 0 || w[i][j] == expected);
                nonzero += w[i][j] != 0 ? 1 : 0;
            }
        }
        assertEquals(0.1 * 200 * 199, nonzero, 5 * Math.sqrt(0.1 * 200 * 199));
        // the mean row sum is the branching parameter: the outlier singular value is close to lambda
        double[] s = EiWeightRank.singularValues(w);
        assertTrue(s[0] > 0 && s[0] < 20, "top singular value " + s[0]);
    }
}
