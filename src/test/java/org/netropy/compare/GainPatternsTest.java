package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NeuronTable;

class GainPatternsTest {

    static NeuronTable table(double[][] gains) {
        int n = gains.length;
        double[][] w = new double[n][2];
        double[][] v = new double[n][2];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = new double[] {i + 1, -i};
            v[i] = new double[] {0.1 * i, -0.2};
            z[i] = i % 2 == 0 ? -1.5 : 2;
        }
        return NeuronTable.of(w, v, new double[n], z, gains);
    }

    @Test
    void patternsContextOneFirstAndAmbiguousBand() {
        NeuronTable t = table(new double[][] {{0.9, 0.1}, {0.5, 0.2}, {0.4, 0.8}, {0.0, 0.0}});
        assertArrayEquals(new String[] {"10", "10", "01", "00"}, GainPatterns.of(t, 0.5));
        // Ambiguous: some gain in [0.3, 0.7): rows 2 (0.5) and 3 (0.4).
        assertEquals(0.5, GainPatterns.ambiguousFraction(t, 0.3, 0.7), 0);
        assertEquals(0.5, GainPatterns.fractions(GainPatterns.of(t, 0.5)).get("10"), 0);
    }

    @Test
    void canonicalisationFlipsOnlyWAndZAndKeepsSecondMoments() {
        NeuronTable t = table(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        NeuronTable c = SignCanonicalisation.canonicalise(t);
        for (int i = 0; i < t.size(); i++) {
            assertTrue(c.z()[i] >= 0);
            assertEquals(t.z()[i] * t.w()[i][0], c.z()[i] * c.w()[i][0], 0);
            assertEquals(t.w()[i][0] * t.w()[i][1], c.w()[i][0] * c.w()[i][1], 0);
            assertArrayEquals(t.v()[i], c.v()[i], 0);
            assertArrayEquals(t.gain()[i], c.gain()[i], 0);
        }
        assertArrayEquals(new double[] {-1, 0}, c.w()[0], 0);
    }
}
