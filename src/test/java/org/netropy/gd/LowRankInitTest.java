package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;
import org.netropy.linalg.EffectiveRank;
import org.netropy.linalg.Svd;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.Task;
import org.netropy.task.TaskData;

/** Low-rank initial weights: rank, norm, pairing across ranks, effective rank, alignment. */
class LowRankInitTest {
    private final Task task = new FleschTreesTask();

    private double[][] w(LowRankSpec lr, long seed) {
        GdRunSpec spec = GdRunSpec.flesch(task, 60, 0.7, 1.0, 1).withInit(
                GdRunSpec.flesch(task, 60, 0.7, 1.0, 1).init().withLowRank(lr));
        return Initializer.draw(spec, new RandomStreams(seed)).w();
    }

    private static int numericalRank(double[][] a) {
        double[] s = Svd.singularValues(a);
        int r = 0;
        for (double x : s) {
            if (x > 1e-9 * s[0]) {
                r++;
            }
        }
        return r;
    }

    @Test
    void truncatedRanksHaveTheRankTheNormAndShareTheGaussian() {
        double[][] full = w(LowRankSpec.FULL, 5);
        double frob = Svd.frobenius(full);
        double[] sFull = Svd.singularValues(full);
        for (int r : new int[] {1, 3, 10}) {
            double[][] lr = w(LowRankSpec.rank(r), 5);
            assertEquals(r, numericalRank(lr));
            assertEquals(frob, Svd.frobenius(lr), 1e-10 * frob, "Frobenius norm kept");
            double[][] spec = w(new LowRankSpec(LowRankSpec.Mode.SPECTRAL, r), 5);
            assertEquals(r, numericalRank(spec));
            double[] s = Svd.singularValues(spec);
            assertEquals(sFull[0], s[0], 1e-10 * sFull[0], "spectral norm kept");
            // paired: the rank-r matrix is the truncation of the same Gaussian, so it is closest to it
            double[][] other = w(LowRankSpec.rank(r), 6);
            assertTrue(distance(spec, full) < distance(other, full));
            for (int i = 0; i < r; i++) {
                assertEquals(sFull[i], s[i], 1e-10 * sFull[0]);
            }
        }
        assertThrows(InvalidInputException.class, () -> w(LowRankSpec.rank(26), 5));
    }

    @Test
    void effectiveRankInitHitsTheTargetAtTheGaussiansNorm() {
        double[][] full = w(LowRankSpec.FULL, 9);
        double[][] e = w(new LowRankSpec(LowRankSpec.Mode.EFFECTIVE, 4.5), 9);
        assertEquals(4.5, EffectiveRank.ENTROPY.of(Svd.singularValues(e)), 1e-8);
        assertEquals(Svd.frobenius(full), Svd.frobenius(e), 1e-10 * Svd.frobenius(full));
    }

    @Test
    void alignedWeightsLieInTheTaskDirectionsAndAntiAlignedOrthogonalToThem() {
        TaskData data = task.data();
        double[][] q = Initializer.taskDirections(data);
        assertEquals(2, q.length);
        double[][] al = w(new LowRankSpec(LowRankSpec.Mode.ALIGNED, 2), 3);
        double[][] anti = w(new LowRankSpec(LowRankSpec.Mode.ANTI_ALIGNED, 5), 3);
        assertEquals(2, numericalRank(al));
        assertEquals(5, numericalRank(anti));
        double inAl = 0;
        double inAnti = 0;
        for (int i = 0; i < al.length; i++) {
            for (double[] e : q) {
                inAl += Math.pow(org.netropy.linalg.Vectors.dot(al[i], e), 2);
                inAnti += Math.pow(org.netropy.linalg.Vectors.dot(anti[i], e), 2);
            }
        }
        double f = Svd.frobenius(al);
        assertEquals(f * f, inAl, 1e-9 * f * f, "all energy in the task span");
        assertEquals(0, inAnti, 1e-9 * f * f, "no energy in the task span");
        assertThrows(InvalidInputException.class, () -> w(new LowRankSpec(LowRankSpec.Mode.ALIGNED, 3), 3));
    }

    private static double distance(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void symmetricInitHasZeroOutputAndMirrorPairs() {
        GdRunSpec base = GdRunSpec.meanField(GdTestSupport.smallTask(), 10, 1.0, 1);
        GdRunSpec spec = base.withInit(base.init().withSymmetric(true));
        Network net = Initializer.draw(spec, new RandomStreams(2));
        for (double y : net.outputs(spec.task().data())) {
            assertEquals(0, y, 1e-15);
        }
        for (int i = 0; i < 10; i += 2) {
            assertEquals(net.z()[i], -net.z()[i + 1]);
        }
        assertThrows(InvalidInputException.class, () -> GdRunSpec.meanField(GdTestSupport.smallTask(), 9, 1.0, 1)
                .withInit(base.init().withSymmetric(true)));
    }
}
