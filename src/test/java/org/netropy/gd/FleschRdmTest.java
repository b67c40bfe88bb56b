package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.task.FleschTreesTask;

/** The RDMs of the Flesch figure: normalisation, the coarse conditions and the model RDMs by hand. */
class FleschRdmTest {
    @Test
    void aNormalisedRdmIsSymmetricWithMeanOneAndBlindToTheScaleOfActivity() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[7][4];
        double[][] scaled = new double[7][4];
        for (int s = 0; s < 7; s++) {
            for (int j = 0; j < 4; j++) {
                x[s][j] = rng.nextGaussian();
                scaled[s][j] = 250 * x[s][j];
            }
        }
        double[][] d = FleschAnalysis.normalisedRdm(x);
        double sum = 0;
        for (int s = 0; s < 7; s++) {
            assertEquals(0, d[s][s]);
            for (int t = 0; t < 7; t++) {
                assertEquals(d[s][t], d[t][s]);
                sum += s < t ? d[s][t] : 0;
            }
        }
        assertEquals(1, sum / 21, 1e-12);
        double[][] e = FleschAnalysis.normalisedRdm(scaled);
        for (int s = 0; s < 7; s++) {
            assertArrayEquals(d[s], e[s], 1e-12); // rich and lazy networks' RDMs on one colour scale
        }
    }

    @Test
    void theCoarseConditionsAreBothContextsAtTheGridsEndsAndMiddle() {
        int[] c = FleschAnalysis.coarseConditions();
        assertEquals(18, c.length);
        int[][] idx = FleschTreesTask.featureIndices();
        for (int i = 0; i < c.length; i++) {
            assertEquals(i < 9 ? 0 : 1, c[i] / 25, "context-major");
            for (int level : idx[c[i] % 25]) {
                assertTrue(level == 0 || level == 2 || level == 4, "level " + level);
            }
        }
    }

    @Test
    void modelRdmsMatchDistancesWorkedOutByHand() {
        Map<String, double[][]> models = Map.of(
                "grid", FleschAnalysis.normalisedRdm(FleschAnalysis.modelEmbeddings(50)[0]),
                "orthogonal", FleschAnalysis.normalisedRdm(FleschAnalysis.modelEmbeddings(50)[1]));
        // samples: s = context * 25 + b * 5 + l (levels 0..4, centred at 2)
        int s00 = 0;
        int s01 = 1;       // l one level up
        int s44 = 24;      // both four levels up
        int c2s00 = 25;    // context 2, same tree
        double[][] grid = models.get("grid");
        // grid: (l, b) in both contexts: |(4, 4)| / |(1, 0)| = sqrt(32); the same tree in both contexts coincides
        assertEquals(Math.sqrt(32), grid[s00][s44] / grid[s00][s01], 1e-12);
        assertEquals(0, grid[s00][c2s00], 1e-12);
        double[][] orth = models.get("orthogonal");
        // orthogonal: context 1 at (l - 2, 0) = (-2, 0), context 2 at (0, b - 2) = (0, -2): sqrt(8) against 1
        assertEquals(Math.sqrt(8), orth[s00][c2s00] / orth[s00][s01], 1e-12);
    }
}
