package org.netropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void studentTQuantilesMatchPrintedTables() {
        // Two-sided 95% critical values from any statistics textbook table.
        assertEquals(12.706, SeedStatistics.tQuantile975(1), 1e-3);
        assertEquals(4.303, SeedStatistics.tQuantile975(2), 1e-3);
        assertEquals(2.776, SeedStatistics.tQuantile975(4), 1e-3);
        assertEquals(2.262, SeedStatistics.tQuantile975(9), 1e-3);
        assertEquals(2.042, SeedStatistics.tQuantile975(30), 1e-3);
        assertEquals(1.960, SeedStatistics.tQuantile975(100_000), 1e-3); // the normal limit
    }

    @Test
    void smallSampleByHand() {
        // 1,2,3,4: mean 2.5, sample variance 5/3, half-width t(3) * sd / 2 with t(3) = 3.182.
        SeedStatistics s = SeedStatistics.of(new double[] {4, 1, 3, 2});
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3.0), s.sd(), 1e-15);
        assertEquals(3.182 * Math.sqrt(5.0 / 3.0) / 2, s.ciHigh() - s.mean(), 1e-3);
        assertEquals(s.mean() - s.ciLow(), s.ciHigh() - s.mean(), 1e-12);
    }

    @Test
    void nonFiniteValuesAreLeftOutAndTooFewValuesGiveNoInterval() {
        SeedStatistics s = SeedStatistics.of(new double[] {1, Double.NaN, 3});
        assertEquals(2, s.n());
        assertEquals(2.0, s.mean(), 0);
        SeedStatistics one = SeedStatistics.of(new double[] {5});
        assertEquals(5.0, one.mean(), 0);
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()));
        assertEquals(0, SeedStatistics.of(new double[] {Double.NaN}).n());
    }

    @Test
    void intervalsCoverTheTrueMeanNinetyFivePercentOfTheTime() {
        SplittableRandom rng = new SplittableRandom(42);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[5];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 + 2 * rng.nextGaussian();
            }
            SeedStatistics s = SeedStatistics.of(x);
            if (s.ciLow() <= 3 && 3 <= s.ciHigh()) {
                covered++;
            }
        }
        // Binomial(4000, 0.95) has sd 0.0034: allow four of them.
        assertEquals(0.95, (double) covered / trials, 0.014);
    }
}
