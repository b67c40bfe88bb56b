package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.stat.hypothesis.KSTest;

/** Textbook values on inputs small enough to compute by hand. */
class DistancesTest {

    @Test
    void totalVariationAndJensenShannonHandValues() {
        Map<String, Double> p = Map.of("10", 1.0);
        Map<String, Double> q = Map.of("10", 0.5, "01", 0.5);
        assertEquals(0.5, Distances.totalVariation(p, q), 1e-15);
        // m = (3/4, 1/4): JS = ½ ln(4/3) + ¼ ln(4/3) nats = ¾ log2(4/3) bits.
        assertEquals(0.75 * Math.log(4.0 / 3) / Math.log(2), Distances.jensenShannonBits(p, q), 1e-14);
        // Disjoint supports: TV = 1, JS = 1 bit (the maximum in base 2).
        assertEquals(1.0, Distances.totalVariation(Map.of("00", 1.0), Map.of("11", 1.0)), 0);
        assertEquals(1.0, Distances.jensenShannonBits(Map.of("00", 1.0), Map.of("11", 1.0)), 1e-15);
        assertEquals(0.0, Distances.jensenShannonBits(q, q), 0);
    }

    @Test
    void kolmogorovSmirnovAndWassersteinHandValues() {
        assertEquals(1.0 / 3, Distances.kolmogorovSmirnov(new double[] {1, 2, 3}, new double[] {2, 3, 4}), 1e-15);
        assertEquals(1.0, Distances.wasserstein1(new double[] {1, 2, 3}, new double[] {2, 3, 4}), 1e-15);
        assertEquals(0.5, Distances.wasserstein1(new double[] {0, 1}, new double[] {0.5, 1.5}), 1e-15);
        // Ties: F_a(0) = 2/3, F_b(0) = 1/3 on [0, 1).
        assertEquals(1.0 / 3, Distances.kolmogorovSmirnov(new double[] {0, 0, 1}, new double[] {0, 1, 1}), 1e-15);
        assertEquals(1.0 / 3, Distances.wasserstein1(new double[] {0, 0, 1}, new double[] {0, 1, 1}), 1e-15);
        // Unequal sizes: {0} vs {0, 2}: W1 = ½·2.
        assertEquals(1.0, Distances.wasserstein1(new double[] {0}, new double[] {0, 2}), 1e-15);
        assertEquals(0.5, Distances.kolmogorovSmirnov(new double[] {0}, new double[] {0, 2}), 1e-15);
    }

    @Test
    void kolmogorovSmirnovAgreesWithSmile() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[500];
        double[] y = new double[700];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.2 + r.nextGaussian();
        }
        assertEquals(KSTest.test(x, y).d, Distances.kolmogorovSmirnov(x, y), 1e-12);
    }

    @Test
    void energyDistanceHandValues() {
        // 1-D: {0} vs {1}: 2·1 − 0 − 0.
        assertEquals(2.0, Distances.energyDistance(new double[][] {{0}}, new double[][] {{1}})[0], 1e-15);
        // {0, 2} vs {1}: E|X−Y| = 1, E|X−X'| = (0+2+2+0)/4 = 1, E|Y−Y'| = 0.
        double[] e = Distances.energyDistance(new double[][] {{0}, {2}}, new double[][] {{1}});
        assertEquals(1.0, e[0], 1e-15);
        assertEquals(1.0, e[1], 1e-15);
        // 2-D: {(0,0)} vs {(3,4)}: 2·5.
        assertEquals(10.0, Distances.energyDistance(new double[][] {{0, 0}}, new double[][] {{3, 4}})[0], 1e-14);
        double[][] x = {{1, 2}, {3, -1}, {0, 0}};
        assertEquals(0.0, Distances.energyDistance(x, x)[0], 0);
    }

    @Test
    void verdictCalibrationsOfTheDocsHold() {
        // docs/COMPARATOR.md: a half-SD shift of a 1-D Gaussian gives H = 0.0583 (closed form),
        // a quarter-SD shift gives KS = 2Φ(1/8) − 1 = 0.0995.
        SplittableRandom r = new SplittableRandom(17);
        int n = 2000;
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            y[i][0] = 0.5 + r.nextGaussian();
            xs[i] = r.nextGaussian();
            ys[i] = 0.25 + r.nextGaussian();
        }
        double[] e = Distances.energyDistance(x, y);
        assertEquals(0.0583, e[0] / (2 * e[1]), 0.02);
        assertEquals(0.0995, Distances.kolmogorovSmirnov(xs, ys), 0.045);
    }

    @Test
    void gaussianKlHandValues() {
        // KL(N(0,1) ‖ N(0,2)) = ½(1/2 − 1 + ln 2).
        assertEquals(0.5 * (0.5 - 1 + Math.log(2)), Distances.gaussianKlNats(new double[][] {{1}}, new double[][] {{2}}), 1e-14);
        // Independent coordinates add.
        double sum = 0.5 * (0.5 - 1 + Math.log(2)) + 0.5 * (3.0 / 1 - 1 + Math.log(1.0 / 3));
        assertEquals(sum, Distances.gaussianKlNats(new double[][] {{1, 0}, {0, 3}}, new double[][] {{2, 0}, {0, 1}}), 1e-14);
        double[][] s = {{2, 0.5}, {0.5, 1}};
        assertEquals(0.0, Distances.gaussianKlNats(s, s), 1e-14);
        assertTrue(Double.isNaN(Distances.gaussianKlNats(new double[][] {{1, 1}, {1, 1}}, s)));
    }

    @Test
    void goodmanWithOneCategoryIsTheWilsonInterval() {
        // Wilson 95% interval for 8 successes out of 10: [0.4902, 0.9433] (Newcombe 1998, Table I style).
        double[] ci = PopulationStatistics.goodmanInterval(8, 10, 0.95, 1);
        assertEquals(0.4902, ci[0], 1e-4);
        assertEquals(0.9433, ci[1], 1e-4);
        // More categories widen the simultaneous intervals.
        double[] wide = PopulationStatistics.goodmanInterval(8, 10, 0.95, 4);
        assertTrue(wide[0] < ci[0] && wide[1] > ci[1]);
    }
}
