package org.netropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawn intervals never claim the impossible, and agree with the textbook forms in their limits. */
class DrawnIntervalTest {
    @Test
    void wilsonWithTheBinomialVarianceIsTheTextbookWilsonInterval() {
        // seeds whose sd is exactly the binomial one of n trials: se^2 = p(1-p)/n, so n_eff = n
        double p = 0.2;
        int n = 25;
        double z = 1.96;
        double se = Math.sqrt(p * (1 - p) / n);
        DrawnInterval d = DrawnInterval.of(p, se * Math.sqrt(n), n, z * se, true, false);
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        assertEquals("wilson", d.method());
        assertEquals(centre - half, d.low(), 1e-12);
        assertEquals(centre + half, d.high(), 1e-12);
    }

    @Test
    void proportionIntervalsStayInsideZeroOne() {
        for (double p : new double[] {0.001, 0.02, 0.5, 0.97, 0.999}) {
            DrawnInterval d = DrawnInterval.of(p, 0.3, 3, 4.3 * 0.3 / Math.sqrt(3), true, false);
            assertTrue(d.low() >= 0 && d.high() <= 1 && d.low() <= p && d.high() >= p, p + ": " + d);
        }
    }

    @Test
    void logScaleIntervalsArePositiveAndSymmetricInLogs() {
        DrawnInterval d = DrawnInterval.of(1e-3, 5e-3, 4, 8e-3, false, true);
        assertTrue(d.low() > 0);
        assertEquals(Math.log(1e-3) - Math.log(d.low()), Math.log(d.high()) - Math.log(1e-3), 1e-12);
        // on a linear axis the same row gives the t interval, which crosses zero
        assertTrue(DrawnInterval.of(1e-3, 5e-3, 4, 8e-3, false, false).low() < 0);
    }

    @Test
    void fewerThanThreeSeedsGiveNoIntervalButTheSeedsThemselves() {
        assertFalse(DrawnInterval.of(0.5, 0.7, 2, 6.3, false, false).drawn());
        double[] two = DrawnInterval.seedValues(0.5, 0.7, 2);
        double sd = Math.abs(two[1] - two[0]) / Math.sqrt(2); // sample sd of two values
        assertEquals(0.7, sd, 1e-12);
        assertEquals(0.5, (two[0] + two[1]) / 2, 1e-12);
        assertEquals(1, DrawnInterval.seedValues(0.5, Double.NaN, 1).length);
        assertEquals(0, DrawnInterval.seedValues(0.5, 0.1, 3).length);
    }

    @Test
    void logTicksLabelEnoughValuesAndUsePowersOnlyForLongAxes() {
        List<String> shortAxis = JournalLogAxis.ticks(1, 32).stream().filter(JournalLogAxis.Tick::major).map(JournalLogAxis.Tick::label).toList();
        assertEquals(List.of("1", "2", "5", "10", "20"), shortAxis);
        List<String> longAxis = JournalLogAxis.ticks(1e-3, 10).stream().filter(JournalLogAxis.Tick::major).map(JournalLogAxis.Tick::label).toList();
        assertEquals(List.of("10⁻³", "10⁻²", "10⁻¹", "1", "10"), longAxis);
        assertEquals("0.02", JournalLogAxis.plain(2, -2));
        // an axis shorter than a decade labels 2.5 x 10^k so that its first point (amplitude 0.25) has a label
        assertEquals(List.of("0.25", "0.5", "1", "2"),
                JournalLogAxis.ticks(0.23, 2.2).stream().filter(JournalLogAxis.Tick::major).map(JournalLogAxis.Tick::label).sorted(
                        java.util.Comparator.comparingDouble(Double::parseDouble)).toList());
        assertTrue(JournalLogAxis.ticks(1, 32).stream().noneMatch(t -> t.label().equals("2.5")));
    }
}
