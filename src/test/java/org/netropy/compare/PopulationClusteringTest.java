package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;

class PopulationClusteringTest {

    /** Three populations of (w_1, w_2, z): w ≈ z·direction + noise, directions 120° apart. */
    static double[][] threePopulations(int n, int[] labels, SplittableRandom r) {
        double[][] dirs = {{2, 0}, {-1, 1.7}, {-1, -1.7}};
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            labels[i] = k;
            double z = 1 + 0.1 * r.nextGaussian();
            double sign = r.nextBoolean() ? 1 : -1; // the sign symmetry: canonicalisation must undo it
            x[i][0] = sign * (z * dirs[k][0] + 0.2 * r.nextGaussian());
            x[i][1] = sign * (z * dirs[k][1] + 0.2 * r.nextGaussian());
            x[i][2] = sign * z;
        }
        return x;
    }

    @Test
    void threePopulationMixtureIsRecovered() {
        int n = 3000;
        int[] labels = new int[n];
        double[][] x = threePopulations(n, labels, new SplittableRandom(11));
        var r = PopulationClustering.cluster(x, 2, new int[] {0, 1, 2}, labels, PopulationClustering.Settings.defaults(),
                new RandomStreams(7));
        assertEquals(3, r.k(), r.toString());
        assertTrue(r.ariWithPatterns() > 0.95, r.toString());
        assertTrue(r.kmeansAriWithPatterns() > 0.9, r.toString());
        assertTrue(r.wardAriWithPatterns() > 0.9, r.toString());
        assertTrue(r.silhouette() > 0.5, r.toString());
        // Perfectly stable; the Gaussian null (three rays 120° apart give an isotropic fit) is itself
        // often stable on overlapping 80% subsamples, so z is conservative here (docs/COMPARATOR.md).
        assertTrue(r.stability() > 0.99, r.toString());
        assertTrue(r.stabilityZ() > 1, r.toString());
    }

    @Test
    void structurelessGaussianGivesStabilityZNearZero() {
        int n = 3000;
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = new double[n][3];
        for (double[] row : x) {
            row[0] = rng.nextGaussian();
            row[1] = 0.5 * row[0] + rng.nextGaussian();
            row[2] = 2 * rng.nextGaussian();
        }
        // Average over three independent seeds so one unlucky draw does not decide. Each seed must not
        // claim structure (z below the verdict's 2); the lower tail is heavy with 10 bootstraps and 10
        // nulls (measured over 12 seeds on two data draws: 3 of 24 runs below -3.5, none above 1.5),
        // and a low z only says "less stable than the null", which the verdict does not read as structure.
        double sum = 0;
        for (int seed = 1; seed <= 3; seed++) {
            var r = PopulationClustering.cluster(x, 2, new int[] {0, 1, 2}, new int[n],
                    new PopulationClustering.Settings(4, 10, 10, 0.8, 300, 1000, 3000), new RandomStreams(seed));
            assertTrue(r.stabilityZ() == null || r.stabilityZ() < 2, r.toString());
            sum += r.stabilityZ() == null ? 0 : r.stabilityZ();
        }
        assertTrue(Math.abs(sum / 3) < 2, "mean z " + sum / 3);
    }

    @Test
    void sameSeedSameResult() {
        int n = 900;
        int[] labels = new int[n];
        double[][] x = threePopulations(n, labels, new SplittableRandom(2));
        var s = new PopulationClustering.Settings(4, 4, 4, 0.8, 200, 500, 600);
        var r1 = PopulationClustering.cluster(x, 2, new int[] {0, 1, 2}, labels, s, new RandomStreams(9));
        var r2 = PopulationClustering.cluster(x, 2, new int[] {0, 1, 2}, labels, s, new RandomStreams(9));
        assertEquals(r1, r2);
    }

    @Test
    void silhouetteHandValue() {
        // Two points per cluster on a line: {0, 1} and {10, 11}.
        double[][] x = {{0}, {1}, {10}, {11}};
        int[] l = {0, 0, 1, 1};
        // Point 0: a = 1, b = (10+11)/2 = 10.5 → 1 − 1/10.5; point 1: a = 1, b = 9.5 → 1 − 1/9.5; symmetric.
        double expected = ((1 - 1 / 10.5) + (1 - 1 / 9.5)) / 2;
        assertEquals(expected, PopulationClustering.silhouette(x, l), 1e-14);
    }
}
