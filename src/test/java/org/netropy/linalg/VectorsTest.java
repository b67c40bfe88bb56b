package org.netropy.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared vector helpers on hand values. */
class VectorsTest {

    @Test
    void cosineOfHandVectors() {
        assertEquals(0.0, Vectors.cosine(new double[] {1, 0}, new double[] {0, 2}), 0);
        assertEquals(-1.0, Vectors.cosine(new double[] {1, 1}, new double[] {-3, -3}), 1e-15);
        assertEquals(1 / Math.sqrt(2), Vectors.cosine(new double[] {1, 0}, new double[] {1, 1}), 1e-15);
        assertTrue(Double.isNaN(Vectors.cosine(new double[] {0, 0}, new double[] {1, 1})));
    }

    @Test
    void relativeDistanceIsTheFrobeniusRatio() {
        // ‖a − r‖² = 1 + 4 + 0 + 4 = 9, ‖r‖² = 1 + 0 + 4 + 4 = 9 → 1
        double[][] r = {{1, 0}, {2, 2}};
        double[][] a = {{2, 2}, {2, 0}};
        assertEquals(1.0, Vectors.relativeDistance(a, r), 1e-15);
        assertEquals(0.0, Vectors.relativeDistance(r, r), 0);
        assertTrue(Double.isNaN(Vectors.relativeDistance(a, new double[][] {{0, 0}, {0, 0}})));
    }
}
