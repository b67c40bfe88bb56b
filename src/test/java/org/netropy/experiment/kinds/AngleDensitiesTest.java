package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NeuronTable;

/** Selectivity-angle histograms shared by maxent-angles and gd-maxent: the flip, the bins, unit mass. */
class AngleDensitiesTest {
    @Test
    void anglesAreTakenAfterFlippingToPositiveReadoutAndEachPatternHasUnitMass() {
        double[][] w = {{1, 1}, {1, 1}, {0, 1}, {1, 0}};
        double[] z = {-1, 1, 1, 1};
        double[][] v = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
        NeuronTable t = NeuronTable.of(w, v, new double[4], z, new double[][] {{1, 0}, {1, 0}, {1, 0}, {0, 1}});
        Map<String, double[]> d = MaxEntAnglesKind.angleDensities(t, new String[] {"10", "10", "10", "01"}, 24);
        assertEquals(java.util.Set.of("g10", "g01"), d.keySet());
        double width = 15;
        // (1, 1) with z < 0 becomes (-1, -1): -135 degrees, bin 3 (centre -127.5); (1, 1): 45 degrees, bin 15; (0, 1): 90, bin 18
        assertEquals(-127.5, MaxEntAnglesKind.binCentre(3, 24));
        assertEquals(1 / (3 * width), d.get("g10")[3], 1e-15);
        assertEquals(1 / (3 * width), d.get("g10")[15], 1e-15);
        assertEquals(1 / (3 * width), d.get("g10")[18], 1e-15);
        assertEquals(1 / width, d.get("g01")[12], 1e-15); // (1, 0): 0 degrees, bin 12
        for (double[] density : d.values()) {
            assertEquals(1, java.util.Arrays.stream(density).sum() * width, 1e-12);
        }
    }
}
