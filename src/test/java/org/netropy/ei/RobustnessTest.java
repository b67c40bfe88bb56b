package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobustnessTest {
    @Test
    void triangleCurveHasAnalyticWidths() {
        // h = 10 - 4|lambda - 1| on 0..2: the 1-bit interval is [0.75, 1.25], h >= 5 is everything.
        int n = 41;
        double[] x = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.05 * i;
            h[i] = 10 - 4 * Math.abs(x[i] - 1);
        }
        Robustness r = Robustness.of(x, h);
        assertEquals(10, r.peakEntropyBits(), 1e-12);
        assertEquals(1, r.peakLambda(), 1e-12);
        assertEquals(0.75, r.lambdaLow(), 1e-12);
        assertEquals(1.25, r.lambdaHigh(), 1e-12);
        assertEquals(0.5, r.widthOneBit(), 1e-12);
        assertEquals(Math.log10(1.25 / 0.75), r.log10WidthOneBit(), 1e-12);
        assertEquals(2.0, r.widthHalfPeak(), 1e-12); // reaches both grid ends
        assertFalse(r.censored());
        assertTrue(r.halfPeakCensored());
        assertEquals(8.0, r.meanEntropyBits(), 1e-12); // (20 - 4) / 2
    }

    @Test
    void intervalStopsAtTheFirstDipBelowThreshold() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] h = {0, 5, 3, 5.5, 6, 0};
        Robustness r = Robustness.of(x, h);
        assertEquals(5, r.peakLambda());
        // the run above 5 bits is {4, 5} (h[1] = 5 is cut off by the dip at 3); crossings interpolated
        assertEquals(3.8, r.lambdaLow(), 1e-12);
        assertEquals(5 + 1.0 / 6, r.lambdaHigh(), 1e-12);
        assertFalse(r.censored());
        assertThrows(IllegalArgumentException.class, () -> Robustness.of(new double[] {1, 1}, new double[] {0, 0}));
    }
}
